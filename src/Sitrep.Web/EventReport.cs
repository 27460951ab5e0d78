using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Storage;

namespace Sitrep.Web;

/// <summary>One evidence span with the words it covers.</summary>
public sealed record EvidenceText(int Start, int End, string Text);

/// <summary>A report of an event: which outlet said it, where, and whom it cites.</summary>
public sealed record EventSource(string Document, string? Title, string? Outlet, string? Url, string? Published, string? SourceText, string SourceKind);

/// <summary>GET /api/events/{id}: the event, its evidence sentences, its reports and its corroboration label.</summary>
public sealed record EventReport(ConflictEvent Event, IReadOnlyList<EvidenceText> Evidence, IReadOnlyList<EventSource> Sources, string Corroboration)
{
    /// <summary>An event no fusion run has placed in a cluster yet has one report.</summary>
    public const string SingleSource = "single_source";

    /// <summary>The fused real-world event this report belongs to (id, independent sources, label), when fusion has run.</summary>
    public string? FusedId { get; init; }
    public int IndependentSources { get; init; } = 1;

    public static EventReport? Find(SqliteStore store, string eventId)
    {
        ArgumentNullException.ThrowIfNull(store);
        var documentId = DocumentOf(store.Path, eventId);
        if (documentId is null) return null;
        var document = store.GetDocument(documentId);
        if (document is null || !document.Events.Any(e => e.Id == eventId)) return null;
        return FromDocument(document, eventId, FusedJson(store.Path, eventId));
    }

    /// <summary>
    /// The report of one event of <paramref name="document"/>, with the other outlets and the label of
    /// the fused event it belongs to (<paramref name="fusedJson"/>, as stored in <c>fused_events.json</c>) when there is one.
    /// </summary>
    public static EventReport? FromDocument(Document document, string eventId, string? fusedJson)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = document.Events.FirstOrDefault(e => e.Id == eventId);
        if (found is null) return null;
        var evidence = found.Evidence
            .Where(span => span.Start >= 0 && span.End <= document.Text.Length && span.Start <= span.End)
            .Select(span => new EvidenceText(span.Start, span.End, document.Slice(span)))
            .ToList();
        var source = new EventSource(document.Id, document.Title, document.Outlet, document.Url,
            document.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            found.Attribution.SourceText, found.Attribution.SourceKind);
        var report = new EventReport(found, evidence, [source], SingleSource);
        return fusedJson is null ? report : WithFusion(report, fusedJson);
    }

    /// <summary>The stored fused event that holds the event, from the SQLite store's fused view.</summary>
    private static string? FusedJson(string path, string eventId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT f.json FROM fused_events f, json_each(f.json, '$.reports') r
            WHERE json_extract(r.value, '$.event_id') = $id LIMIT 1
            """;
        command.Parameters.AddWithValue("$id", eventId);
        try
        {
            return command.ExecuteScalar() as string;
        }
        catch (SqliteException)
        {
            return null; // a store from before fusion: no fused view yet
        }
    }

    /// <summary>The other outlets that told the same event, and its corroboration label, from the stored fused view.</summary>
    private static EventReport WithFusion(EventReport report, string json)
    {
        using var fused = System.Text.Json.JsonDocument.Parse(json);
        var root = fused.RootElement;
        var others = root.GetProperty("reports").EnumerateArray()
            .Where(r => r.GetProperty("doc").GetString() != report.Sources[0].Document)
            .GroupBy(r => r.GetProperty("doc").GetString())
            .Select(g => g.First())
            .Select(r => new EventSource(r.GetProperty("doc").GetString() ?? "", null, Text(r, "outlet"), null, null, Text(r, "source_text"), SourceKinds.Other));
        return report with
        {
            Sources = [.. report.Sources, .. others],
            Corroboration = Text(root, "corroboration") ?? SingleSource,
            FusedId = Text(root, "id"),
            IndependentSources = root.TryGetProperty("independent_sources", out var n) && n.TryGetInt32(out var count) ? count : 1,
        };
    }

    private static string? Text(System.Text.Json.JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;

    private static string? DocumentOf(string path, string eventId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc_id FROM events WHERE id = $id";
        command.Parameters.AddWithValue("$id", eventId);
        return command.ExecuteScalar() as string;
    }
}
