using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Events;

/// <summary>How the roles around a trigger are read (see data/events/triggers.tsv).</summary>
public enum TriggerRole { Agent, Noun, Patient, Defender, Mutual, Capture }

public sealed record TriggerDefinition(string EventType, string SubEventType, TriggerRole Role, bool Weak, bool AirSensitive, bool Passive, bool HeavySensitive = false, bool Territory = false, bool Contextual = false);

/// <summary>The framer's data: triggers, context cues, allegation cues and alliances, loaded once.</summary>
public sealed class EventLexicon
{
    public EventLexicon(
        IEnumerable<(string Phrase, TriggerDefinition Trigger)> triggers,
        IEnumerable<(string Phrase, string Kind)> cues,
        IEnumerable<string> claimCues,
        IEnumerable<(string Side, string Actor)> alliances)
    {
        Triggers = new PhraseMatcher<TriggerDefinition>(triggers);
        Cues = new PhraseMatcher<string>(cues);
        ClaimCues = new PhraseMatcher<bool>(claimCues.Select(c => (c, true)));
        Sides = alliances.GroupBy(a => a.Actor, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Side).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public PhraseMatcher<TriggerDefinition> Triggers { get; }
    public PhraseMatcher<string> Cues { get; }
    public PhraseMatcher<bool> ClaimCues { get; }
    private Dictionary<string, HashSet<string>> Sides { get; }

    public bool AreAllies(string a, string b) =>
        a == b || (Sides.TryGetValue(a, out var sa) && Sides.TryGetValue(b, out var sb) && sa.Overlaps(sb));

    public static EventLexicon Load(string directory)
    {
        var triggers = LexiconFile.ReadRows(Path.Combine(directory, "triggers.tsv")).Where(r => r.Length >= 4).Select(r =>
        {
            var flags = r.Length > 4 ? r[4].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
            var role = Enum.Parse<TriggerRole>(r[3], ignoreCase: true);
            return (r[0], new TriggerDefinition(r[1], r[2], role, flags.Contains("weak"), flags.Contains("air"), flags.Contains("passive"), flags.Contains("heavy"), flags.Contains("territory"), flags.Contains("contextual")));
        });
        var cues = LexiconFile.ReadRows(Path.Combine(directory, "cues.tsv")).Where(r => r.Length >= 2).Select(r => (r[0], r[1]));
        var claims = LexiconFile.ReadRows(Path.Combine(directory, "claim_cues.txt")).Select(r => r[0]);
        var alliances = LexiconFile.ReadRows(Path.Combine(directory, "alliances.tsv")).Where(r => r.Length >= 2).Select(r => (r[0], r[1]));
        return new EventLexicon(triggers, cues, claims, alliances);
    }

    public static EventLexicon LoadDefault() => Load(DataDirectory.PathOf("events"));
}
