using System.Buffers;
using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Text;

/// <summary>
/// Splits body paragraphs into sentences and tokens. Abbreviation-aware ("U.S.", "Lt. Col.",
/// "km."), keeps decimals and initials together, and never crosses a paragraph boundary.
/// </summary>
public sealed class SentenceSplitter : IStage
{
    private static readonly FrozenAbbreviations Abbreviations = new(
        ["mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "brig", "adm", "st", "no",
         "vs", "etc", "jr", "sr", "prof", "rev", "gov", "sen", "rep", "km", "approx", "jan", "feb", "mar", "apr",
         "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "al", "inc", "co", "corp", "mt"]);

    private static readonly SearchValues<char> Terminators = SearchValues.Create(".!?…");

    public string Name => "sentences";
    public IReadOnlyList<string> Provides => [Produces.Sentences, Produces.Tokens];
    public IReadOnlyList<string> Requires => [];

    public Document Process(Document document)
    {
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var tokens = ImmutableArray.CreateBuilder<Token>();
        var text = document.Text;
        for (var p = 0; p < document.Body.Length; p++)
        {
            var paragraph = document.Body[p];
            foreach (var span in Split(text, paragraph))
                sentences.Add(new Sentence(span, p));
            Tokenizer.Tokenize(text, paragraph, tokens);
        }
        return document with { Sentences = sentences.ToImmutable(), Tokens = tokens.ToImmutable() };
    }

    /// <summary>Sentence spans inside one paragraph, trimmed of outer whitespace.</summary>
    public static IEnumerable<TextSpan> Split(string text, TextSpan paragraph)
    {
        var start = paragraph.Start;
        var i = paragraph.Start;
        while (i < paragraph.End)
        {
            var rel = text.AsSpan(i, paragraph.End - i).IndexOfAny(Terminators);
            if (rel < 0) break;
            var end = i + rel;
            // Swallow runs of terminators and closing quotes/brackets: "...killed." or '?!'
            var after = end + 1;
            while (after < paragraph.End && (Terminators.Contains(text[after]) || IsCloser(text[after]))) after++;
            if (IsBoundary(text, paragraph, start, end, after))
            {
                var s = Trim(text, start, after);
                if (!s.IsEmpty) yield return s;
                start = after;
            }
            i = after;
        }
        var last = Trim(text, start, paragraph.End);
        if (!last.IsEmpty) yield return last;
    }

    private static bool IsBoundary(string text, TextSpan paragraph, int sentenceStart, int dot, int after)
    {
        if (after >= paragraph.End) return true;
        if (!char.IsWhiteSpace(text[after])) return false; // "3.5", "U.S.-backed", "ISIS.The" stays
        var next = after;
        while (next < paragraph.End && char.IsWhiteSpace(text[next])) next++;
        if (next >= paragraph.End) return true;
        var c = text[next];
        if (ClosesEarlierBracket(text, next, paragraph.End)) return false;
        if (text[dot] != '.') return char.IsUpper(c) || IsOpener(c) || char.IsDigit(c) || !char.IsLetter(c) || !char.IsLower(c);
        // Lower-case continuation after a period is not a new sentence ("approx. five km").
        if (char.IsLower(c)) return false;
        // The word before the period: an abbreviation or a single initial ("J. Smith") does not end a sentence.
        var wordStart = dot;
        while (wordStart > sentenceStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.')) wordStart--;
        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.Length == 1 && char.IsUpper(word[0])) return false;
        if (Abbreviations.Contains(word)) return false;
        return true;
    }

    /// <summary>"the area (55 km) to the south. Al-Raqqa)": a ')' just ahead with no '(' means the period was inside brackets.</summary>
    private static bool ClosesEarlierBracket(string text, int from, int end)
    {
        var limit = Math.Min(end, from + 40);
        for (var i = from; i < limit; i++)
        {
            var c = text[i];
            if (c == ')') return true;
            if (c is '(' or '.' or '!' or '?') return false;
        }
        return false;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '”' or '’' or '»';
    private static bool IsOpener(char c) => c is '"' or '\'' or '(' or '[' or '“' or '‘' or '«';

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '\u00A0')) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == '\u00A0')) end--;
        return new TextSpan(start, end);
    }

    /// <summary>Case-insensitive abbreviation set looked up with spans, without allocating.</summary>
    private sealed class FrozenAbbreviations(IEnumerable<string> words)
    {
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup =
            new HashSet<string>(words, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

        public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
    }
}
