namespace Sitrep.Quantities;

/// <summary>
/// Fixed word sequences ("at least", "the day before yesterday") with a value each, indexed by their first word
/// so that trying them at a word is one dictionary lookup instead of a scan of the table. Among phrases sharing a
/// first word the first listed that matches wins, so tables list longer phrases first.
/// </summary>
internal sealed class WordPhrases<T>
{
    private readonly Dictionary<string, (string[] Words, T Value)[]>.AlternateLookup<ReadOnlySpan<char>> _byFirst;

    public WordPhrases(IEnumerable<(string[] Words, T Value)> phrases) =>
        _byFirst = phrases.GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The first listed phrase that starts at word <paramref name="i"/>: its word count (0 for none) and value.</summary>
    public int Match(WordList w, int i, out T value)
    {
        value = default!;
        if (!_byFirst.TryGetValue(w[i], out var candidates)) return 0;
        foreach (var (words, v) in candidates)
        {
            var k = 1;
            while (k < words.Length && w.Is(i + k, words[k])) k++;
            if (k < words.Length) continue;
            value = v;
            return words.Length;
        }
        return 0;
    }
}
