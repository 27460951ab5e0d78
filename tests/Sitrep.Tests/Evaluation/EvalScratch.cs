using System.Text.Json;
using System.Text.Json.Nodes;
using Sitrep.Documents;
using Sitrep.Evaluation;
using Sitrep.Events;

namespace Sitrep.Tests.Evaluation;

/// <summary>Writes synthetic gold files and a prediction folder to a temp directory, then evaluates them.</summary>
internal sealed class EvalScratch : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sitrep-eval-" + Guid.NewGuid().ToString("N"));
    public string GoldDir => Path.Combine(Root, "gold");
    public string PredDir => Path.Combine(Root, "pred");

    public EvalScratch()
    {
        Directory.CreateDirectory(GoldDir);
        Directory.CreateDirectory(PredDir);
    }

    /// <summary>Writes one gold file; spans are code-point offsets, as the gold builder writes them.</summary>
    public void WriteGold(string doc, string title, TextSpan[] body, ConflictEvent[] events, Claim[]? claims = null)
    {
        var obj = new JsonObject
        {
            ["doc"] = doc,
            ["title"] = title,
            ["outlet_hint"] = null,
            ["body"] = JsonSerializer.SerializeToNode(body),
            ["non_body_examples"] = new JsonArray(),
            ["events"] = new JsonArray([.. events.Select(GoldShape)]),
            ["claims"] = new JsonArray([.. (claims ?? []).Select(GoldShape)]),
        };
        File.WriteAllText(Path.Combine(GoldDir, Path.ChangeExtension(doc, ".json")), obj.ToJsonString());
    }

    private static JsonNode GoldShape<T>(T item)
    {
        var node = JsonSerializer.SerializeToNode(item)!.AsObject();
        node.Remove("doc");
        return node;
    }

    public void WritePredictions(IEnumerable<PredictedDocument> documents, IEnumerable<ConflictEvent> events, IEnumerable<Claim>? claims = null)
    {
        WriteLines(PredictionSet.DocumentsFile, documents.Select(d => JsonSerializer.Serialize(d)));
        WriteLines(PredictionSet.EventsFile, events.Select(e => JsonSerializer.Serialize(e)));
        WriteLines(PredictionSet.ClaimsFile, (claims ?? []).Select(c => JsonSerializer.Serialize(c)));
    }

    public void WriteLines(string file, IEnumerable<string> lines) =>
        File.WriteAllLines(Path.Combine(PredDir, file), lines);

    public EvalReport Evaluate() => Evaluator.Evaluate(GoldSet.Load(GoldDir), PredictionSet.Load(PredDir));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    public static TextSpan Find(string text, string phrase)
    {
        var i = text.IndexOf(phrase, StringComparison.Ordinal);
        if (i < 0) throw new ArgumentException($"'{phrase}' not in text");
        return new TextSpan(i, i + phrase.Length);
    }

    public static ConflictEvent Event(string doc, string id, string subType, TextSpan evidence,
        double lat = 34.56, double lon = 38.27, string? actor1 = "Islamic State", string? actor2 = "Military Forces of Syria",
        int? best = null, string eventType = "Battles") => new()
    {
        DocumentId = doc,
        Id = id,
        Evidence = [evidence],
        EventType = eventType,
        SubEventType = subType,
        Actor1 = actor1,
        Actor2 = actor2,
        Location = new EventLocation("Palmyra", "Palmyra", "Homs", "Syria", lat, lon, 1),
        Date = new EventDate("on Wednesday", null, "day", "publication"),
        Fatalities = new Fatalities(best, best, null, best is null ? null : $"killing {best}", null),
        Attribution = new EventAttribution("a field source said", SourceKinds.Anonymous),
    };

    public static Claim ClaimOf(string doc, string id, TextSpan evidence) => new()
    {
        DocumentId = doc,
        Id = id,
        Evidence = [evidence],
        Text = "the US helps the militants",
        Claimant = "the outlet",
        SourceKind = SourceKinds.OutletItself,
    };
}
