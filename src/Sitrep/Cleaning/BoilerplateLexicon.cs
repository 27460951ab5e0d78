namespace Sitrep.Cleaning;

/// <summary>What a lexicon phrase says about a line.</summary>
public enum LineRole : byte
{
    None,
    Boilerplate,
    Disclaimer,
    CommentStart,
    CommentEnd,
}

/// <summary>
/// Phrases marking page furniture, disclaimers and comment widgets (data/cleaning/boilerplate.txt).
/// Lines are normalised (lower case, collapsed whitespace, outer punctuation trimmed) before matching.
/// </summary>
public sealed class BoilerplateLexicon
{
    private sealed record Pattern(string Prefix, bool OutletSlot, bool Open);

    private readonly Dictionary<string, LineRole> _exact = new(StringComparer.Ordinal);
    private readonly List<(Pattern Pattern, LineRole Role)> _prefixes = [];
    private readonly List<(string Phrase, LineRole Role)> _contains = [];

    /// <summary>Prefix phrases only apply to lines of at most this many words (furniture is short).</summary>
    public const int MaxPrefixWords = 12;

    public static BoilerplateLexicon Load(string path) => Parse(File.ReadLines(path));

    public static BoilerplateLexicon Parse(IEnumerable<string> lines)
    {
        var lexicon = new BoilerplateLexicon();
        var role = LineRole.Boilerplate;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[' && line[^1] == ']')
            {
                role = line[1..^1].Trim().ToLowerInvariant() switch
                {
                    "boilerplate" => LineRole.Boilerplate,
                    "disclaimer" => LineRole.Disclaimer,
                    "comment-start" => LineRole.CommentStart,
                    "comment-end" => LineRole.CommentEnd,
                    var other => throw new FormatException($"Unknown boilerplate lexicon section [{other}]."),
                };
                continue;
            }
            lexicon.Add(line.ToLowerInvariant(), role);
        }
        return lexicon;
    }

    private void Add(string phrase, LineRole role)
    {
        if (phrase.Length > 2 && phrase[0] == '*' && phrase[^1] == '*')
        {
            _contains.Add((phrase[1..^1], role));
            return;
        }
        var open = phrase.EndsWith('*');
        if (open) phrase = phrase[..^1].TrimEnd();
        var outlet = phrase.Contains("{outlet}", StringComparison.Ordinal);
        if (outlet) phrase = phrase.Replace("{outlet}", "", StringComparison.Ordinal).TrimEnd() + " ";
        if (!open && !outlet) _exact.TryAdd(phrase, role);
        else _prefixes.Add((new Pattern(phrase, outlet, open), role));
    }

    /// <summary>Classifies one line or paragraph. <paramref name="outlet"/> is set when a {outlet} slot matched.</summary>
    public LineRole Match(ReadOnlySpan<char> text, out string? outlet)
    {
        outlet = null;
        var normal = Normalise(text);
        if (normal.Length == 0) return LineRole.None;
        if (_exact.TryGetValue(normal, out var role)) return role;
        if (WordCount(normal) > MaxPrefixWords) return MatchContained(normal);
        var original = CollapseWhitespace(text);
        foreach (var (pattern, r) in _prefixes)
        {
            if (!normal.StartsWith(pattern.Prefix, StringComparison.Ordinal)) continue;
            var rest = normal.AsSpan(pattern.Prefix.Length);
            if (!pattern.OutletSlot)
            {
                // A prefix must end at a word boundary: "source" must not match "sources".
                if (rest.Length > 0 && char.IsLetterOrDigit(rest[0]) && !pattern.Prefix.EndsWith(' ')) continue;
                if (rest.Length > 0 && !pattern.Open) continue;
                return r;
            }
            var name = OutletAfter(original.AsSpan(Math.Min(original.Length, pattern.Prefix.Length)), pattern.Open);
            if (name is null) continue;
            outlet = name;
            return r;
        }
        return MatchContained(normal);
    }

    private LineRole MatchContained(string normal)
    {
        foreach (var (phrase, r) in _contains)
            if (normal.Contains(phrase, StringComparison.Ordinal)) return r;
        return LineRole.None;
    }

    public LineRole Match(ReadOnlySpan<char> text) => Match(text, out _);

    /// <summary>One to three capitalised words, then (for closed patterns) nothing else.</summary>
    private static string? OutletAfter(ReadOnlySpan<char> rest, bool open)
    {
        var words = new List<string>(3);
        var remaining = rest.Trim();
        while (remaining.Length > 0 && words.Count < 4)
        {
            var end = remaining.IndexOf(' ');
            var word = end < 0 ? remaining : remaining[..end];
            var trimmed = word.TrimEnd(".,:;!?".AsSpan());
            if (trimmed.Length == 0 || !(char.IsUpper(trimmed[0]) || char.IsDigit(trimmed[0]))) break;
            words.Add(trimmed.ToString());
            remaining = end < 0 ? [] : remaining[(end + 1)..].TrimStart();
            if (trimmed.Length != word.Length) break;
        }
        if (words.Count is 0 or > 3) return null;
        if (!open && remaining.Length > 0) return null;
        return string.Join(' ', words);
    }

    private static readonly string OuterPunctuation = " \t:.,;!?-|>»«•·*–—_/\\()[]\"'“”‘’…#=+~";

    /// <summary>Lower case, whitespace collapsed, outer punctuation trimmed.</summary>
    public static string Normalise(ReadOnlySpan<char> text)
    {
        var collapsed = CollapseWhitespace(text);
        return collapsed.AsSpan().Trim(OuterPunctuation.AsSpan()).ToString().ToLowerInvariant();
    }

    private static string CollapseWhitespace(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        var space = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200b' || c == '\ufeff')
            {
                if (!space) buffer[n++] = ' ';
                space = true;
            }
            else
            {
                buffer[n++] = c;
                space = false;
            }
        }
        while (n > 0 && buffer[n - 1] == ' ') n--;
        var start = 0;
        while (start < n && OuterPunctuation.Contains(buffer[start])) start++;
        return new string(buffer[start..n]);
    }

    private static int WordCount(string s)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in s)
        {
            if (c == ' ') inWord = false;
            else if (!inWord) { inWord = true; count++; }
        }
        return count;
    }
}
