using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sitrep.Evaluation;

/// <summary>
/// Counts behind precision, recall and F1: gold items, predicted items and matched pairs
/// (for body scoring: gold characters, predicted characters and shared characters).
/// When there is nothing to find and nothing was predicted, every score is 1.
/// </summary>
public sealed record PrfScore(
    [property: JsonPropertyName("gold")] int Gold,
    [property: JsonPropertyName("predicted")] int Predicted,
    [property: JsonPropertyName("matched")] int Matched)
{
    public static readonly PrfScore Zero = new(0, 0, 0);

    [JsonPropertyName("precision")] public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)Matched / Predicted;
    [JsonPropertyName("recall")] public double Recall => Gold == 0 ? (Predicted == 0 ? 1 : 0) : (double)Matched / Gold;
    [JsonPropertyName("f1")] public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public PrfScore Add(PrfScore other) => new(Gold + other.Gold, Predicted + other.Predicted, Matched + other.Matched);
}

/// <summary>Accuracy of one event field over the matched events where the field is scored.</summary>
public sealed record FieldAccuracy(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("correct")] int Correct,
    [property: JsonPropertyName("total")] int Total)
{
    [JsonPropertyName("accuracy")] public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;
}

/// <summary>Scores of one gold document.</summary>
public sealed record DocumentScore(
    [property: JsonPropertyName("doc")] string Doc,
    [property: JsonPropertyName("events")] PrfScore Events,
    [property: JsonPropertyName("claims")] PrfScore Claims,
    [property: JsonPropertyName("body_chars")] PrfScore Body,
    [property: JsonPropertyName("evidence_outside_gold_body")] int EvidenceOutsideGoldBody);

/// <summary>One gold item matched to one predicted item, with the pair score that chose it.</summary>
public sealed record MatchedPair(
    [property: JsonPropertyName("doc")] string Doc,
    [property: JsonPropertyName("gold")] string GoldId,
    [property: JsonPropertyName("predicted")] string PredictedId,
    [property: JsonPropertyName("score")] double Score);

/// <summary>The result of <see cref="Evaluator.Evaluate"/>: micro scores, per-document scores, field accuracies and notes.</summary>
public sealed record EvalReport
{
    [JsonPropertyName("match")] public required string MatchMethod { get; init; }
    [JsonPropertyName("gold_documents")] public int GoldDocuments { get; init; }
    [JsonPropertyName("predicted_documents")] public int PredictedDocuments { get; init; }
    [JsonPropertyName("events")] public required PrfScore Events { get; init; }
    [JsonPropertyName("claims")] public required PrfScore Claims { get; init; }
    [JsonPropertyName("body_chars")] public required PrfScore Body { get; init; }
    [JsonPropertyName("evidence_outside_gold_body")] public int EvidenceOutsideGoldBody { get; init; }
    [JsonPropertyName("evidence_spans_checked")] public int EvidenceSpansChecked { get; init; }
    [JsonPropertyName("fields")] public ImmutableArray<FieldAccuracy> Fields { get; init; } = [];
    [JsonPropertyName("documents")] public ImmutableArray<DocumentScore> PerDocument { get; init; } = [];
    [JsonPropertyName("event_pairs")] public ImmutableArray<MatchedPair> EventPairs { get; init; } = [];
    [JsonPropertyName("claim_pairs")] public ImmutableArray<MatchedPair> ClaimPairs { get; init; } = [];
    [JsonPropertyName("malformed_lines")] public ImmutableDictionary<string, int> MalformedLines { get; init; } = ImmutableDictionary<string, int>.Empty;
    [JsonPropertyName("notes")] public ImmutableArray<string> Notes { get; init; } = [];

    public FieldAccuracy Field(string name) => Fields.First(f => f.Field == name);

    // The report is a file for people and tools, never embedded in HTML, so "+" and quotes stay readable.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>A fixed-width report for the terminal and README.</summary>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"sitrep eval: {GoldDocuments} gold documents, {PredictedDocuments} predicted documents\n");
        sb.Append(inv, $"match: {MatchMethod}\n\n");

        sb.Append(inv, $"{"",-16}{"gold",8}{"pred",8}{"match",8}{"P",8}{"R",8}{"F1",8}\n");
        Row("events", Events);
        Row("claims", Claims);
        Row("body chars", Body);
        sb.Append(inv, $"evidence outside gold body: {EvidenceOutsideGoldBody} (of {EvidenceSpansChecked} predicted evidence spans)\n\n");

        var matched = Events.Matched;
        sb.Append(inv, $"{$"fields on {matched} matched events",-34}{"correct",8}{"n",6}{"acc",8}\n");
        foreach (var f in Fields)
            sb.Append(inv, $"{f.Field,-34}{f.Correct,8}{f.Total,6}{(f.Total == 0 ? "-" : f.Accuracy.ToString("0.000", inv)),8}\n");
        sb.Append('\n');

        var w = Math.Max(8, PerDocument.IsEmpty ? 8 : PerDocument.Max(d => d.Doc.Length)) + 2;
        sb.Append(inv, $"{"document".PadRight(w)}{"events g/p/m",14}{"ev F1",8}{"claims g/p/m",14}{"cl F1",8}{"body F1",8}{"outside",8}\n");
        foreach (var d in PerDocument)
        {
            sb.Append(d.Doc.PadRight(w));
            sb.Append(inv, $"{$"{d.Events.Gold}/{d.Events.Predicted}/{d.Events.Matched}",14}{F1(d.Events),8}");
            sb.Append(inv, $"{$"{d.Claims.Gold}/{d.Claims.Predicted}/{d.Claims.Matched}",14}{F1(d.Claims),8}");
            sb.Append(inv, $"{F1(d.Body),8}{d.EvidenceOutsideGoldBody,8}\n");
        }

        if (!MalformedLines.IsEmpty || !Notes.IsEmpty)
        {
            sb.Append("\nnotes:\n");
            foreach (var (file, count) in MalformedLines.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                sb.Append(inv, $"  - {file}: {count} malformed line(s) skipped\n");
            foreach (var n in Notes) sb.Append(inv, $"  - {n}\n");
        }
        return sb.ToString();

        // Nothing to find and nothing predicted: shown as "-" rather than a perfect score.
        string F1(PrfScore p) => p.Gold == 0 && p.Predicted == 0 ? "-" : p.F1.ToString("0.000", inv);

        void Row(string name, PrfScore s) =>
            sb.Append(inv, $"{name,-16}{s.Gold,8}{s.Predicted,8}{s.Matched,8}{s.Precision,8:0.000}{s.Recall,8:0.000}{s.F1,8:0.000}\n");
    }
}
