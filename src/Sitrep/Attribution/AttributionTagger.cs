using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Attribution;

/// <summary>The attribution lexicon: source phrases with their kind, reporting verbs, hedges.</summary>
public sealed class AttributionLexicon
{
    public const string Reference = "reference";

    /// <param name="sources">Source phrases with their kind; <c>Adjacent</c> ones ("ISIS said") need the verb right after them.</param>
    public AttributionLexicon(IEnumerable<(string Phrase, string Kind, bool Adjacent)> sources, IEnumerable<string> reportingVerbs, IEnumerable<string> hedges)
    {
        Sources = new PhraseMatcher<SourceEntry>(sources.Select(s => (s.Phrase, new SourceEntry(s.Kind, s.Adjacent))));
        ReportingVerbs = new PhraseMatcher<bool>(reportingVerbs.Select(v => (v, true)));
        Hedges = new PhraseMatcher<bool>(hedges.Select(h => (h, true)));
    }

    public PhraseMatcher<SourceEntry> Sources { get; }
    public PhraseMatcher<bool> ReportingVerbs { get; }
    public PhraseMatcher<bool> Hedges { get; }

    public static AttributionLexicon Load(string directory) => new(
        LexiconFile.ReadRows(Path.Combine(directory, "sources.tsv")).Where(r => r.Length >= 2).Select(r => (r[0], r[1], r.Length > 2 && r[2] == "adjacent")),
        LexiconFile.ReadRows(Path.Combine(directory, "reporting_verbs.txt")).Select(r => r[0]),
        LexiconFile.ReadRows(Path.Combine(directory, "hedges.txt")).Select(r => r[0]));

    public static AttributionLexicon LoadDefault() => Load(DataDirectory.PathOf("attribution"));
}

/// <summary>A source phrase's kind, and whether its reporting verb must follow at once.</summary>
public sealed record SourceEntry(string Kind, bool Adjacent);

/// <summary>
/// Finds who says what ("A field source confirmed", "according to local sources", "Amaq said in a
/// statement") and hedges ("allegedly", "preliminary information"). "The source added" points back
/// to the last named source, so it takes that source's kind.
/// </summary>
public sealed class AttributionTagger(AttributionLexicon lexicon) : IStage
{
    private const int VerbWindow = 10;

    public string Name => "attribution";
    public IReadOnlyList<string> Provides => [Produces.Attributions];
    public IReadOnlyList<string> Requires => [Produces.Sentences];

