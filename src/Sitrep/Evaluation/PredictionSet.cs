using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sitrep.Documents;
using Sitrep.Events;

namespace Sitrep.Evaluation;

/// <summary>One line of <c>documents.jsonl</c>: the text every offset of the document refers to (UTF-16).</summary>
public sealed record PredictedDocument
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("body")] public ImmutableArray<TextSpan> Body { get; init; } = [];
    [JsonPropertyName("comments")] public ImmutableArray<TextSpan> Comments { get; init; } = [];
}

/// <summary>The output folder of <c>sitrep extract</c>: events.jsonl, claims.jsonl, documents.jsonl.</summary>
public sealed class PredictionSet
{
    public const string EventsFile = "events.jsonl";
    public const string ClaimsFile = "claims.jsonl";
    public const string DocumentsFile = "documents.jsonl";

    public ImmutableDictionary<string, PredictedDocument> Documents { get; }
    public ImmutableArray<ConflictEvent> Events { get; }
    public ImmutableArray<Claim> Claims { get; }
    /// <summary>Malformed (unparseable or incomplete) lines per file name.</summary>
    public ImmutableDictionary<string, int> MalformedLines { get; }
    /// <summary>What was missing or odd while loading (missing folder or files).</summary>
    public ImmutableArray<string> Notes { get; }

    public PredictionSet(
        IEnumerable<PredictedDocument> documents,
        IEnumerable<ConflictEvent> events,
        IEnumerable<Claim> claims,
        IReadOnlyDictionary<string, int>? malformedLines = null,
        IEnumerable<string>? notes = null)
    {
        var docs = ImmutableDictionary.CreateBuilder<string, PredictedDocument>(StringComparer.Ordinal);
        var extraNotes = new List<string>();
        foreach (var d in documents)
            if (!docs.TryAdd(d.Id, d)) extraNotes.Add($"{DocumentsFile}: duplicate document id {d.Id}, first kept");
        Documents = docs.ToImmutable();
        Events = [.. events];
        Claims = [.. claims];
        MalformedLines = malformedLines?.ToImmutableDictionary(StringComparer.Ordinal)
                         ?? ImmutableDictionary<string, int>.Empty;
        Notes = [.. notes ?? [], .. extraNotes];
    }

    /// <summary>Loads a prediction folder. Missing files or folder give an empty set with a note, never an exception.</summary>
    public static PredictionSet Load(string dir)
    {
        var notes = new List<string>();
        var malformed = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!Directory.Exists(dir))
        {
            notes.Add($"prediction folder not found: {dir}");
            return new PredictionSet([], [], [], malformed, notes);
        }
        var documents = ReadLines<PredictedDocument>(dir, DocumentsFile, d => !string.IsNullOrEmpty(d.Id), notes, malformed);
        var events = ReadLines<ConflictEvent>(dir, EventsFile, e => !string.IsNullOrEmpty(e.DocumentId), notes, malformed);
        var claims = ReadLines<Claim>(dir, ClaimsFile, c => !string.IsNullOrEmpty(c.DocumentId), notes, malformed);
        return new PredictionSet(documents.Select(Normalize), events.Select(Normalize), claims.Select(Normalize), malformed, notes);
    }

    // JSON nulls bypass the records' defaults; put them back so scoring never meets a null.
    internal static ConflictEvent Normalize(ConflictEvent e) => e with
    {
        Id = e.Id ?? "",
        Evidence = e.Evidence.IsDefault ? [] : e.Evidence,
        AssocActor1 = e.AssocActor1.IsDefault ? [] : e.AssocActor1,
        AssocActor2 = e.AssocActor2.IsDefault ? [] : e.AssocActor2,
        Actor1Mentions = e.Actor1Mentions.IsDefault ? [] : e.Actor1Mentions,
        Actor2Mentions = e.Actor2Mentions.IsDefault ? [] : e.Actor2Mentions,
        Materiel = e.Materiel.IsDefault ? [] : e.Materiel,
        Date = e.Date ?? EventDate.Unknown,
        Fatalities = e.Fatalities ?? Fatalities.None,
        Attribution = e.Attribution ?? EventAttribution.OutletItself,
    };

    internal static Claim Normalize(Claim c) => c with
    {
        Id = c.Id ?? "",
        Evidence = c.Evidence.IsDefault ? [] : c.Evidence,
        SourceKind = c.SourceKind ?? SourceKinds.OutletItself,
    };

    internal static PredictedDocument Normalize(PredictedDocument d) => d with
    {
        Body = d.Body.IsDefault ? [] : d.Body,
        Comments = d.Comments.IsDefault ? [] : d.Comments,
    };

    private static List<T> ReadLines<T>(string dir, string file, Func<T, bool> valid,
        List<string> notes, Dictionary<string, int> malformed) where T : class
    {
        var items = new List<T>();
        var path = Path.Combine(dir, file);
        if (!File.Exists(path))
        {
            notes.Add($"{file} missing: scored as no predictions");
            return items;
        }
        var bad = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var item = JsonSerializer.Deserialize<T>(line, EvalJson.Options);
                if (item is not null && valid(item)) items.Add(item); else bad++;
            }
            catch (JsonException) { bad++; }
        }
        if (bad > 0) malformed[file] = bad;
        return items;
    }
}
