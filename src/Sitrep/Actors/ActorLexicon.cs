using System.Collections.Frozen;
using Sitrep.Pipeline;

namespace Sitrep.Actors;

/// <summary>Classes of head nouns that complete an actor noun phrase (heads.tsv).</summary>
[Flags]
public enum HeadClass : byte
{
    None = 0,
    Military = 1,
    Militant = 2,
    Civilian = 4,
    Unit = 8,
}

/// <summary>What a reference row ("the group", "the warplanes") points back to.</summary>
public enum ReferenceTarget : byte
{
    None,
    /// <summary>The latest non-state armed actor mentioned before it.</summary>
    NonState,
    /// <summary>The latest state or foreign armed actor mentioned before it.</summary>
    StateArmed,
}

/// <summary>One row of actors.tsv: an alias and the actor it names.</summary>
public sealed record ActorEntry(string Canonical, string ActorType, string? Country, string Alias)
{
    public bool CaseSensitive { get; init; }
    /// <summary>A country-generic form: the row whose country is the document's focus country is used.</summary>
    public bool Focus { get; init; }
    public bool IsReference { get; init; }
    public ReferenceTarget Refers { get; init; }
    /// <summary>Non-zero for a modifier ("Syrian", "Turkish-backed") that names the actor only before such a head.</summary>
    public HeadClass ModifierOf { get; init; }
    /// <summary>A bare country name, which is a place after a locative preposition.</summary>
    public bool IsPlace { get; init; }
    /// <summary>The umbrella actor (a faction's coalition), when there is one.</summary>
    public string? Parent { get; init; }

    internal string[] CasedTokens { get; init; } = [];

    public bool IsArmed => ActorType is not ("civilians" or "-");
    public bool IsNonStateArmed => ActorType is "rebel_group" or "political_militia" or "identity_militia" or "unidentified";
    public bool IsStateArmed => ActorType is "state_forces" or "external_forces";
}

/// <summary>
/// The actor lexicon (data/actors/actors.tsv plus heads.tsv and focus.tsv beside it), compiled once into
/// token tries over a shared word vocabulary, so matching looks words up without allocating.
/// </summary>
public sealed class ActorLexicon
{
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _aliasEdges = [];
    private readonly List<ActorEntry[]?> _aliasNodes = [null];
    private readonly Dictionary<long, int> _headEdges = [];
    private readonly List<HeadClass> _headNodes = [HeadClass.None];
    private readonly Dictionary<int, int> _focusCues = [];
    private readonly List<string> _focusCountries = [];
    private readonly Dictionary<string, ActorEntry> _byCanonical = new(StringComparer.Ordinal);
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private ActorLexicon() { }

    public IReadOnlyList<ActorEntry> Entries { get; private set; } = [];

    /// <summary>Countries that focus cues point to; the first is the default focus.</summary>
    public IReadOnlyList<string> FocusCountries => _focusCountries;

    /// <summary>The entry describing a canonical actor (type, country, parent), if the lexicon names it.</summary>
    public ActorEntry? Describe(string canonical) => _byCanonical.GetValueOrDefault(canonical);

    /// <summary>The umbrella actor of a faction ("Hamza Division" -> "Syrian National Army"), if any.</summary>
    public string? ParentOf(string canonical) => Describe(canonical)?.Parent;

    public static ActorLexicon LoadDefault() => Load(DataDirectory.PathOf("actors/actors.tsv"));

    /// <summary>Reads actors.tsv at <paramref name="path"/> and heads.tsv and focus.tsv from the same folder.</summary>
    public static ActorLexicon Load(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Load(path, Path.Combine(folder, "heads.tsv"), Path.Combine(folder, "focus.tsv"));
    }

    public static ActorLexicon Load(string actorsPath, string headsPath, string focusPath)
    {
        var lexicon = new ActorLexicon();
        foreach (var word in FunctionWords.All) lexicon.WordId(word, add: true);
        var entries = new List<ActorEntry>();
        foreach (var (line, cols) in Rows(actorsPath))
        {
            if (cols.Length < 4) throw new FormatException($"{actorsPath}:{line}: expected canonical, type, country, alias[, flags]");
            var entry = ParseEntry(cols, $"{actorsPath}:{line}");
            lexicon.AddAlias(entry);
            entries.Add(entry);
        }
        foreach (var (line, cols) in Rows(headsPath))
        {
            if (cols.Length < 2) throw new FormatException($"{headsPath}:{line}: expected class, phrase");
            var cls = cols[0] switch
            {
                "military" => HeadClass.Military,
                "militant" => HeadClass.Militant,
                "civilian" => HeadClass.Civilian,
                "unit" => HeadClass.Unit,
                _ => throw new FormatException($"{headsPath}:{line}: unknown head class '{cols[0]}'"),
            };
            lexicon.AddHead(cols[1], cls);
        }
        foreach (var (line, cols) in Rows(focusPath))
        {
            if (cols.Length < 2) throw new FormatException($"{focusPath}:{line}: expected country, word");
            var index = lexicon._focusCountries.IndexOf(cols[0]);
            if (index < 0) { index = lexicon._focusCountries.Count; lexicon._focusCountries.Add(cols[0]); }
            lexicon._focusCues[lexicon.WordId(cols[1].ToLowerInvariant(), add: true)] = index;
        }
        if (lexicon._focusCountries.Count == 0) lexicon._focusCountries.Add("Syria");
        lexicon.Entries = entries;
        lexicon._lookup = lexicon._vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        return lexicon;
    }

