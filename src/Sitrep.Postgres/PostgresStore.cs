using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Export;
using Sitrep.Storage;

namespace Sitrep.Postgres;

/// <summary>What enqueuing a run's inputs did.</summary>
public sealed record EnqueueResult(int Queued, int Unchanged, IReadOnlyList<string> Ids);

/// <summary>How the queue stands.</summary>
public sealed record QueueCounts(long Pending, long Done, long Failed);

/// <summary>
/// The shared PostgreSQL + PostGIS store and work queue. Thread-safe: every call takes a pooled
/// connection from the data source, so one instance serves any number of worker threads.
/// </summary>
public sealed partial class PostgresStore : IDisposable
{
    private readonly NpgsqlDataSource _source;

    private PostgresStore(NpgsqlDataSource source) => _source = source;

    public NpgsqlDataSource DataSource => _source;

    /// <summary>Connects, and applies the missing migrations (once, whoever gets there first).</summary>
    public static PostgresStore Open(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlDataSourceBuilder(connectionString).UseSitrep();
        var source = builder.Build();
        try
        {
            PostgresMigrations.Apply(source);
            return new PostgresStore(source);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Host, port and database, for messages (never the password).</summary>
    public string Describe()
    {
        var b = new NpgsqlConnectionStringBuilder(_source.ConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }

    public int SchemaVersion
    {
        get
        {
            using var connection = _source.OpenConnection();
            return PostgresMigrations.CurrentVersion(connection);
        }
    }

    /// <summary>
    /// Puts ingested documents on the queue. A document already queued with the same input hash and
    /// pipeline version is left alone (done or not), so re-ingesting the same content is a no-op;
    /// a changed one is queued again.
    /// </summary>
    public EnqueueResult Enqueue(IEnumerable<RawDocument> documents, string pipelineVersion, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(documents);
        int queued = 0, unchanged = 0;
        var ids = new List<string>();
        foreach (var chunk in documents.Chunk(Math.Max(1, batchSize)))
        {
            // One row per id (the last wins, as a re-run would), in id order so concurrent enqueuers lock alike.
            var rows = chunk.GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.Last())
                .OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
            using var connection = _source.OpenConnection();
            using var command = new NpgsqlCommand("""
                INSERT INTO queue (id, content_hash, pipeline_version, document)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])
                ON CONFLICT (id) DO UPDATE SET
                    content_hash = excluded.content_hash, pipeline_version = excluded.pipeline_version,
                    document = excluded.document, state = 0, attempts = 0, error = NULL, worker = NULL, finished_at = NULL
                WHERE queue.content_hash <> excluded.content_hash OR queue.pipeline_version <> excluded.pipeline_version
                RETURNING id
                """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Id).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(InputHash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = Enumerable.Repeat(pipelineVersion, rows.Length).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => JsonSerializer.Serialize(r, SitrepJson.Options)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
            var changed = 0;
            using (var reader = command.ExecuteReader())
                while (reader.Read()) changed++;
            queued += changed;
            unchanged += rows.Length - changed;
            ids.AddRange(rows.Select(r => r.Id));
        }
        return new EnqueueResult(queued, unchanged, ids);
    }

    /// <summary>SHA-256 of everything that shapes a document's results: content and metadata.</summary>
    public static string InputHash(RawDocument raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var key = string.Join('\u001f', raw.Format.ToString(), raw.Url, raw.Title, raw.Outlet, raw.Published, raw.Content);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>A batch of documents claimed by one worker: processed and committed together, or not at all.</summary>
    public ClaimedBatch? Claim(int batchSize, string worker)
    {
        var connection = _source.OpenConnection();
        NpgsqlTransaction? tx = null;
        try
        {
            tx = connection.BeginTransaction();
            using var command = new NpgsqlCommand("""
                SELECT id, document FROM queue WHERE state = 0
                ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED
                """, connection, tx);
            command.Parameters.AddWithValue(Math.Max(1, batchSize));
            var items = new List<RawDocument>();
            using (var reader = command.ExecuteReader())
                while (reader.Read())
                    items.Add(JsonSerializer.Deserialize<RawDocument>(reader.GetString(1), SitrepJson.Options)
                              ?? throw new InvalidDataException($"Queued document {reader.GetString(0)} is null."));
            if (items.Count == 0)
            {
                tx.Commit();
                tx.Dispose();
                connection.Dispose();
                return null;
            }
            return new ClaimedBatch(this, connection, tx, items, worker);
        }
        catch
        {
            tx?.Dispose();
            connection.Dispose();
            throw;
        }
    }

    public QueueCounts CountQueue()
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE state = 0), count(*) FILTER (WHERE state = 1), count(*) FILTER (WHERE state = 2) FROM queue
            """, connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new QueueCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>The queue's error for each failed document among <paramref name="ids"/>.</summary>
    public IReadOnlyList<(string Id, string Error)> Failures(IReadOnlyCollection<string> ids)
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand("SELECT id, COALESCE(error, 'failed') FROM queue WHERE state = 2 AND id = ANY($1) ORDER BY seq", connection);
        command.Parameters.AddWithValue(ids.ToArray());
        var list = new List<(string, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add((reader.GetString(0), reader.GetString(1)));
        return list;
    }

    /// <summary>Saves processed documents outside the queue (e.g. one posted to the API), replacing what was stored under their ids.</summary>
    public void Save(IReadOnlyList<Document> batch, string pipelineVersion)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return;
        using var connection = _source.OpenConnection();
        using var tx = connection.BeginTransaction();
        DocumentWriter.Write(connection, tx, batch, pipelineVersion, Fusion.OutletRegistry.Default);
        tx.Commit();
    }

    /// <summary>The stored documents with their events and claims, in the order of <paramref name="ids"/> (missing ones skipped).</summary>
    public IReadOnlyList<Document> GetDocuments(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<string, Document>(StringComparer.Ordinal);
        using var connection = _source.OpenConnection();
        foreach (var chunk in ids.Chunk(1000))
        {
            var events = ReadGrouped<ConflictEvent>(connection, "SELECT doc_id, json FROM events WHERE doc_id = ANY($1) ORDER BY rid", chunk);
            var claims = ReadGrouped<Claim>(connection, "SELECT doc_id, json FROM claims WHERE doc_id = ANY($1) ORDER BY rid", chunk);
            using var command = new NpgsqlCommand("""
                SELECT id, content_hash, source, url, title, outlet, published, text, body, comments, boilerplate, warnings
                FROM documents WHERE id = ANY($1)
                """, connection);
            command.Parameters.AddWithValue(chunk);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                found[id] = new Document
                {
                    Id = id,
                    ContentHash = reader.GetString(1),
                    Source = reader.IsDBNull(2) ? "" : reader.GetString(2),
                    Url = NullableString(reader, 3),
                    Title = NullableString(reader, 4),
                    Outlet = NullableString(reader, 5),
                    Published = reader.IsDBNull(6) ? null : DateOnly.FromDateTime(reader.GetDateTime(6)),
                    Text = reader.GetString(7),
                    Body = Json<ImmutableArray<TextSpan>>(reader.GetString(8)),
                    Comments = Json<ImmutableArray<TextSpan>>(reader.GetString(9)),
                    Boilerplate = Json<ImmutableArray<TextSpan>>(reader.GetString(10)),
                    Warnings = Json<ImmutableArray<string>>(reader.GetString(11)),
                    Events = [.. events.GetValueOrDefault(id) ?? []],
                    Claims = [.. claims.GetValueOrDefault(id) ?? []],
                };
            }
        }
        return [.. ids.Distinct(StringComparer.Ordinal).Where(found.ContainsKey).Select(id => found[id])];
    }

    public Document? GetDocument(string id) => GetDocuments([id]).FirstOrDefault();

    /// <summary>
    /// The map query: events whose point lies in the box (GiST index on the geography) and whose
    /// date range meets [from, to], newest first (by date value, in the SQLite store's order), with the total count.
    /// </summary>
    public EventPage QueryEvents(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string>();
        var walkBounds = new List<string>();
        var parameters = new List<NpgsqlParameter>();
        string Add(object value, NpgsqlDbType type)
        {
            parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            return "$" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        }
        var fromDay = ParseDay(query.From);
        var toDay = ParseDay(query.To);
        if (query.Box is { } box && (fromDay is not null || toDay is not null))
        {
            // box and dates: the n-D index over (lon, lat, day)
            var d0 = fromDay is { } f ? f.DayNumber - Epoch : -1_000_000;
            var d1 = toDay is { } t ? t.DayNumber - Epoch : 1_000_000;
            where.Add($"e.spacetime &&& ST_3DMakeBox(ST_MakePoint({Add(box.MinLon, NpgsqlDbType.Double)}, {Add(box.MinLat, NpgsqlDbType.Double)}, {Add((double)d0, NpgsqlDbType.Double)}), " +
                      $"ST_MakePoint({Add(box.MaxLon, NpgsqlDbType.Double)}, {Add(box.MaxLat, NpgsqlDbType.Double)}, {Add((double)d1, NpgsqlDbType.Double)}))::geometry");
        }
        else if (query.Box is { } onlyBox)
        {
            where.Add($"e.geog && ST_MakeEnvelope({Add(onlyBox.MinLon, NpgsqlDbType.Double)}, {Add(onlyBox.MinLat, NpgsqlDbType.Double)}, {Add(onlyBox.MaxLon, NpgsqlDbType.Double)}, {Add(onlyBox.MaxLat, NpgsqlDbType.Double)}, 4326)::geography");
        }
        else if (fromDay is not null || toDay is not null)
        {
            where.Add($"e.days && daterange({Add((object?)fromDay ?? DBNull.Value, NpgsqlDbType.Date)}, {Add((object?)toDay ?? DBNull.Value, NpgsqlDbType.Date)}, '[]')");
        }
        if (fromDay is not null || toDay is not null)
        {
            // Implied by the range test (DocumentWriter.DateRange: a day value reaches 3 days either side at most,
            // a month value covers its month), and usable by the date-order index: a page walked newest first
            // starts at the range's end and stops a month before its start. Only for that walk: elsewhere the
            // planner would intersect the date index with the box's for nothing.
            if (toDay is { } t) walkBounds.Add($"(e.date_value COLLATE \"C\") <= {Add(t.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Text)}");
            if (fromDay is { } f) walkBounds.Add($"(e.date_value COLLATE \"C\") >= {Add(f.AddDays(-3).ToString("yyyy-MM", CultureInfo.InvariantCulture), NpgsqlDbType.Text)}");
        }
        if (!string.IsNullOrWhiteSpace(query.EventType)) where.Add($"e.event_type = {Add(query.EventType, NpgsqlDbType.Text)}");
        if (!string.IsNullOrWhiteSpace(query.SubEventType)) where.Add($"e.sub_event_type = {Add(query.SubEventType, NpgsqlDbType.Text)}");
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var p = Add(query.Actor, NpgsqlDbType.Text);
            where.Add($"(e.actor1 = {p} OR e.actor2 = {p} OR e.json -> 'assoc_actor_1' ? {p} OR e.json -> 'assoc_actor_2' ? {p})");
        }
        if (!string.IsNullOrWhiteSpace(query.Outlet)) where.Add($"d.outlet = {Add(query.Outlet, NpgsqlDbType.Text)}");
        if (query.Hedged is { } hedged) where.Add($"e.hedged = {Add(hedged, NpgsqlDbType.Boolean)}");
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var p = Add(query.Text, NpgsqlDbType.Text);
            where.Add($"(e.search @@ plainto_tsquery('simple', {p}) OR d.search @@ plainto_tsquery('simple', {p}))");
        }
        var needsDocument = !string.IsNullOrWhiteSpace(query.Outlet) || !string.IsNullOrWhiteSpace(query.Text);
        string From(IEnumerable<string> conditions) =>
            "FROM events e" + (needsDocument ? " JOIN documents d ON d.id = e.doc_id" : "")
            + (conditions.Any() ? " WHERE " + string.Join(" AND ", conditions) : "");
        var from_ = From(where);

        using var connection = _source.OpenConnection();
        long total;
        using (var count = new NpgsqlCommand("SELECT count(*) " + from_, connection))
        {
            foreach (var p in parameters) count.Parameters.Add(p.Clone());
            total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var limit = Add(Math.Clamp(query.Limit, 0, 10_000), NpgsqlDbType.Integer);
        var offset = Add(Math.Max(0, query.Offset), NpgsqlDbType.Integer);
        const string Newest = "date_value COLLATE \"C\" DESC NULLS LAST, ";
        // A box, a date range or a text search that matches few rows selects them through its own index and
        // sorts them: bounded by the count just made. Left to itself the planner may walk the date index newest
        // first and filter, which reads most of the table when the matches are old (it cannot know that the
        // filter and the order are correlated: 1.3 s for a year in the past over 1,000,000 events). When many
        // rows match, the walk meets 500 of them soon, and sorting them all would cost more (1.3 s for a box
        // around every event), so the planner chooses.
        var filterFirst = (query.Box is not null || fromDay is not null || toDay is not null || !string.IsNullOrWhiteSpace(query.Text))
                        && total <= FilterFirstRows;
        var sql = filterFirst
            ? $"WITH m AS MATERIALIZED (SELECT e.rid, e.date_value {from_}) " +
              $"SELECT e.json FROM (SELECT rid, date_value FROM m ORDER BY {Newest}rid LIMIT {limit} OFFSET {offset}) p " +
              $"JOIN events e ON e.rid = p.rid ORDER BY p.{Newest}p.rid"
            : $"SELECT e.json {From(where.Concat(walkBounds))} ORDER BY e.{Newest}e.rid LIMIT {limit} OFFSET {offset}";
        using var select = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) select.Parameters.Add(p.Clone());
        var items = new List<ConflictEvent>();
        using (var reader = select.ExecuteReader())
            while (reader.Read()) items.Add(Json<ConflictEvent>(reader.GetString(0)));
        return new EventPage(total, items);
    }

    public long CountDocuments() => Count("SELECT count(*) FROM documents");
    public long CountEvents() => Count("SELECT count(*) FROM events");
    public long CountClaims() => Count("SELECT count(*) FROM claims");
    public long CountMentions() => Count("SELECT count(*) FROM mentions");

    /// <summary>Every stored event (streamed, in insertion order).</summary>
    public IEnumerable<ConflictEvent> ReadEvents()
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand("SELECT json FROM events ORDER BY rid", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return Json<ConflictEvent>(reader.GetString(0));
    }

    public void Dispose() => _source.Dispose();

    internal long Count(string sql)
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Up to this many matches, a page of a box, date or text query is found by filter first, then sort; above
    /// it, by walking the date order (bounded by the date range). Both give the same page.
    /// </summary>
    public long FilterFirstRows { get; set; } = 20_000;

    /// <summary>Day numbers in <c>events.spacetime</c> count from 2000-01-01.</summary>
    private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;

    private static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static Dictionary<string, List<T>> ReadGrouped<T>(NpgsqlConnection connection, string sql, string[] ids)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(ids);
        var map = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!map.TryGetValue(id, out var list)) map[id] = list = [];
            list.Add(Json<T>(reader.GetString(1)));
        }
        return map;
    }

    internal static T Json<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, SitrepJson.Options) ?? throw new InvalidDataException("Stored JSON is null.");

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
