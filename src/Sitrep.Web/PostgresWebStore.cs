using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Export;
using Sitrep.Fusion;
using Sitrep.Postgres;
using Sitrep.Storage;

namespace Sitrep.Web;

/// <summary>
/// The PostgreSQL side of <see cref="IWebStore"/>: the same answers as <see cref="StoreAccess"/>, read
/// from the shared PostgreSQL + PostGIS store that <c>sitrep extract --pg</c> fills. Every query is
/// parameterised ($1..); text orderings use the "C" collation so ties break as in SQLite (by code unit,
/// whatever the database's locale).
/// </summary>
public sealed class PostgresWebStore : IWebStore, IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly PostgresStore _store;

    /// <summary>Connects and applies the missing migrations.</summary>
    public PostgresWebStore(string connectionString) => _store = PostgresStore.Open(connectionString);

    public PostgresStore Store => _store;

    public string Describe() => _store.Describe();

    public EventPage QueryEvents(EventQuery query) => _store.QueryEvents(query);

    public EventReport? FindEvent(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        string? documentId;
        using (var connection = _store.DataSource.OpenConnection())
        using (var command = new NpgsqlCommand("SELECT doc_id FROM events WHERE id = $1", connection))
        {
            command.Parameters.Add(Text(eventId));
            documentId = command.ExecuteScalar() as string;
        }
        if (documentId is null) return null;
        var document = _store.GetDocument(documentId);
        if (document is null) return null;
        return EventReport.FromDocument(document, eventId, FusedJson(eventId));
    }

    /// <summary>The fused event whose cluster holds the event, as the fusion pass stored it.</summary>
    private string? FusedJson(string eventId)
    {
        using var connection = _store.DataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            SELECT f.json::text FROM fusion_members m JOIN fused_events f ON f.cluster_id = m.cluster_id
            WHERE m.event_id = $1
            """, connection);
        command.Parameters.Add(Text(eventId));
        return command.ExecuteScalar() as string;
    }

    public Document? GetDocument(string documentId) => _store.GetDocument(documentId);

    public async Task SaveAsync(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        // One writer per host, as with SQLite: two posts of one id must not race on the same rows.
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _store.Save([document], Pipeline.SitrepDefaults.PipelineVersion);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Dictionary<string, DocumentSummary> Summaries(IEnumerable<string> documentIds)
    {
        var result = new Dictionary<string, DocumentSummary>(StringComparer.Ordinal);
        var ids = documentIds.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0) return result;
        using var connection = _store.DataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            SELECT id, title, outlet, to_char(published, 'YYYY-MM-DD'), url FROM documents WHERE id = ANY($1)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
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
        using var connection = _store.DataSource.OpenConnection();
        return new Facets(
            Scalar(connection, "SELECT count(*) FROM events"),
            Scalar(connection, "SELECT count(*) FROM documents"),
            Scalar(connection, "SELECT count(*) FROM claims"),
            TextScalar(connection, """SELECT min(date_value COLLATE "C") FROM events WHERE date_value IS NOT NULL AND date_value <> ''"""),
            TextScalar(connection, """SELECT max(date_value COLLATE "C") FROM events WHERE date_value IS NOT NULL AND date_value <> ''"""),
            Values(connection, """SELECT event_type, count(*) FROM events GROUP BY event_type ORDER BY 2 DESC, event_type COLLATE "C" """),
            Values(connection, """SELECT sub_event_type, count(*) FROM events GROUP BY sub_event_type ORDER BY 2 DESC, sub_event_type COLLATE "C" """),
            Values(connection, """
                SELECT actor, count(*) FROM (
                    SELECT actor1 AS actor FROM events WHERE actor1 IS NOT NULL AND actor1 <> ''
                    UNION ALL SELECT actor2 FROM events WHERE actor2 IS NOT NULL AND actor2 <> '') a
                GROUP BY actor ORDER BY 2 DESC, actor COLLATE "C" LIMIT 500
                """),
            Values(connection, """
                SELECT d.outlet, count(e.rid) FROM documents d LEFT JOIN events e ON e.doc_id = d.id
                WHERE d.outlet IS NOT NULL AND d.outlet <> '' GROUP BY d.outlet ORDER BY 2 DESC, d.outlet COLLATE "C" LIMIT 500
                """));
    }

    /// <summary>
    /// Fused events newest first, as the SQLite store keeps them. Each is read back into
    /// <see cref="FusedEvent"/> and written out again, so its fields come in the declared order
    /// (jsonb keeps its own key order) exactly as the SQLite store serves them.
    /// </summary>
    public (long Total, IReadOnlyList<JsonElement> Items) ReadFused(int limit, int offset)
    {
        using var connection = _store.DataSource.OpenConnection();
        var total = Scalar(connection, "SELECT count(*) FROM fused_events");
        using var command = new NpgsqlCommand("""
            SELECT json::text FROM fused_events ORDER BY date_value COLLATE "C" DESC NULLS LAST, id COLLATE "C" LIMIT $1 OFFSET $2
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Max(0, limit), NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Max(0, offset), NpgsqlDbType = NpgsqlDbType.Integer });
        var items = new List<JsonElement>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var fused = JsonSerializer.Deserialize<FusedEvent>(reader.GetString(0), SitrepJson.Options)
                        ?? throw new InvalidDataException("A stored fused event is null.");
            items.Add(JsonSerializer.SerializeToElement(fused, SitrepJson.Options));
        }
        return (total, items);
    }

    /// <summary>
    /// Claims in insertion order, filtered in SQL: the document by id, the words case-insensitively
    /// (lower() on both sides, a plain substring test, so LIKE wildcards in the words mean nothing).
    /// </summary>
    public (long Total, IReadOnlyList<Claim> Items) ReadClaims(string? documentId, string? text, int limit, int offset)
    {
        const string where = """
            WHERE ($1::text IS NULL OR doc_id = $1)
              AND ($2::text IS NULL
                   OR strpos(lower(json ->> 'claim'), lower($2)) > 0
                   OR strpos(lower(coalesce(json ->> 'claimant', '')), lower($2)) > 0
                   OR strpos(lower(coalesce(json ->> 'subject', '')), lower($2)) > 0)
            """;
        using var connection = _store.DataSource.OpenConnection();
        long total;
        using (var count = new NpgsqlCommand("SELECT count(*) FROM claims " + where, connection))
        {
            count.Parameters.Add(Text(documentId));
            count.Parameters.Add(Text(text));
            total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        using var select = new NpgsqlCommand("SELECT json::text FROM claims " + where + " ORDER BY rid LIMIT $3 OFFSET $4", connection);
        select.Parameters.Add(Text(documentId));
        select.Parameters.Add(Text(text));
        select.Parameters.Add(new NpgsqlParameter { Value = Math.Max(0, limit), NpgsqlDbType = NpgsqlDbType.Integer });
        select.Parameters.Add(new NpgsqlParameter { Value = Math.Max(0, offset), NpgsqlDbType = NpgsqlDbType.Integer });
        var items = new List<Claim>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
            items.Add(JsonSerializer.Deserialize<Claim>(reader.GetString(0), SitrepJson.Options)
                      ?? throw new InvalidDataException("A stored claim is null."));
        return (total, items);
    }

    public (long Total, IReadOnlyList<AcledRow> Rows) ExportRows(EventQuery query)
    {
        var page = _store.QueryEvents(query);
        var outlets = Summaries(page.Items.Select(e => e.DocumentId));
        var rows = page.Items
            .Select(e => AcledRow.From(e, outlets.TryGetValue(e.DocumentId, out var d) ? d.Outlet : null))
            .ToList();
        return (page.Total, rows);
    }

    public void Dispose()
    {
        _store.Dispose();
        _writeLock.Dispose();
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static long Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string? TextScalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar() as string;
    }

    private static List<FacetValue> Values(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var list = new List<FacetValue>();
        while (reader.Read())
            if (!reader.IsDBNull(0)) list.Add(new FacetValue(reader.GetString(0), reader.GetInt64(1)));
        return list;
    }

    private static string? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
