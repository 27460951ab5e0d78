using Sitrep.Actors;
using Sitrep.Documents;

namespace Sitrep.Tests.Actors;

/// <summary>One lexicon and tagger for every actor test (loading is the slow part).</summary>
internal static class ActorFixture
{
    private static readonly Lazy<ActorTagger> Shared = new(() => new ActorTagger(ActorLexicon.LoadDefault()));

    public static ActorTagger Tagger => Shared.Value;

    /// <summary>A document whose body is each paragraph of <paramref name="paragraphs"/>, separated by blank lines.</summary>
    public static Document Doc(params string[] paragraphs)
    {
        var text = string.Join("\n\n", paragraphs);
        var body = new List<TextSpan>();
        var at = 0;
        foreach (var p in paragraphs)
        {
            body.Add(new TextSpan(at, at + p.Length));
            at += p.Length + 2;
        }
        return new Document { Id = "test", Text = text, Body = [.. body] };
    }

    public static List<(string Surface, ActorMention Mention)> Tag(params string[] paragraphs)
    {
        var doc = Doc(paragraphs);
        return [.. Tagger.Find(doc).Select(m => (doc.Slice(m.Span), m))];
    }
}
