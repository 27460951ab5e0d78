using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sitrep.Events;
using Sitrep.Export;
using Sitrep.Fusion;

namespace Sitrep.Postgres;

/// <summary>
/// Fusion on the shared store. Only events without a cluster are scored; the clusters they could join
/// are found in SQL, blocked by event type, date window (<c>date_from</c>/<c>date_to</c>, or the
/// publication date) and distance (<c>ST_DWithin</c> on the geography, GiST-indexed), and only those
/// clusters are loaded, so memory follows the new reports rather than the size of the store. One
/// fusion pass runs at a time (advisory lock); the fused view is rewritten for touched clusters only.
/// </summary>
public sealed class PostgresFusion(PostgresStore store, OutletRegistry registry, FusionOptions? options = null)
{
    private const long LockKey = 0x5174_7265_7000_0002;
    /// <summary>Widest distance at which two located reports can still be one event (a governorate-level pair within 100 km).</summary>
    public const double BlockingMetres = 100_000;

    private readonly FusionOptions _options = options ?? new FusionOptions();

    /// <summary>Fuses new events and, when <paramref name="outputDirectory"/> is given, writes the store's fused_events.* there.</summary>
    public FusionSummary Run(string? outputDirectory)
    {
        using var connection = store.DataSource.OpenConnection();
        int reports, fresh, fusedCount, multi;
        using (var tx = connection.BeginTransaction())
        {
            Execute(connection, tx, $"SELECT pg_advisory_xact_lock({LockKey})");
            var documents = new Dictionary<string, FusionDocument>(StringComparer.Ordinal);
            var newReports = ReadReports(connection, tx, "m.event_id IS NULL", null, documents);

            // Clusters the new reports could join, and clusters whose fused row went stale.
            var clusters = new HashSet<long>();
            using (var candidates = new NpgsqlCommand("""
                WITH f AS (
                    SELECT e.event_type, e.geog, e.admin1,
                           COALESCE(e.date_from, d.published - $1::int) AS d0, COALESCE(e.date_to, d.published) AS d1
                    FROM events e JOIN documents d ON d.id = e.doc_id
                    LEFT JOIN fusion_members m ON m.event_id = e.id
                    WHERE m.event_id IS NULL)
                SELECT DISTINCT m.cluster_id
                FROM f JOIN events c ON c.event_type = f.event_type
                JOIN documents cd ON cd.id = c.doc_id
                JOIN fusion_members m ON m.event_id = c.id
                WHERE f.d0 IS NOT NULL
                  AND COALESCE(c.date_from, cd.published - $1::int) <= f.d1 + $2::int
                  AND COALESCE(c.date_to, cd.published) >= f.d0 - $2::int
                  AND (f.geog IS NULL OR c.geog IS NULL OR ST_DWithin(f.geog, c.geog, $3) OR f.admin1 = c.admin1)
                UNION
                SELECT DISTINCT m.cluster_id FROM fusion_members m
                WHERE NOT EXISTS (SELECT 1 FROM fused_events x WHERE x.cluster_id = m.cluster_id)
                """, connection, tx))
            {
                candidates.Parameters.AddWithValue(_options.PublicationLag);
                candidates.Parameters.AddWithValue(_options.DaySlack);
                candidates.Parameters.AddWithValue(BlockingMetres);
                using var reader = candidates.ExecuteReader();
                while (reader.Read()) clusters.Add(reader.GetInt64(0));
            }

            var fuser = new EventFuser(_options);
            using (var max = new NpgsqlCommand("SELECT COALESCE(MAX(cluster_id), 0) FROM fusion_members", connection, tx))
                fuser.StartIdsAfter(Convert.ToInt64(max.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
            if (clusters.Count > 0)
                foreach (var (report, cluster) in ReadReports(connection, tx, "m.cluster_id = ANY($1)", [.. clusters], documents))
                    fuser.Restore(report, cluster!.Value);

            var added = new List<(string EventId, long ClusterId)>();
            foreach (var report in FusionJob.Ordered(newReports.Select(r => r.Report)))
            {
                var cluster = fuser.Add(report);
                added.Add((report.Event.Id, cluster.Id));
                clusters.Add(cluster.Id);
            }

            using (var copy = connection.BeginBinaryImport("COPY fusion_members (event_id, cluster_id) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (eventId, clusterId) in added)
                {
                    copy.StartRow();
                    copy.Write(eventId, NpgsqlDbType.Text);
                    copy.Write(clusterId, NpgsqlDbType.Bigint);
                }
                copy.Complete();
            }

            var rebuilt = fuser.Clusters.Where(c => c.Reports.Count > 0 && clusters.Contains(c.Id)).ToList();
            using (var delete = new NpgsqlCommand("DELETE FROM fused_events WHERE cluster_id = ANY($1)", connection, tx))
            {
                delete.Parameters.AddWithValue(rebuilt.Select(c => c.Id).ToArray());
                delete.ExecuteNonQuery();
            }
            using (var copy = connection.BeginBinaryImport("COPY fused_events (id, cluster_id, date_value, json) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var cluster in rebuilt)
                {
                    var fused = FusedEventBuilder.Build(cluster);
                    copy.StartRow();
                    copy.Write(fused.Id, NpgsqlDbType.Text);
                    copy.Write(cluster.Id, NpgsqlDbType.Bigint);
                    if (fused.Date.Value is { } v) copy.Write(v, NpgsqlDbType.Text); else copy.WriteNull();
                    copy.Write(JsonSerializer.Serialize(fused, SitrepJson.Options), NpgsqlDbType.Jsonb);
                }
                copy.Complete();
            }
            tx.Commit();
            reports = fuser.ReportCount;
            fresh = added.Count;
        }

        var all = ReadFused(connection);
        fusedCount = all.Count;
        multi = all.Count(f => f.Reports.Length > 1);
        if (outputDirectory is not null) FusedEventWriter.Write(outputDirectory, all);
        return new FusionSummary((int)Math.Max(reports, store.CountEvents()), fresh, fusedCount, multi);
    }

    /// <summary>The whole fused view, newest first.</summary>
    public static List<FusedEvent> ReadFused(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT json FROM fused_events ORDER BY date_value DESC NULLS LAST, id", connection);
        var list = new List<FusedEvent>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add(PostgresStore.Json<FusedEvent>(reader.GetString(0)));
        return list;
    }

    private List<(EventReport Report, long? Cluster)> ReadReports(
        NpgsqlConnection connection, NpgsqlTransaction tx, string where, long[]? clusters, Dictionary<string, FusionDocument> documents)
    {
        using var command = new NpgsqlCommand($"""
            SELECT e.json, d.id, d.outlet, d.url, d.published, f.text_sha256, f.minhash, f.publisher, m.cluster_id
            FROM events e JOIN documents d ON d.id = e.doc_id
            LEFT JOIN fusion_documents f ON f.doc_id = d.id
            LEFT JOIN fusion_members m ON m.event_id = e.id
            WHERE {where}
            ORDER BY e.rid
            """, connection, tx);
        if (clusters is not null) command.Parameters.AddWithValue(clusters);
        var list = new List<(EventReport, long?)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var e = PostgresStore.Json<ConflictEvent>(reader.GetString(0));
            var docId = reader.GetString(1);
            if (!documents.TryGetValue(docId, out var doc))
            {
                string? Str(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                DateOnly? published = reader.IsDBNull(4) ? null : DateOnly.FromDateTime(reader.GetDateTime(4));
                documents[docId] = doc = FusionDocument.FromStored(
                    docId, Str(2), Str(3), published, Str(7), Str(5), reader.IsDBNull(6) ? null : (byte[])reader.GetValue(6), null, registry);
            }
            list.Add((EventReport.Create(e, doc, registry), reader.IsDBNull(8) ? null : reader.GetInt64(8)));
        }
        return list;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, tx);
        command.ExecuteNonQuery();
    }
}