    private static ActorEntry ParseEntry(string[] cols, string where)
    {
        var canonical = cols[0].Trim();
        var type = cols[1].Trim();
        var country = cols[2].Trim();
        var alias = cols[3].Trim();
        var entry = new ActorEntry(canonical, type, country is "-" or "" ? null : country, alias);
        var flags = cols.Length > 4 ? cols[4].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        foreach (var flag in flags)
        {
            var (key, value) = flag.IndexOf('=') is var eq and >= 0 ? (flag[..eq], flag[(eq + 1)..]) : (flag, "");
            entry = key switch
            {
                "cs" => entry with { CaseSensitive = true },
                "focus" => entry with { Focus = true },
                "place" => entry with { IsPlace = true },
                "parent" => entry with { Parent = value },
                "ref" => entry with
                {
                    IsReference = true,
                    Refers = value switch
                    {
                        "" => ReferenceTarget.None,
                        "nonstate" => ReferenceTarget.NonState,
                        "state" => ReferenceTarget.StateArmed,
                        _ => throw new FormatException($"{where}: unknown reference target '{value}'"),
                    },
                },
                "mod" => entry with { ModifierOf = ParseClasses(value, where) },
                _ => throw new FormatException($"{where}: unknown flag '{key}'"),
            };
        }
        if (entry.Refers == ReferenceTarget.None && canonical == "-")
            throw new FormatException($"{where}: a row without a canonical name must be a reference (ref=nonstate|state)");
        return entry;
    }

    private static HeadClass ParseClasses(string value, string where)
    {
        var result = HeadClass.None;
        foreach (var part in value.Split('+'))
            result |= part switch
            {
                "military" => HeadClass.Military,
                "militant" => HeadClass.Militant,
                "civilian" => HeadClass.Civilian,
                _ => throw new FormatException($"{where}: unknown modifier class '{part}'"),
            };
        return result;
    }

    private static IEnumerable<(int Line, string[] Columns)> Rows(string path)
    {
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            if (raw.Length == 0 || raw[0] == '#' || string.IsNullOrWhiteSpace(raw)) continue;
            yield return (number, raw.Split('\t'));
        }
    }

    private void AddAlias(ActorEntry entry)
    {
        var tokens = ActorTokenizer.Normalise(entry.Alias);
        if (tokens.Count == 0) return;
        var node = 0;
        foreach (var (lower, _) in tokens)
        {
            var key = Edge(node, WordId(lower, add: true));
            if (!_aliasEdges.TryGetValue(key, out var next))
            {
                next = _aliasNodes.Count;
                _aliasNodes.Add(null);
                _aliasEdges[key] = next;
            }
            node = next;
        }
        var withTokens = entry with { CasedTokens = [.. tokens.Select(t => t.Cased)] };
        var list = _aliasNodes[node];
        _aliasNodes[node] = list is null ? [withTokens] : [.. list, withTokens];
        if (entry.Canonical != "-" && entry.ModifierOf == HeadClass.None) _byCanonical.TryAdd(entry.Canonical, withTokens);
    }

    private void AddHead(string phrase, HeadClass cls)
    {
        var node = 0;
        foreach (var (lower, _) in ActorTokenizer.Normalise(phrase))
        {
            var key = Edge(node, WordId(lower, add: true));
            if (!_headEdges.TryGetValue(key, out var next))
            {
                next = _headNodes.Count;
                _headNodes.Add(HeadClass.None);
                _headEdges[key] = next;
            }
            node = next;
        }
        if (node != 0) _headNodes[node] |= cls;
    }

    private int WordId(string word, bool add)
    {
        if (_vocabulary.TryGetValue(word, out var id)) return id;
        if (!add) return -1;
        id = _vocabulary.Count;
        _vocabulary[word] = id;
        return id;
    }

    private static long Edge(int node, int word) => ((long)node << 32) | (uint)word;

    /// <summary>The id of a lower-cased word, or -1 when no alias, head or cue uses it.</summary>
    internal int Lookup(ReadOnlySpan<char> lowerWord) => _lookup.TryGetValue(lowerWord, out var id) ? id : -1;

    internal int IdOf(string word) => _vocabulary.GetValueOrDefault(word, -1);

    internal int AliasStep(int node, int word) => word < 0 ? -1 : _aliasEdges.GetValueOrDefault(Edge(node, word), -1);
    internal ActorEntry[]? AliasEntries(int node) => _aliasNodes[node];

    internal int HeadStep(int node, int word) => word < 0 ? -1 : _headEdges.GetValueOrDefault(Edge(node, word), -1);
    internal HeadClass HeadAt(int node) => _headNodes[node];

    /// <summary>The focus-country index a word votes for, or -1.</summary>
    internal int FocusVote(int word) => word >= 0 && _focusCues.TryGetValue(word, out var c) ? c : -1;

    /// <summary>Function words the matcher tests by id (determiners, conjunctions, prepositions).</summary>
    internal static class FunctionWords
    {
        public static readonly string[] All =
        [
            "the", "a", "an", "of", "and", "or", "in", "into", "to", "from", "at", "near", "across", "inside", "toward", "towards",
            "throughout", "within", "outside", "over", "via", "through", "visited", "visit", "backed", "led", "based", "supported",
            "allied", "affiliated", "aligned", "sponsored", "funded", "linked", "loyal",
        ];

        public static readonly FrozenSet<string> Locatives = new[]
        {
            "in", "into", "to", "from", "at", "near", "across", "inside", "toward", "towards", "throughout", "within",
            "outside", "over", "via", "through", "visited", "visit",
        }.ToFrozenSet(StringComparer.Ordinal);

        public static readonly FrozenSet<string> Backing = new[]
        {
            "backed", "led", "based", "supported", "allied", "affiliated", "aligned", "sponsored", "funded", "linked", "loyal",
        }.ToFrozenSet(StringComparer.Ordinal);
    }
}
