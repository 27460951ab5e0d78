using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Pipeline;

namespace Sitrep.Evaluation;

/// <summary>The frame one passage should produce, in canonical names (null = none expected).</summary>
public sealed record ExpectedFrame
{
    [JsonPropertyName("event_type")] public required string EventType { get; init; }
    [JsonPropertyName("sub_event_type")] public required string SubEventType { get; init; }
    [JsonPropertyName("actor1")] public string? Actor1 { get; init; }
    [JsonPropertyName("actor2")] public string? Actor2 { get; init; }
    /// <summary>The location name; alternatives spellings separated by '|'.</summary>
    [JsonPropertyName("location")] public string? Location { get; init; }
    [JsonPropertyName("fatalities")] public int? Fatalities { get; init; }
    [JsonPropertyName("hedged")] public bool Hedged { get; init; }
    [JsonPropertyName("source_kind")] public string SourceKind { get; init; } = SourceKinds.OutletItself;
}

/// <summary>One short hand-written passage in a reporting register, with its expected frames (none for non-events).</summary>
public sealed record FramePassage
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("register")] public required string Register { get; init; }
    [JsonPropertyName("published")] public required string Published { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("events")] public ImmutableArray<ExpectedFrame> Events { get; init; } = [];
    [JsonPropertyName("note")] public string? Note { get; init; }
}

/// <summary>One expected frame and the predicted event paired with it (null when none was left).</summary>
public sealed record FramePair(ExpectedFrame Expected, ConflictEvent? Predicted, ImmutableArray<string> Wrong);

/// <summary>The outcome of one passage: its predicted events, the pairing and the fields that disagree.</summary>
public sealed record FrameRowResult(FramePassage Passage, ImmutableArray<ConflictEvent> Predicted, ImmutableArray<FramePair> Pairs)
{
    public bool CountCorrect => Predicted.Length == Passage.Events.Length;
    public bool AllCorrect => CountCorrect && Pairs.All(p => p.Wrong.IsEmpty);
}

/// <summary>Correct out of total for one measured field.</summary>
public readonly record struct FieldScore(int Correct, int Total)
{
    public double Accuracy => Total == 0 ? 1 : (double)Correct / Total;
}

/// <summary>
/// The frame corpus: hand-written passages in many registers (wire, ministry, militant, monitor) with
/// the frames they should give, run through the whole pipeline and scored field by field. Shared by the
/// test suite (floors) and the bench (<c>--frames</c>) so both print the same numbers.
/// </summary>
public static class FrameCorpus
{
    /// <summary>The fields compared on each expected event and its paired prediction.</summary>
    public static readonly ImmutableArray<string> EventFields =
        ["event_type", "sub_event_type", "actor1", "actor2", "location", "fatalities", "hedged", "source_kind"];

    // Declared after EventFields: static initialisers run in textual order.
    /// <summary>Per-passage fields, then per-expected-event fields, in report order.</summary>
    public static readonly ImmutableArray<string> Fields =
        ["event_count", "non_event", .. EventFields];

    public const string PairingMethod =
        "per passage, expected and predicted events paired greedily by field agreement (sub_event_type counts double); an expected event left unpaired is wrong on every field";

    private static readonly JsonSerializerOptions JsonOptions = new() { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads the corpus: one JSON passage per line; blank lines and lines starting with '#' are skipped.</summary>
    public static ImmutableArray<FramePassage> Load(string path)
    {
        var passages = ImmutableArray.CreateBuilder<FramePassage>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            var passage = JsonSerializer.Deserialize<FramePassage>(trimmed, JsonOptions)
                ?? throw new InvalidDataException($"{path}:{lineNumber}: empty passage");
            if (!ids.Add(passage.Id)) throw new InvalidDataException($"{path}:{lineNumber}: duplicate id {passage.Id}");
            passages.Add(passage);
        }
        return passages.ToImmutable();
    }

    /// <summary>Runs the pipeline on one passage as a bare text body published on the passage's date.</summary>
    public static FrameRowResult Run(SitrepPipeline pipeline, FramePassage passage)
    {
        var raw = new RawDocument(passage.Id, "frames", DocumentFormat.TextBody, passage.Text) { Published = passage.Published };
        return Compare(passage, pipeline.Run(raw).Events);
    }

    /// <summary>Pairs a passage's expected frames with predicted events and lists the disagreeing fields.</summary>
    public static FrameRowResult Compare(FramePassage passage, ImmutableArray<ConflictEvent> predicted) =>
        new(passage, predicted, Pair(passage.Events, predicted));

    public static ImmutableArray<FrameRowResult> RunAll(SitrepPipeline pipeline, IEnumerable<FramePassage> passages) =>
        [.. passages.Select(p => Run(pipeline, p))];

    /// <summary>Accuracy per field over the corpus (see <see cref="Fields"/>).</summary>
    public static ImmutableDictionary<string, FieldScore> Score(IReadOnlyList<FrameRowResult> rows)
    {
        var correct = Fields.ToDictionary(f => f, _ => 0);
        var total = Fields.ToDictionary(f => f, _ => 0);
        foreach (var row in rows)
        {
            total["event_count"]++;
            if (row.CountCorrect) correct["event_count"]++;
            if (row.Passage.Events.IsEmpty)
            {
                total["non_event"]++;
                if (row.Predicted.IsEmpty) correct["non_event"]++;
            }
            foreach (var pair in row.Pairs)
                foreach (var field in EventFields)
                {
                    total[field]++;
                    if (!pair.Wrong.Contains(field)) correct[field]++;
                }
        }
        return Fields.ToImmutableDictionary(f => f, f => new FieldScore(correct[f], total[f]));
    }

