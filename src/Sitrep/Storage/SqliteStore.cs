using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Export;

namespace Sitrep.Storage;

/// <summary>A stored mention: its span, label and the JSON of its fields.</summary>
public sealed record StoredMention(TextSpan Span, string Label, string Payload);

/// <summary>A full-text hit: the document, and the event when the words matched its notes.</summary>
public sealed record SearchHit(string DocumentId, string? EventId);

/// <summary>
/// The embedded SQLite store (one file): documents, mentions, events, claims, a full-text index and
/// an R*Tree of event points. One instance holds one connection and is not thread-safe; open one
/// store per thread (WAL mode lets readers run beside one writer).
/// </summary>
public sealed partial class SqliteStore : IDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteStore(SqliteConnection connection) => _connection = connection;

    /// <summary>The file path, or ":memory:".</summary>
    public string Path => _connection.DataSource;

    /// <summary>The schema version after opening.</summary>
    public int SchemaVersion => SchemaMigrations.CurrentVersion(_connection, null);

    /// <summary>Opens (creating if needed) the store and applies missing migrations.</summary>
    public static SqliteStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path != ":memory:")
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            // One long-lived connection per store: pooling would only keep the file open after Dispose.
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = """
                    PRAGMA journal_mode = WAL;
                    PRAGMA synchronous = NORMAL;
                    PRAGMA busy_timeout = 10000;
                    PRAGMA foreign_keys = ON;
                    """;
                pragma.ExecuteNonQuery();
            }
            SchemaMigrations.Apply(connection);
            return new SqliteStore(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>True when this exact content was already processed by this pipeline version.</summary>
    public bool IsCurrent(string id, string contentHash, string pipelineVersion)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM documents WHERE id = $id AND content_hash = $hash AND pipeline_version = $version";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$hash", contentHash);
        command.Parameters.AddWithValue("$version", pipelineVersion);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>
    /// Saves a batch in one transaction. Each document replaces whatever was stored under its id
    /// (mentions, events, claims, search rows, points), so re-ingesting never duplicates. On any
    /// error the whole batch is rolled back and the exception propagates.
    /// </summary>
    public void Save(IReadOnlyList<Document> batch, string pipelineVersion)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Save([.. batch.Select(d => (d, SerializedDocument.Of(d)))], pipelineVersion);
    }

    /// <summary>Saves documents whose records are already serialised (see <see cref="SerializedDocument"/>), in one transaction.</summary>
    public void Save(IReadOnlyList<(Document Document, SerializedDocument Json)> batch, string pipelineVersion) =>
        Save(batch, pipelineVersion, skipCurrent: false);

    /// <summary>
    /// As <see cref="Save(IReadOnlyList{ValueTuple{Document, SerializedDocument}}, string)"/>, leaving alone the documents stored
    /// with the same content hash and pipeline version; returns how many were left alone.
    /// </summary>
    public int SaveChanged(IReadOnlyList<(Document Document, SerializedDocument Json)> batch, string pipelineVersion) =>
        Save(batch, pipelineVersion, skipCurrent: true);

    private int Save(IReadOnlyList<(Document Document, SerializedDocument Json)> batch, string pipelineVersion, bool skipCurrent)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(pipelineVersion);
        if (batch.Count == 0) return 0;
        var unchanged = 0;
        using var tx = _connection.BeginTransaction(deferred: false);
        using (var writer = new BatchWriter(_connection, tx))
        {
            var ingestedAt = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            foreach (var (document, json) in batch)
                if (!writer.Write(document, json, pipelineVersion, ingestedAt, skipCurrent)) unchanged++;
            writer.WriteSearchIndex();
        }
        tx.Commit();
        return unchanged;
    }

    /// <summary>Deletes a document and everything derived from it; false when it was not stored.</summary>
    public bool Delete(string id)
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        bool existed;
        using (var writer = new BatchWriter(_connection, tx))
            existed = writer.Delete(id);
        tx.Commit();
        return existed;
    }

    /// <summary>The stored document with its text, spans, events and claims (mentions: see <see cref="ReadMentions"/>).</summary>
    public Document? GetDocument(string id)
    {
        Document document;
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id, content_hash, source, url, title, outlet, published, text, body, comments, boilerplate, warnings
                FROM documents WHERE id = $id
                """;
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            if (!reader.Read()) return null;
            document = new Document
            {
                Id = reader.GetString(0),
                ContentHash = reader.GetString(1),
                Source = reader.IsDBNull(2) ? "" : reader.GetString(2),
                Url = NullableString(reader, 3),
                Title = NullableString(reader, 4),
                Outlet = NullableString(reader, 5),
                Published = reader.IsDBNull(6) ? null : DateOnly.ParseExact(reader.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Text = reader.GetString(7),
                Body = Json<ImmutableArray<TextSpan>>(reader.GetString(8)),
                Comments = Json<ImmutableArray<TextSpan>>(reader.GetString(9)),
                Boilerplate = Json<ImmutableArray<TextSpan>>(reader.GetString(10)),
                Warnings = Json<ImmutableArray<string>>(reader.GetString(11)),
            };
        }
        return document with
        {
            Events = [.. ReadJson<ConflictEvent>("SELECT json FROM events WHERE doc_id = $doc ORDER BY rid", ("$doc", id))],
            Claims = [.. ReadJson<Claim>("SELECT json FROM claims WHERE doc_id = $doc ORDER BY rid", ("$doc", id))],
        };
    }

    /// <summary>The stored mentions of one document, in text order.</summary>
    public IReadOnlyList<StoredMention> ReadMentions(string documentId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT json FROM mentions WHERE doc_id = $doc";
        command.Parameters.AddWithValue("$doc", documentId);
        if (command.ExecuteScalar() is not string json) return [];
        using var array = JsonDocument.Parse(json);
        var list = new List<StoredMention>(array.RootElement.GetArrayLength());
        foreach (var m in array.RootElement.EnumerateArray())
        {
            var span = m.GetProperty("span");
            list.Add(new StoredMention(new TextSpan(span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32()),
                m.GetProperty("label").GetString() ?? "", m.GetRawText()));
        }
        return list;
    }

    /// <summary>Every stored event, in insertion order (streamed).</summary>
    public IEnumerable<ConflictEvent> ReadEvents() => ReadJson<ConflictEvent>("SELECT json FROM events ORDER BY rid");

    /// <summary>Every stored claim, in insertion order (streamed).</summary>
    public IEnumerable<Claim> ReadClaims() => ReadJson<Claim>("SELECT json FROM claims ORDER BY rid");

    /// <summary>Events whose point lies in the box (degrees, inclusive).</summary>
    public IEnumerable<ConflictEvent> EventsInBox(double minLon, double minLat, double maxLon, double maxLat) =>
        ReadJson<ConflictEvent>("""
            SELECT e.json FROM event_points p JOIN events e ON e.rid = p.rid
            WHERE p.max_lon >= $minLon AND p.min_lon <= $maxLon AND p.max_lat >= $minLat AND p.min_lat <= $maxLat
            ORDER BY e.rid
            """, ("$minLon", minLon), ("$minLat", minLat), ("$maxLon", maxLon), ("$maxLat", maxLat));

    /// <summary>Events matching every filter of the query, newest first, with the total count for paging.</summary>
    public EventPage QueryEvents(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string>();
        var parameters = new List<(string, object)>();
        if (query.Box is { } box)
        {
            where.Add("e.rid IN (SELECT rid FROM event_points WHERE max_lon >= $minLon AND min_lon <= $maxLon AND max_lat >= $minLat AND min_lat <= $maxLat)");
            parameters.AddRange([("$minLon", box.MinLon), ("$minLat", box.MinLat), ("$maxLon", box.MaxLon), ("$maxLat", box.MaxLat)]);
        }
        if (!string.IsNullOrWhiteSpace(query.From))
        {
            // A month value (yyyy-MM) reaches to the end of its month.
            where.Add("(CASE WHEN length(e.date_value) = 7 THEN e.date_value || '-31' ELSE e.date_value END) >= $from");
            parameters.Add(("$from", query.From));
        }
        if (!string.IsNullOrWhiteSpace(query.To))
        {
            where.Add("(CASE WHEN length(e.date_value) = 7 THEN e.date_value || '-01' ELSE e.date_value END) <= $to");
            parameters.Add(("$to", query.To));
        }
        if (!string.IsNullOrWhiteSpace(query.EventType)) { where.Add("e.event_type = $type"); parameters.Add(("$type", query.EventType)); }
        if (!string.IsNullOrWhiteSpace(query.SubEventType)) { where.Add("e.sub_event_type = $subType"); parameters.Add(("$subType", query.SubEventType)); }
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            where.Add("""
                (e.actor1 = $actor OR e.actor2 = $actor
                 OR EXISTS (SELECT 1 FROM json_each(e.json, '$.assoc_actor_1') WHERE value = $actor)
                 OR EXISTS (SELECT 1 FROM json_each(e.json, '$.assoc_actor_2') WHERE value = $actor))
                """);
            parameters.Add(("$actor", query.Actor));
        }
        if (!string.IsNullOrWhiteSpace(query.Outlet)) { where.Add("d.outlet = $outlet"); parameters.Add(("$outlet", query.Outlet)); }
        if (query.Hedged is { } hedged) { where.Add("e.hedged = $hedged"); parameters.Add(("$hedged", hedged ? 1 : 0)); }
        var match = ToMatchQuery(query.Text);
        if (match.Length > 0)
        {
            where.Add("""
                (e.doc_id IN (SELECT r.doc_id FROM search JOIN search_rows r ON r.rid = search.rowid WHERE search MATCH $q AND r.event_id IS NULL)
                 OR e.id IN (SELECT r.event_id FROM search JOIN search_rows r ON r.rid = search.rowid WHERE search MATCH $q AND r.event_id IS NOT NULL))
                """);
            parameters.Add(("$q", match));
        }
        var from = "FROM events e JOIN documents d ON d.id = e.doc_id" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "");

        long total;
        using (var count = _connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) " + from;
            foreach (var (name, value) in parameters) count.Parameters.AddWithValue(name, value);
            total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        parameters.Add(("$limit", Math.Clamp(query.Limit, 0, 10_000)));
        parameters.Add(("$offset", Math.Max(0, query.Offset)));
        var items = ReadJson<ConflictEvent>(
            "SELECT e.json " + from + " ORDER BY e.date_value DESC NULLS LAST, e.rid LIMIT $limit OFFSET $offset",
            [.. parameters]).ToList();
        return new EventPage(total, items);
    }

    /// <summary>
    /// Full-text search over document titles and texts and event notes. <paramref name="words"/> is
    /// plain text: every word must occur (each is quoted, so FTS syntax in user input is inert).
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string words, int limit = 100)
    {
        var match = ToMatchQuery(words);
        if (match.Length == 0) return [];
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT r.doc_id, r.event_id FROM search JOIN search_rows r ON r.rid = search.rowid
            WHERE search MATCH $q ORDER BY search.rank LIMIT $limit
            """;
        command.Parameters.AddWithValue("$q", match);
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        using var reader = command.ExecuteReader();
        var hits = new List<SearchHit>();
        while (reader.Read()) hits.Add(new SearchHit(reader.GetString(0), NullableString(reader, 1)));
        return hits;
    }

    /// <summary>Turns plain words into an FTS5 query where each word is a quoted string (implicit AND).</summary>
    public static string ToMatchQuery(string? words)
    {
        if (string.IsNullOrWhiteSpace(words)) return "";
        var sb = new StringBuilder();
        foreach (var word in words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append('"').Append(word.Replace("\"", "\"\"")).Append('"');
        }
        return sb.ToString();
    }

    public long CountDocuments() => Count("SELECT COUNT(*) FROM documents");
    public long CountEvents() => Count("SELECT COUNT(*) FROM events");
    public long CountClaims() => Count("SELECT COUNT(*) FROM claims");
    public long CountMentions() => Count("SELECT COALESCE(SUM(json_array_length(json)), 0) FROM mentions");

    public void Dispose() => _connection.Dispose();

    private long Count(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private IEnumerable<T> ReadJson<T>(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return Json<T>(reader.GetString(0));
    }

    private static T Json<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, SitrepJson.Options) ?? throw new InvalidDataException("Stored JSON is null.");

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>The prepared statements of one save transaction, reused for every document of the batch.</summary>
    private sealed class BatchWriter : IDisposable
    {
        private readonly SqliteCommand _delete;
        private readonly SqliteCommand _exists;
        private readonly SqliteCommand _upsertDocument;
        private readonly SqliteCommand _insertMention;
        private readonly SqliteCommand _insertEvent;
        private readonly SqliteCommand _insertPoint;
        private readonly SqliteCommand _insertSearchRow;
        private readonly SqliteCommand _insertSearch;
        private readonly SqliteCommand _insertClaim;
        private readonly SqliteCommand _upsertFusion;
        // The full-text rows of the batch, indexed after every other write of the transaction. FTS5 writes its pending
        // terms to a new index segment whenever another statement opens a savepoint (foreign keys, RETURNING), so
        // interleaved with the other inserts each row became a tiny segment, and merging them tripled the cost of a save.
        private readonly List<(string DocId, long Rid, string? Title, string Text)> _search = [];

        public BatchWriter(SqliteConnection connection, SqliteTransaction tx)
        {
            _exists = Command(connection, tx, "SELECT content_hash = $hash AND pipeline_version = $version FROM documents WHERE id = $doc", "$doc", "$hash", "$version");
            _delete = Command(connection, tx, """
                DELETE FROM search WHERE rowid IN (SELECT rid FROM search_rows WHERE doc_id = $doc);
                DELETE FROM search_rows WHERE doc_id = $doc;
                DELETE FROM event_points WHERE rid IN (SELECT rid FROM events WHERE doc_id = $doc);
                DELETE FROM mentions WHERE doc_id = $doc;
                DELETE FROM events WHERE doc_id = $doc;
                DELETE FROM claims WHERE doc_id = $doc;
                """, "$doc");
            _upsertDocument = Command(connection, tx, """
                INSERT INTO documents (id, content_hash, pipeline_version, source, url, title, outlet, published,
                                       text, body, comments, boilerplate, warnings, ingested_at)
                VALUES ($id, $hash, $version, $source, $url, $title, $outlet, $published,
                        $text, $body, $comments, $boilerplate, $warnings, $at)
                ON CONFLICT (id) DO UPDATE SET
                    content_hash = excluded.content_hash, pipeline_version = excluded.pipeline_version,
                    source = excluded.source, url = excluded.url, title = excluded.title, outlet = excluded.outlet,
                    published = excluded.published, text = excluded.text, body = excluded.body,
                    comments = excluded.comments, boilerplate = excluded.boilerplate,
                    warnings = excluded.warnings, ingested_at = excluded.ingested_at
                """, "$id", "$hash", "$version", "$source", "$url", "$title", "$outlet", "$published",
                "$text", "$body", "$comments", "$boilerplate", "$warnings", "$at");
            _insertMention = Command(connection, tx, "INSERT INTO mentions (doc_id, json) VALUES ($doc, $json)", "$doc", "$json");
            _insertEvent = Command(connection, tx, """
                INSERT INTO events (id, doc_id, event_type, sub_event_type, actor1, actor2, admin1, country,
                                    location_name, lat, lon, geo_precision, date_value, date_precision,
                                    fatalities, hedged, json)
                VALUES ($id, $doc, $type, $subType, $actor1, $actor2, $admin1, $country,
                        $location, $lat, $lon, $geoPrecision, $dateValue, $datePrecision,
                        $fatalities, $hedged, $json)
                RETURNING rid
                """, "$id", "$doc", "$type", "$subType", "$actor1", "$actor2", "$admin1", "$country",
                "$location", "$lat", "$lon", "$geoPrecision", "$dateValue", "$datePrecision",
                "$fatalities", "$hedged", "$json");
            _insertPoint = Command(connection, tx,
                "INSERT INTO event_points (rid, min_lon, max_lon, min_lat, max_lat) VALUES ($rid, $lon, $lon, $lat, $lat)",
                "$rid", "$lon", "$lat");
            _insertSearchRow = Command(connection, tx,
                "INSERT INTO search_rows (doc_id, event_id) VALUES ($doc, $event) RETURNING rid", "$doc", "$event");
            _insertSearch = Command(connection, tx,
                "INSERT INTO search (rowid, title, text) VALUES ($rid, $title, $text)", "$rid", "$title", "$text");
            _insertClaim = Command(connection, tx,
                "INSERT INTO claims (id, doc_id, json) VALUES ($id, $doc, $json)", "$id", "$doc", "$json");
            _upsertFusion = Command(connection, tx, UpsertFusionDocumentSql, "$doc", "$sha", "$minhash", "$publisher");
        }

        public bool Delete(string id)
        {
            Set(_exists, "$doc", id);
            Set(_exists, "$hash", "");
            Set(_exists, "$version", "");
            var existed = _exists.ExecuteScalar() is not null;
            Set(_delete, "$doc", id);
            _delete.ExecuteNonQuery();
            using var command = _delete.Connection!.CreateCommand();
            command.Transaction = _delete.Transaction;
            command.CommandText = "DELETE FROM documents WHERE id = $doc";
            command.Parameters.AddWithValue("$doc", id);
            command.ExecuteNonQuery();
            return existed;
        }

        /// <summary>Writes one document (replacing what was stored under its id); false when <paramref name="skipCurrent"/> and it is stored as it is.</summary>
        public bool Write(Document d, SerializedDocument json, string pipelineVersion, string ingestedAt, bool skipCurrent = false)
        {
            var id = d.Id;
            // one lookup: absent (a new document has nothing to replace: most of a first run), current, or changed
            Set(_exists, "$doc", id);
            Set(_exists, "$hash", d.ContentHash ?? "");
            Set(_exists, "$version", pipelineVersion);
            var state = _exists.ExecuteScalar();
            if (state is not null)
            {
                if (skipCurrent && Convert.ToInt64(state, CultureInfo.InvariantCulture) == 1)
                {
                    // left alone, but its fingerprint row is made good (a run killed before its fusion pass had none)
                    WriteFusion(json.Fusion);
                    return false;
                }
                Set(_delete, "$doc", id);
                _delete.ExecuteNonQuery();
                // the same id earlier in this batch: its search rows are gone, so are its pending index rows
                _search.RemoveAll(r => r.DocId == id);
            }

            var u = _upsertDocument;
            Set(u, "$id", id);
            Set(u, "$hash", d.ContentHash ?? "");
            Set(u, "$version", pipelineVersion);
            Set(u, "$source", d.Source);
            Set(u, "$url", d.Url);
            Set(u, "$title", d.Title);
            Set(u, "$outlet", d.Outlet);
            Set(u, "$published", d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Set(u, "$text", d.Text);
            Set(u, "$body", ToJson(OrEmpty(d.Body)));
            Set(u, "$comments", ToJson(OrEmpty(d.Comments)));
            Set(u, "$boilerplate", ToJson(OrEmpty(d.Boilerplate)));
            Set(u, "$warnings", ToJson(OrEmpty(d.Warnings)));
            Set(u, "$at", ingestedAt);
            u.ExecuteNonQuery();

            if (json.Mentions is not null)
            {
                Set(_insertMention, "$doc", id);
                Set(_insertMention, "$json", json.Mentions);
                _insertMention.ExecuteNonQuery();
            }

            AddSearchRow(id, null, d.Title, d.Text);

            var events = OrEmpty(d.Events);
            for (var k = 0; k < events.Length; k++)
            {
                var e = events[k];
                var c = _insertEvent;
                var l = e.Location;
                Set(c, "$id", e.Id);
                Set(c, "$doc", id);
                Set(c, "$type", e.EventType);
                Set(c, "$subType", e.SubEventType);
                Set(c, "$actor1", e.Actor1);
                Set(c, "$actor2", e.Actor2);
                Set(c, "$admin1", l?.Admin1);
                Set(c, "$country", l?.Country);
                Set(c, "$location", l?.Name);
                Set(c, "$lat", l?.Lat);
                Set(c, "$lon", l?.Lon);
                Set(c, "$geoPrecision", l?.GeoPrecision);
                Set(c, "$dateValue", e.Date?.Value);
                Set(c, "$datePrecision", e.Date?.Precision);
                Set(c, "$fatalities", e.Fatalities?.Best);
                Set(c, "$hedged", e.Hedged ? 1 : 0);
                Set(c, "$json", json.Events[k]);
                var rid = Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture);

                if (l is { Lat: { } lat, Lon: { } lon } && double.IsFinite(lat) && double.IsFinite(lon))
                {
                    Set(_insertPoint, "$rid", rid);
                    Set(_insertPoint, "$lon", lon);
                    Set(_insertPoint, "$lat", lat);
                    _insertPoint.ExecuteNonQuery();
                }
                if (!string.IsNullOrWhiteSpace(e.Notes)) AddSearchRow(id, e.Id, null, e.Notes);
            }

            var claims = OrEmpty(d.Claims);
            for (var k = 0; k < claims.Length; k++)
            {
                Set(_insertClaim, "$id", claims[k].Id);
                Set(_insertClaim, "$doc", id);
                Set(_insertClaim, "$json", json.Claims[k]);
                _insertClaim.ExecuteNonQuery();
            }
            WriteFusion(json.Fusion);
            return true;
        }

        private void WriteFusion(StoredFusionDocument? fusion)
        {
            if (fusion is null) return;
            Set(_upsertFusion, "$doc", fusion.DocumentId);
            Set(_upsertFusion, "$sha", fusion.TextSha256);
            Set(_upsertFusion, "$minhash", fusion.MinHash);
            Set(_upsertFusion, "$publisher", fusion.Publisher);
            _upsertFusion.ExecuteNonQuery();
        }

        private void AddSearchRow(string docId, string? eventId, string? title, string text)
        {
            Set(_insertSearchRow, "$doc", docId);
            Set(_insertSearchRow, "$event", eventId);
            var rid = Convert.ToInt64(_insertSearchRow.ExecuteScalar(), CultureInfo.InvariantCulture);
            _search.Add((docId, rid, title, text));
        }

        /// <summary>Indexes the batch's search rows; the last writes of the transaction (see <see cref="_search"/>).</summary>
        public void WriteSearchIndex()
        {
            foreach (var (_, rid, title, text) in _search)
            {
                Set(_insertSearch, "$rid", rid);
                Set(_insertSearch, "$title", title);
                Set(_insertSearch, "$text", text);
                _insertSearch.ExecuteNonQuery();
            }
            _search.Clear();
        }

        public void Dispose()
        {
            _exists.Dispose();
            _delete.Dispose();
            _upsertDocument.Dispose();
            _insertMention.Dispose();
            _insertEvent.Dispose();
            _insertPoint.Dispose();
            _insertSearchRow.Dispose();
            _insertSearch.Dispose();
            _insertClaim.Dispose();
            _upsertFusion.Dispose();
        }

        private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> array) => array.IsDefault ? [] : array;

        private static string ToJson<T>(T value) => JsonSerializer.Serialize(value, SitrepJson.Options);

        private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            foreach (var name in parameters) command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            return command;
        }

        private static void Set(SqliteCommand command, string name, object? value) =>
            command.Parameters[name].Value = value ?? DBNull.Value;
    }
}
