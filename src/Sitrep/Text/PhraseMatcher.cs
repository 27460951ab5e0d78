using Sitrep.Documents;

namespace Sitrep.Text;

/// <summary>
/// Finds lexicon phrases over tokens, longest match first, case-insensitively. Phrases are
/// tokenised with the same <see cref="Tokenizer"/> as the text, and indexed by their first token,
/// so a document is matched in one pass without allocating per token.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly Dictionary<string, Entry[]> _byFirst;
    private readonly Dictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private sealed record Entry(string[] Tokens, T Value);

    public PhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases)
    {
        var groups = new Dictionary<string, List<Entry>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (phrase, value) in phrases)
        {
            var folded = FoldQuotes(phrase);
            var tokens = Tokenizer.Tokenize(folded).Select(t => folded[t.Span.Start..t.Span.End]).ToArray();
            if (tokens.Length == 0) continue;
            if (!groups.TryGetValue(tokens[0], out var list)) groups[tokens[0]] = list = [];
            if (!list.Any(e => e.Tokens.SequenceEqual(tokens, StringComparer.OrdinalIgnoreCase)))
                list.Add(new Entry(tokens, value));
        }
        _byFirst = groups.ToDictionary(g => g.Key, g => g.Value.OrderByDescending(e => e.Tokens.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        _lookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = _byFirst.Values.Sum(v => v.Length);
    }

    public int Count { get; }

    /// <summary>The longest phrase starting at token <paramref name="index"/>, as (token count, value).</summary>
    public bool TryMatchAt(string text, IReadOnlyList<Token> tokens, int index, int limit, out int length, out T value)
    {
        length = 0;
        value = default!;
        if (!TryGetEntries(text, tokens[index], out var entries)) return false;
        foreach (var entry in entries)
        {
            if (index + entry.Tokens.Length > limit) continue;
            var ok = true;
            for (var k = 1; k < entry.Tokens.Length && ok; k++)
                ok = TokenEquals(text, tokens[index + k].Span, entry.Tokens[k]);
            if (!ok) continue;
            length = entry.Tokens.Length;
            value = entry.Value;
            return true;
        }
        return false;
    }

    /// <summary>Non-overlapping longest matches in tokens [from, to), left to right.</summary>
    public List<PhraseMatch<T>> FindAll(string text, IReadOnlyList<Token> tokens, int from = 0, int to = -1)
    {
        if (to < 0) to = tokens.Count;
        var found = new List<PhraseMatch<T>>();
        for (var i = from; i < to; i++)
        {
            if (!TryMatchAt(text, tokens, i, to, out var length, out var value)) continue;
            found.Add(new PhraseMatch<T>(i, length, new TextSpan(tokens[i].Span.Start, tokens[i + length - 1].Span.End), value));
            i += length - 1;
        }
        return found;
    }

    private bool TryGetEntries(string text, Token token, out Entry[] entries)
    {
        var span = text.AsSpan(token.Span.Start, token.Span.Length);
        if (_lookup.TryGetValue(span, out entries!)) return true;
        if (span.IndexOfAny('’', '‘') < 0) return false;
        return _byFirst.TryGetValue(FoldQuotes(span.ToString()), out entries!);
    }

    private static bool TokenEquals(string text, TextSpan span, string expected)
    {
        if (span.Length != expected.Length) return false;
        for (var i = 0; i < expected.Length; i++)
        {
            var c = text[span.Start + i];
            if (c is '’' or '‘') c = '\'';
            if (c != expected[i] && char.ToLowerInvariant(c) != char.ToLowerInvariant(expected[i])) return false;
        }
        return true;
    }

    public static string FoldQuotes(string s) => s.Replace('’', '\'').Replace('‘', '\'');
}

/// <summary>A phrase found at tokens [TokenIndex, TokenIndex + TokenCount).</summary>
public readonly record struct PhraseMatch<T>(int TokenIndex, int TokenCount, TextSpan Span, T Value);
