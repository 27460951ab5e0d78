using Sitrep.Documents;
using Sitrep.Places;

namespace Sitrep.Tests.Places;

/// <summary>The shipped gazetteer and a tagger over it, loaded once for all place tests.</summary>
public static class PlacesFixture
{
    private static readonly Lazy<Gazetteer> Loaded = new(Gazetteer.LoadDefault);
    private static readonly Lazy<PlaceTagger> LoadedTagger = new(() => new PlaceTagger(Loaded.Value));

    public static Gazetteer Gazetteer => Loaded.Value;
    public static PlaceTagger Tagger => LoadedTagger.Value;

    /// <summary>Tags one paragraph of text and returns its place mentions in order.</summary>
    public static List<PlaceMention> Tag(string text)
    {
        var document = new Document { Id = "t", Text = text, Body = [new TextSpan(0, text.Length)] };
        return Tagger.Process(document).MentionsOf<PlaceMention>().ToList();
    }
}