    /// <summary>A Markdown table of field accuracies.</summary>
    public static string RenderScores(IReadOnlyDictionary<string, FieldScore> scores)
    {
        var sb = new StringBuilder("| field | correct | total | accuracy |\n|---|---:|---:|---:|\n");
        foreach (var field in Fields)
        {
            var s = scores[field];
            sb.Append(CultureInfo.InvariantCulture, $"| {field} | {s.Correct} | {s.Total} | {s.Accuracy:0.000} |\n");
        }
        return sb.ToString();
    }

    /// <summary>One line per passage: ok, or every disagreeing field as expected → predicted.</summary>
    public static string RenderDiffs(IEnumerable<FrameRowResult> rows)
    {
        var sb = new StringBuilder("| id | register | expected/predicted events | differences |\n|---|---|---|---|\n");
        foreach (var row in rows)
        {
            var diffs = new List<string>();
            for (var i = 0; i < row.Pairs.Length; i++)
            {
                var pair = row.Pairs[i];
                if (pair.Predicted is null) { diffs.Add($"E{i + 1} {pair.Expected.SubEventType}: no event"); continue; }
                foreach (var field in pair.Wrong)
                    diffs.Add($"E{i + 1}.{field}: {Show(ExpectedValue(pair.Expected, field))} → {Show(PredictedValue(pair.Predicted, field))}");
            }
            var paired = row.Pairs.Where(p => p.Predicted is not null).Select(p => p.Predicted).ToHashSet();
            foreach (var extra in row.Predicted.Where(e => !paired.Contains(e)))
                diffs.Add($"extra: {extra.SubEventType} {Show(extra.Actor1)}/{Show(extra.Actor2)} @ {Show(extra.Location?.Name)}");
            sb.Append(CultureInfo.InvariantCulture,
                $"| {row.Passage.Id} | {row.Passage.Register} | {row.Passage.Events.Length}/{row.Predicted.Length} | {(diffs.Count == 0 ? "ok" : string.Join("; ", diffs))} |\n");
        }
        return sb.ToString();
    }

    private static string Show(string? value) => value is null ? "∅" : value;

    private static ImmutableArray<FramePair> Pair(ImmutableArray<ExpectedFrame> expected, ImmutableArray<ConflictEvent> predicted)
    {
        var candidates = new List<(int E, int P, int Score)>();
        for (var e = 0; e < expected.Length; e++)
            for (var p = 0; p < predicted.Length; p++)
            {
                var wrong = WrongFields(expected[e], predicted[p]);
                var score = 2 * EventFields.Length - wrong.Count - (wrong.Contains("sub_event_type") ? 1 : 0);
                candidates.Add((e, p, score));
            }
        var chosen = new ConflictEvent?[expected.Length];
        var usedE = new bool[expected.Length];
        var usedP = new bool[predicted.Length];
        foreach (var (e, p, _) in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.E).ThenBy(c => c.P))
        {
            if (usedE[e] || usedP[p]) continue;
            usedE[e] = usedP[p] = true;
            chosen[e] = predicted[p];
        }
        return [.. expected.Select((x, i) => chosen[i] is { } hit
            ? new FramePair(x, hit, [.. WrongFields(x, hit)])
            : new FramePair(x, null, EventFields))];
    }

    private static List<string> WrongFields(ExpectedFrame expected, ConflictEvent predicted)
    {
        var wrong = new List<string>();
        foreach (var field in EventFields)
        {
            var ok = field == "location"
                ? LocationMatches(expected.Location, predicted.Location?.Name)
                : string.Equals(ExpectedValue(expected, field), PredictedValue(predicted, field), StringComparison.Ordinal);
            if (!ok) wrong.Add(field);
        }
        return wrong;
    }

    private static string? ExpectedValue(ExpectedFrame e, string field) => field switch
    {
        "event_type" => e.EventType,
        "sub_event_type" => e.SubEventType,
        "actor1" => Blank(e.Actor1),
        "actor2" => Blank(e.Actor2),
        "location" => Blank(e.Location),
        "fatalities" => e.Fatalities?.ToString(CultureInfo.InvariantCulture),
        "hedged" => e.Hedged ? "true" : "false",
        "source_kind" => e.SourceKind,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static string? PredictedValue(ConflictEvent e, string field) => field switch
    {
        "event_type" => e.EventType,
        "sub_event_type" => e.SubEventType,
        "actor1" => Blank(e.Actor1),
        "actor2" => Blank(e.Actor2),
        "location" => Blank(e.Location?.Name),
        "fatalities" => e.Fatalities.Best?.ToString(CultureInfo.InvariantCulture),
        "hedged" => e.Hedged ? "true" : "false",
        "source_kind" => e.Attribution.SourceKind,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Names match ignoring case, diacritics, spaces, hyphens and apostrophes; the expected side may list '|' alternatives.</summary>
    private static bool LocationMatches(string? expected, string? predicted)
    {
        if (string.IsNullOrWhiteSpace(expected)) return string.IsNullOrWhiteSpace(predicted);
        if (string.IsNullOrWhiteSpace(predicted)) return false;
        var key = PlaceKey(predicted);
        return expected.Split('|').Any(alt => PlaceKey(alt) == key);
    }

    private static string PlaceKey(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
