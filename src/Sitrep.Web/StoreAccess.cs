using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Sitrep.Events;
using Sitrep.Export;
using Sitrep.Storage;

namespace Sitrep.Web;

/// <summary>What the page shows beside an event: its document's title, outlet, date and address.</summary>
public sealed record DocumentSummary(string Id, string? Title, string? Outlet, string? Published, string? Url);

/// <summary>One value of a filter facet and how many events carry it.</summary>
public sealed record FacetValue(string Value, long Count);

/// <summary>The values the filters offer and the date range of the store.</summary>
public sealed record Facets(
    long Events, long Documents, long Claims, string? FirstDate, string? LastDate,
    IReadOnlyList<FacetValue> Types, IReadOnlyList<FacetValue> SubTypes,
    IReadOnlyList<FacetValue> Actors, IReadOnlyList<FacetValue> Outlets);

/// <summary>
/// The SQLite side of <see cref="IWebStore"/>. Opens the store per request (<see cref="SqliteStore"/> is one connection and not thread-safe;
/// WAL lets readers run beside the one writer) and serialises writes. The small read-only
/// queries the page needs beyond the store's API (facets, document summaries, fused events) live
/// here, all parameterised.
/// </summary>
public sealed class StoreAccess : IWebStore
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _path;

    public StoreAccess(IOptions<SitrepWebOptions> options)
    {
        _path = options.Value.Database;
        // Create the file and its schema once, so read connections always find the tables.
        using var store = SqliteStore.Open(_path);
    }

    public string DatabasePath => _path;

    public string Describe() => "SQLite " + _path;

    public EventPage QueryEvents(EventQuery query) => Read(store => store.QueryEvents(query));

    public EventReport? FindEvent(string eventId) => Read(store => EventReport.Find(store, eventId));

    public Sitrep.Documents.Document? GetDocument(string documentId) => Read(store => store.GetDocument(documentId));

    public Task SaveAsync(Sitrep.Documents.Document document, CancellationToken cancellationToken) =>
        WriteAsync(store => { store.Save([document], Sitrep.Pipeline.SitrepDefaults.PipelineVersion); return true; }, cancellationToken);

    public T Read<T>(Func<SqliteStore, T> read)
    {
        using var store = SqliteStore.Open(_path);
        return read(store);
    }

    public async Task<T> WriteAsync<T>(Func<SqliteStore, T> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var store = SqliteStore.Open(_path);
            return write(store);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Title, outlet, date and URL of each named document that exists.</summary>
    public Dictionary<string, DocumentSummary> Summaries(IEnumerable<string> documentIds)
    {
        var result = new Dictionary<string, DocumentSummary>(StringComparer.Ordinal);
        var ids = documentIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return result;
        using var connection = OpenCatalog();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, title, outlet, published, url FROM documents WHERE id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(ids));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var summary = new DocumentSummary(reader.GetString(0), Nullable(reader, 1), Nullable(reader, 2), Nullable(reader, 3), Nullable(reader, 4));
            result[summary.Id] = summary;
        }
        return result;
    }

    public Facets ReadFacets()
    {
        using var connection = OpenCatalog();
        return new Facets(
            Scalar(connection, "SELECT COUNT(*) FROM events"),
            Scalar(connection, "SELECT COUNT(*) FROM documents"),
            Scalar(connection, "SELECT COUNT(*) FROM claims"),
            Text(connection, "SELECT MIN(date_value) FROM events WHERE date_value IS NOT NULL AND date_value <> ''"),
            Text(connection, "SELECT MAX(date_value) FROM events WHERE date_value IS NOT NULL AND date_value <> ''"),
            Values(connection, "SELECT event_type, COUNT(*) FROM events GROUP BY event_type ORDER BY 2 DESC, 1"),
            Values(connection, "SELECT sub_event_type, COUNT(*) FROM events GROUP BY sub_event_type ORDER BY 2 DESC, 1"),
            Values(connection, """
                SELECT actor, COUNT(*) FROM (
                    SELECT actor1 AS actor FROM events WHERE actor1 IS NOT NULL AND actor1 <> ''
                    UNION ALL SELECT actor2 FROM events WHERE actor2 IS NOT NULL AND actor2 <> '')
                GROUP BY actor ORDER BY 2 DESC, 1 LIMIT 500
                """),
            Values(connection, """
                SELECT d.outlet, COUNT(e.rid) FROM documents d LEFT JOIN events e ON e.doc_id = d.id
                WHERE d.outlet IS NOT NULL AND d.outlet <> '' GROUP BY d.outlet ORDER BY 2 DESC, 1 LIMIT 500
                """));
    }

    /// <summary>
    /// Fused (multi-source) events, when the store has them: the fusion stage adds a
    /// <c>fused_events</c> table with a <c>json</c> column. Until then the answer is an empty page.
    /// </summary>
    public (long Total, IReadOnlyList<System.Text.Json.JsonElement> Items) ReadFused(int limit, int offset)
    {
        using var connection = OpenCatalog();
        if (Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'fused_events'") == 0)
            return (0, []);
        try
        {
            var total = Scalar(connection, "SELECT COUNT(*) FROM fused_events");
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT json FROM fused_events ORDER BY rowid LIMIT $limit OFFSET $offset";
            command.Parameters.AddWithValue("$limit", limit);
            command.Parameters.AddWithValue("$offset", offset);
            using var reader = command.ExecuteReader();
            var items = new List<System.Text.Json.JsonElement>();
            while (reader.Read())
            {
                using var json = System.Text.Json.JsonDocument.Parse(reader.GetString(0));
                items.Add(json.RootElement.Clone());
            }
            return (total, items);
        }
        catch (SqliteException)
        {
            // A fused table of another shape: report nothing rather than guess.
            return (0, []);
        }
    }

    /// <summary>Claims, newest document first, optionally of one document or containing some words.</summary>
    public (long Total, IReadOnlyList<Claim> Items) ReadClaims(string? documentId, string? text, int limit, int offset)
    {
        using var store = SqliteStore.Open(_path);
        var matching = store.ReadClaims()
            .Where(c => documentId is null || c.DocumentId == documentId)
            .Where(c => text is null
                || c.Text.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (c.Claimant?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
                || (c.Subject?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false));
        long total = 0;
        var items = new List<Claim>();
        foreach (var claim in matching)
        {
            if (total >= offset && items.Count < limit) items.Add(claim);
            total++;
        }
        return (total, items);
    }

    /// <summary>The rows of an export: the query's events flattened with their outlets.</summary>
    public (long Total, IReadOnlyList<AcledRow> Rows) ExportRows(EventQuery query)
    {
        var page = Read(store => store.QueryEvents(query));
        var outlets = Summaries(page.Items.Select(e => e.DocumentId));
        var rows = page.Items
            .Select(e => AcledRow.From(e, outlets.TryGetValue(e.DocumentId, out var d) ? d.Outlet : null))
            .ToList();
        return (page.Total, rows);
    }

    private SqliteConnection OpenCatalog()
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = _path == ":memory:" ? SqliteOpenMode.Memory : SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string? Text(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    private static List<FacetValue> Values(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<FacetValue>();
        while (reader.Read())
            if (!reader.IsDBNull(0)) list.Add(new FacetValue(reader.GetString(0), reader.GetInt64(1)));
        return list;
    }

    private static string? Nullable(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
