using Sitrep.Pipeline;

namespace Sitrep.Quantities;

/// <summary>What a cue says happened to the counted people or things.</summary>
internal enum CueKind { Killed, Injured, Captured, KilledOrInjured, Destroyed }

[Flags]
internal enum CuePlace { Before = 1, After = 2, Noun = 4 }

internal sealed record CasualtyCue(string[] Words, CueKind Kind, CuePlace Place);

/// <summary>The cue phrases and noun lists of data/quantities, loaded once and shared by every thread.</summary>
public sealed class QuantityLexicon
{
    private static readonly Lazy<QuantityLexicon> Shipped = new(() => Load(DataDirectory.PathOf("quantities")));

    private readonly Dictionary<string, List<CasualtyCue>> _byLast = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CasualtyCue>> _byFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CueKind> _nounCues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _materiel = new(StringComparer.Ordinal);
    private readonly HashSet<string> _collectives = new(StringComparer.Ordinal);

    private QuantityLexicon() { }

    /// <summary>The lexicon shipped in data/quantities.</summary>
    public static QuantityLexicon Default => Shipped.Value;

    public int CueCount { get; private set; }

    /// <summary>Reads cues.tsv, people.txt, materiel.txt and collectives.txt from <paramref name="directory"/>.</summary>
    public static QuantityLexicon Load(string directory)
    {
        var lexicon = new QuantityLexicon();
        foreach (var fields in Lines(Path.Combine(directory, "cues.tsv")))
        {
            if (fields.Length < 3) throw new FormatException($"cues.tsv: expected phrase, kind, where: '{string.Join('\t', fields)}'");
            var kind = fields[1] switch
            {
                "killed" => CueKind.Killed,
                "injured" => CueKind.Injured,
                "captured" => CueKind.Captured,
                "killed_or_injured" => CueKind.KilledOrInjured,
                "destroyed" => CueKind.Destroyed,
                _ => throw new FormatException($"cues.tsv: unknown kind '{fields[1]}'"),
            };
            var place = fields[2] switch
            {
                "before" => CuePlace.Before,
                "after" => CuePlace.After,
                "both" => CuePlace.Before | CuePlace.After,
                "noun" => CuePlace.Noun,
                _ => throw new FormatException($"cues.tsv: unknown place '{fields[2]}'"),
            };
            var words = fields[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var cue = new CasualtyCue(words, kind, place);
            if (place == CuePlace.Noun)
            {
                lexicon._nounCues[words[^1]] = kind;
                continue;
            }
            Add(lexicon._byLast, words[^1], cue);
            Add(lexicon._byFirst, words[0], cue);
            lexicon.CueCount++;
        }
        foreach (var fields in Lines(Path.Combine(directory, "people.txt")))
            lexicon._people.Add(fields[0]);
        foreach (var fields in Lines(Path.Combine(directory, "materiel.txt")))
            lexicon._materiel[fields[0]] = fields.Length > 1 && fields[1] == "cue";
        foreach (var fields in Lines(Path.Combine(directory, "collectives.txt")))
            lexicon._collectives.Add(fields[0]);
        PeopleLookup(lexicon);
        return lexicon;
    }

    private Dictionary<string, List<CasualtyCue>>.AlternateLookup<ReadOnlySpan<char>> _lastLookup;
    private Dictionary<string, List<CasualtyCue>>.AlternateLookup<ReadOnlySpan<char>> _firstLookup;
    private Dictionary<string, CueKind>.AlternateLookup<ReadOnlySpan<char>> _nounCueLookup;
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _peopleLookup;
    private Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> _materielLookup;
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _collectiveLookup;

    private static void PeopleLookup(QuantityLexicon l)
    {
        l._lastLookup = l._byLast.GetAlternateLookup<ReadOnlySpan<char>>();
        l._firstLookup = l._byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        l._nounCueLookup = l._nounCues.GetAlternateLookup<ReadOnlySpan<char>>();
        l._peopleLookup = l._people.GetAlternateLookup<ReadOnlySpan<char>>();
        l._materielLookup = l._materiel.GetAlternateLookup<ReadOnlySpan<char>>();
        l._collectiveLookup = l._collectives.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    internal bool IsPerson(ReadOnlySpan<char> word) => _peopleLookup.Contains(Unbracket(word));

    internal bool IsCollective(ReadOnlySpan<char> word) => _collectiveLookup.Contains(word);

    /// <summary>Whether the word names materiel; <paramref name="needsCue"/> for weak nouns like "positions".</summary>
    internal bool IsMateriel(ReadOnlySpan<char> word, out bool needsCue) => _materielLookup.TryGetValue(Unbracket(word), out needsCue);

    internal bool IsNounCue(ReadOnlySpan<char> word, out CueKind kind) => _nounCueLookup.TryGetValue(word, out kind);

    /// <summary>The longest cue of <paramref name="place"/> whose last word is word <paramref name="last"/>.</summary>
    internal CasualtyCue? CueEndingAt(WordList w, int last, CuePlace place, out int first)
    {
        first = -1;
        if (last < 0 || !_lastLookup.TryGetValue(w[last], out var cues)) return null;
        CasualtyCue? best = null;
        foreach (var cue in cues)
        {
            if ((cue.Place & place) == 0 || (best is not null && best.Words.Length >= cue.Words.Length)) continue;
            var start = last - cue.Words.Length + 1;
            if (start >= 0 && Matches(w, start, cue.Words)) { best = cue; first = start; }
        }
        return best;
    }

    /// <summary>The longest cue of <paramref name="place"/> starting at word <paramref name="start"/>.</summary>
    internal CasualtyCue? CueStartingAt(WordList w, int start, CuePlace place)
    {
        if (start >= w.Count || !_firstLookup.TryGetValue(w[start], out var cues)) return null;
        CasualtyCue? best = null;
        foreach (var cue in cues)
        {
            if ((cue.Place & place) == 0 || (best is not null && best.Words.Length >= cue.Words.Length)) continue;
            if (Matches(w, start, cue.Words)) best = cue;
        }
        return best;
    }

    private static bool Matches(WordList w, int start, string[] words)
    {
        for (var k = 0; k < words.Length; k++)
            if (!w.Is(start + k, words[k])) return false;
        return true;
    }

    private static ReadOnlySpan<char> Unbracket(ReadOnlySpan<char> word) =>
        word.Length > 2 && word[0] == '[' && word[^1] == ']' ? word[1..^1] : word;

    private static void Add(Dictionary<string, List<CasualtyCue>> index, string key, CasualtyCue cue)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(cue);
    }

    private static IEnumerable<string[]> Lines(string path)
    {
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line.Split('\t', StringSplitOptions.TrimEntries);
        }
    }
}
