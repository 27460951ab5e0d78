using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sitrep.Documents;
using Sitrep.Events;

namespace Sitrep.Evaluation;

/// <summary>
/// One hand-coded gold document. Every offset here is a Unicode code-point index (a Python
/// <c>str</c> index), as written by the gold builder; the evaluator converts them to UTF-16.
/// </summary>
public sealed record GoldDocument(
    string Id,
    string Title,
    string? OutletHint,
    ImmutableArray<TextSpan> Body,
    ImmutableArray<string> NonBodyExamples,
    ImmutableArray<ConflictEvent> Events,
    ImmutableArray<Claim> Claims);

/// <summary>The gold documents of a folder of <c>*.json</c> files, keyed by document id.</summary>
public sealed class GoldSet
{
    public ImmutableArray<GoldDocument> Documents { get; }
    /// <summary>Gold files that could not be read, one message each.</summary>
    public ImmutableArray<string> Problems { get; }

    public GoldSet(IEnumerable<GoldDocument> documents, IEnumerable<string>? problems = null)
    {
        Documents = [.. documents.OrderBy(d => d.Id, StringComparer.Ordinal)];
        Problems = [.. problems ?? []];
    }

    /// <summary>Loads every <c>*.json</c> in <paramref name="dir"/> (not recursive).</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static GoldSet Load(string dir)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"gold folder not found: {dir}");
        var documents = new List<GoldDocument>();
        var problems = new List<string>();
        foreach (var path in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            try { documents.Add(Parse(File.ReadAllText(path))); }
            catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException)
            {
                problems.Add($"gold file {Path.GetFileName(path)} skipped: {e.Message}");
            }
        }
        return new GoldSet(documents, problems);
    }

    /// <summary>Parses one gold JSON object (the schema of the gold README).</summary>
    public static GoldDocument Parse(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("not a JSON object");
        var id = root["doc"]?.GetValue<string>() ?? throw new InvalidDataException("missing \"doc\"");
        var events = ImmutableArray.CreateBuilder<ConflictEvent>();
        foreach (var node in root["events"] as JsonArray ?? [])
            events.Add(PredictionSet.Normalize(WithDocument(node, id).Deserialize<ConflictEvent>(EvalJson.Options)
                       ?? throw new InvalidDataException("null event")));
        var claims = ImmutableArray.CreateBuilder<Claim>();
        foreach (var node in root["claims"] as JsonArray ?? [])
            claims.Add(PredictionSet.Normalize(WithDocument(node, id).Deserialize<Claim>(EvalJson.Options)
                       ?? throw new InvalidDataException("null claim")));
        return new GoldDocument(
            id,
            root["title"]?.GetValue<string>() ?? "",
            root["outlet_hint"]?.GetValue<string>(),
            root["body"]?.Deserialize<ImmutableArray<TextSpan>>(EvalJson.Options) ?? [],
            root["non_body_examples"]?.Deserialize<ImmutableArray<string>>(EvalJson.Options) ?? [],
            events.ToImmutable(),
            claims.ToImmutable());
    }

    private static JsonObject WithDocument(JsonNode? node, string id)
    {
        var obj = node?.DeepClone() as JsonObject ?? throw new InvalidDataException("event or claim is not an object");
        obj["doc"] = id;
        return obj;
    }
}

internal static class EvalJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };
}