    public Document Process(Document document)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var mentions = new List<Mention>();
        // actors and places already named are not persons ("The Syrian Army said" is the army)
        var named = document.Mentions.Where(m => m.Label is "actor" or "place").Select(m => m.Span).ToList();
        string? lastKind = null;
        var tokenIndex = 0;
        foreach (var sentence in document.Sentences)
        {
            while (tokenIndex < tokens.Length && tokens[tokenIndex].Span.Start < sentence.Span.Start) tokenIndex++;
            var first = tokenIndex;
            var end = first;
            while (end < tokens.Length && tokens[end].Span.End <= sentence.Span.End) end++;

            foreach (var source in lexicon.Sources.FindAll(text, tokens, first, end))
            {
                var span = AttributedSpan(text, tokens, first, end, source);
                if (span is null) continue;
                var kind = source.Value.Kind;
                if (kind == AttributionLexicon.Reference)
                {
                    if (lastKind is null) continue;
                    kind = lastKind;
                }
                else lastKind = kind;
                mentions.Add(new AttributionMention(span.Value, kind));
            }
            foreach (var person in NamedPersonSources(text, tokens, first, end, mentions, named))
            {
                // "Al-Assad said", after "a senior Syrian lawmaker revealed": the person takes the kind of the source introduced before.
                mentions.Add(new AttributionMention(person, lastKind ?? SourceKinds.Other));
            }
            foreach (var hedge in lexicon.Hedges.FindAll(text, tokens, first, end))
                mentions.Add(new HedgeMention(hedge.Span));
            tokenIndex = end;
        }
        return document.AddMentions(mentions);
    }

    /// <summary>"Ammar al-Assad said", "Mohammed Abbas stated": one to three capitalised name words right before a reporting verb.</summary>
    private IEnumerable<TextSpan> NamedPersonSources(string text, IReadOnlyList<Token> tokens, int first, int end, List<Mention> found, List<TextSpan> named)
    {
        for (var k = first + 1; k < end; k++)
        {
            if (!lexicon.ReportingVerbs.TryMatchAt(text, tokens, k, end, out var length, out _)) continue;
            var start = k;
            while (start - 1 >= first && k - start < 3 && IsNameWord(text, tokens[start - 1])) start--;
            if (start == k) continue;
            var span = new TextSpan(tokens[start].Span.Start, tokens[k + length - 1].Span.End);
            if (found.Any(m => m.Span.Overlaps(span)) || named.Any(n => n.Overlaps(span))) continue;
            // a sentence-initial capital alone ("Reports indicated") is no name
            if (k - start == 1 && start == first) continue;
            yield return span;
        }
    }

    private static bool IsNameWord(string text, Token token)
    {
        if (token.Kind != TokenKind.Word) return false;
        var word = text.AsSpan(token.Span.Start, token.Span.Length);
        if (word.StartsWith("al-", StringComparison.Ordinal) || word.StartsWith("el-", StringComparison.Ordinal)) word = word[3..];
        return word.Length > 1 && char.IsUpper(word[0]) && char.IsLower(word[^1])
            && word is not ("The" or "A" or "An" or "He" or "She" or "They" or "It" or "We" or "This" or "That" or "Reports" or "Sources" or "Also" or "And");
    }

    /// <summary>The span "source ... verb" or "according to ... source", or null when the phrase is not used as a source.</summary>
    private TextSpan? AttributedSpan(string text, IReadOnlyList<Token> tokens, int first, int end, PhraseMatch<SourceEntry> source)
    {
        // "according to X", "cited X", "X's correspondent" before the phrase
        var before = source.TokenIndex - 1;
        if (before >= first && (Is(text, tokens[before], "the") || Is(text, tokens[before], "a"))) before--;
        if (before - 1 >= first && Is(text, tokens[before], "to") && Is(text, tokens[before - 1], "according"))
            return new TextSpan(tokens[before - 1].Span.Start, source.Span.End);
        // a reporting verb soon after: "A field source confirmed", "Amaq said in a statement",
        // "the source, who asked not to be named, said"
        var after = source.TokenIndex + source.TokenCount;
        var window = source.Value.Adjacent ? 2 : VerbWindow;
        for (var k = after; k < end && k < after + window; k++)
        {
            if (lexicon.ReportingVerbs.TryMatchAt(text, tokens, k, end, out var length, out _))
                return new TextSpan(source.Span.Start, tokens[k + length - 1].Span.End);
            if (IsClauseBreak(text, tokens[k])) break;
        }
        // the verb just before: "..., said the source", "citing local sources"
        var v = source.TokenIndex - 1;
        if (v >= first && lexicon.ReportingVerbs.TryMatchAt(text, tokens, v, source.TokenIndex, out _, out _))
            return new TextSpan(tokens[v].Span.Start, source.Span.End);
        return null;
    }

    private static bool IsClauseBreak(string text, Token token) =>
        Is(text, token, "that") || Is(text, token, "while") || Is(text, token, "which") || Is(text, token, "but")
        || Is(text, token, "whereas") || Is(text, token, ";");

    private static bool Is(string text, Token token, string word) =>
        text.AsSpan(token.Span.Start, token.Span.Length).Equals(word, StringComparison.OrdinalIgnoreCase);
}

public static class AttributionPipelineExtensions
{
    public static PipelineBuilder UseAttribution(this PipelineBuilder builder, AttributionLexicon lexicon) =>
        builder.Use(new AttributionTagger(lexicon));
}
