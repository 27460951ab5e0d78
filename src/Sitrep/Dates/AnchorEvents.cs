using System.Globalization;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Dates;

/// <summary>A dated, named event that reports cite without its year ("the drone attack on the Homs military college").</summary>
/// <param name="DayKnown">False when only the month is known (<see cref="Date"/> is then the 1st).</param>
public sealed record AnchorEvent(string Id, DateOnly Date, bool DayKnown, string Name, string Source);

/// <summary>An anchor named in a sentence, and the first token of its cues there.</summary>
public readonly record struct AnchorMatch(AnchorEvent Anchor, int FirstToken);

/// <summary>
/// The knowledge base of anchor events (<c>data/dates/anchors.tsv</c>): each is named by cue groups that must all
/// appear in one sentence ("military college|military academy + homs + drone|attack"). Cues match whole words,
/// case-insensitively, with Arabic article prefixes folded ("baghouz" matches "al-Baghouz"). Matching is one
/// dictionary lookup per token.
/// </summary>
public sealed class AnchorEvents
{
    private const int MaxGroups = 32;
    private static readonly Lazy<AnchorEvents> Shipped = new(() => Load(DataDirectory.PathOf(Path.Combine("dates", "anchors.tsv"))));

    private readonly AnchorEvent[] _anchors;
    private readonly uint[] _complete;
    private readonly Dictionary<string, Cue[]> _byFirst;
    private readonly Dictionary<string, Cue[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>A cue phrase: the words after its first, and the anchor and group it belongs to.</summary>
    private sealed record Cue(string[] Rest, int Anchor, int Group);

    public AnchorEvents(IEnumerable<(AnchorEvent Anchor, IReadOnlyList<IReadOnlyList<string>> Groups)> anchors)
    {
        var list = new List<AnchorEvent>();
        var complete = new List<uint>();
        var byFirst = new Dictionary<string, List<Cue>>(StringComparer.Ordinal);
        foreach (var (anchor, groups) in anchors)
        {
            if (groups.Count is 0 or > MaxGroups) throw new ArgumentException($"anchor {anchor.Id}: 1 to {MaxGroups} cue groups");
            var index = list.Count;
            list.Add(anchor);
            complete.Add(groups.Count == MaxGroups ? uint.MaxValue : (1u << groups.Count) - 1);
            for (var g = 0; g < groups.Count; g++)
                foreach (var phrase in groups[g])
                {
                    var words = Words(phrase);
                    if (words.Length == 0) continue;
                    if (!byFirst.TryGetValue(words[0], out var cues)) byFirst[words[0]] = cues = [];
                    cues.Add(new Cue(words[1..], index, g));
                }
        }
        _anchors = [.. list];
        _complete = [.. complete];
        _byFirst = byFirst.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _lookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static AnchorEvents Empty { get; } = new([]);

    public int Count => _anchors.Length;

    public IReadOnlyList<AnchorEvent> All => _anchors;

    public static AnchorEvents LoadDefault() => Shipped.Value;

    /// <summary>Reads <c>id, date (YYYY-MM-DD or YYYY-MM), cues, name, source</c> rows; cue groups are joined by " + ", alternatives by "|".</summary>
    public static AnchorEvents Load(string path)
    {
        var rows = new List<(AnchorEvent, IReadOnlyList<IReadOnlyList<string>>)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in LexiconFile.ReadRows(path))
        {
            if (r.Length < 3) throw new FormatException($"{path}: anchor row needs id, date and cues: {string.Join(' ', r)}");
            if (!ids.Add(r[0])) throw new FormatException($"{path}: duplicate anchor id {r[0]}");
            var dayKnown = r[1].Length == 10;
            if (!DateOnly.TryParseExact(dayKnown ? r[1] : r[1] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new FormatException($"{path}: anchor {r[0]} has a bad date {r[1]}");
            var groups = r[2].Split(" + ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(g => (IReadOnlyList<string>)g.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToList();
            rows.Add((new AnchorEvent(r[0], date, dayKnown, r.Length > 3 ? r[3] : r[0], r.Length > 4 ? r[4] : ""), groups));
        }
        return new AnchorEvents(rows);
    }

    /// <summary>The anchors every cue group of which appears among tokens [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="text"/>.</summary>
    public List<AnchorMatch> Find(string text, IReadOnlyList<Token> tokens, int from, int to)
    {
        var found = new List<AnchorMatch>();
        if (_anchors.Length == 0) return found;
        Dictionary<int, (uint Mask, int First)>? hits = null;
        Span<char> buffer = stackalloc char[64];
        for (var i = from; i < to; i++)
        {
            if (tokens[i].Kind != TokenKind.Word) continue;
            var key = Key(text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length), buffer);
            if (key.IsEmpty || !_lookup.TryGetValue(key, out var cues)) continue;
            foreach (var cue in cues)
            {
                if (!RestMatches(text, tokens, i + 1, to, cue.Rest)) continue;
                hits ??= [];
                var (mask, first) = hits.TryGetValue(cue.Anchor, out var hit) ? hit : (0u, i);
                hits[cue.Anchor] = (mask | (1u << cue.Group), first);
            }
        }
        if (hits is null) return found;
        foreach (var (anchor, hit) in hits)
            if (hit.Mask == _complete[anchor]) found.Add(new AnchorMatch(_anchors[anchor], hit.First));
        found.Sort((a, b) => a.Anchor.Date.CompareTo(b.Anchor.Date));
        return found;
    }

    private static bool RestMatches(string text, IReadOnlyList<Token> tokens, int at, int to, string[] rest)
    {
        if (at + rest.Length > to) return false;
        Span<char> buffer = stackalloc char[64];
        for (var k = 0; k < rest.Length; k++)
        {
            var token = tokens[at + k];
            if (token.Kind != TokenKind.Word && token.Kind != TokenKind.Number) return false;
            if (!Key(text.AsSpan(token.Span.Start, token.Span.Length), buffer).SequenceEqual(rest[k])) return false;
        }
        return true;
    }

    /// <summary>A word's match key: lower case, curly apostrophes folded, a leading Arabic article ("al-", "ash-") dropped.</summary>
    private static ReadOnlySpan<char> Key(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > buffer.Length) return [];
        for (var i = 0; i < word.Length; i++)
        {
            var c = char.ToLowerInvariant(word[i]);
            buffer[i] = c is '’' or '‘' or 'ʼ' ? '\'' : c is '\u2010' or '\u2011' ? '-' : c;
        }
        var key = (ReadOnlySpan<char>)buffer[..word.Length];
        var dash = key.IndexOf('-');
        return dash > 0 && dash < key.Length - 1 && PlaceNameKey.IsArticle(key[..dash]) ? key[(dash + 1)..] : key;
    }

    private static string[] Words(string phrase)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        var words = new List<string>();
        Span<char> buffer = stackalloc char[64];
        foreach (var t in tokens)
            if (t.Kind is TokenKind.Word or TokenKind.Number)
                words.Add(Key(phrase.AsSpan(t.Span.Start, t.Span.Length), buffer).ToString());
        return [.. words];
    }
}
