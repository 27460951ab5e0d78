using Microsoft.Data.Sqlite;
using System.Text.Json;
using Sitrep.Events;
using Sitrep.Export;

namespace Sitrep.Storage;

/// <summary>A document's copy fingerprint and publisher, as fusion stores them.</summary>
public sealed record StoredFusionDocument(string DocumentId, string TextSha256, byte[] MinHash, string Publisher);

/// <summary>A stored event with what fusion needs of its document; <c>Text</c> only when no fingerprint is stored yet.</summary>
public sealed record StoredFusionReport(
    ConflictEvent Event, string DocumentId, string? Outlet, string? Url, string? Published,
    string? TextSha256, byte[]? MinHash, string? Publisher, long? ClusterId, string? Text);

public sealed partial class SqliteStore
{
    /// <summary>Inserts or replaces one document's fingerprint row (here and in the batch writer).</summary>
    private const string UpsertFusionDocumentSql = """
        INSERT INTO fusion_documents (doc_id, text_sha256, minhash, publisher) VALUES ($doc, $sha, $minhash, $publisher)
        ON CONFLICT (doc_id) DO UPDATE SET text_sha256 = excluded.text_sha256, minhash = excluded.minhash, publisher = excluded.publisher
        """;

    /// <summary>Upserts document fingerprints in one transaction.</summary>
    public void SaveFusionDocuments(IEnumerable<StoredFusionDocument> documents) => WriteRows(
        null,
        UpsertFusionDocumentSql,
        [("$doc", SqliteType.Text), ("$sha", SqliteType.Text), ("$minhash", SqliteType.Blob), ("$publisher", SqliteType.Text)],
        documents, d => [d.DocumentId, d.TextSha256, d.MinHash, d.Publisher]);

    /// <summary>Records the cluster of newly fused events in one transaction.</summary>
    public void SaveFusionMembers(IEnumerable<(string EventId, long ClusterId)> members) => WriteRows(
        null,
        "INSERT OR REPLACE INTO fusion_members (event_id, cluster_id) VALUES ($event, $cluster)",
        [("$event", SqliteType.Text), ("$cluster", SqliteType.Integer)],
        members, m => [m.EventId, m.ClusterId]);

    /// <summary>Replaces the stored fused view (one JSON object per real-world event), in one transaction.</summary>
    public void ReplaceFusedEvents(IEnumerable<(string Id, string Json)> fused) => WriteRows(
        "DELETE FROM fused_events",
        "INSERT INTO fused_events (id, json) VALUES ($id, $json)",
        [("$id", SqliteType.Text), ("$json", SqliteType.Text)],
        fused, f => [f.Id, f.Json]);

    /// <summary>Runs one parameterised statement per row (after an optional clearing statement) in one transaction.</summary>
    private void WriteRows<T>(string? clearSql, string insertSql, (string Name, SqliteType Type)[] parameters, IEnumerable<T> rows, Func<T, object?[]> values)
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        if (clearSql is not null)
        {
            using var clear = _connection.CreateCommand();
            clear.Transaction = tx;
            clear.CommandText = clearSql;
            clear.ExecuteNonQuery();
        }
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = insertSql;
        var bound = parameters.Select(p => command.Parameters.Add(p.Name, p.Type)).ToArray();
        foreach (var row in rows)
        {
            var v = values(row);
            for (var i = 0; i < bound.Length; i++) bound[i].Value = v[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Every stored event with its document's outlet, URL, publication date, fingerprint and cluster; <paramref name="skipDocument"/> leaves out documents the caller already holds.</summary>
    public IEnumerable<StoredFusionReport> ReadFusionReports(Func<string, bool>? skipDocument = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT e.json, d.id, d.outlet, d.url, d.published, f.text_sha256, f.minhash, f.publisher, m.cluster_id,
                   CASE WHEN f.doc_id IS NULL THEN d.text END
            FROM events e JOIN documents d ON d.id = e.doc_id
            LEFT JOIN fusion_documents f ON f.doc_id = d.id
            LEFT JOIN fusion_members m ON m.event_id = e.id
            ORDER BY e.rid
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (skipDocument is not null && skipDocument(reader.GetString(1))) continue;
            yield return new StoredFusionReport(
                JsonSerializer.Deserialize<ConflictEvent>(reader.GetString(0), SitrepJson.Options)!,
                reader.GetString(1),
                NullableString(reader, 2), NullableString(reader, 3), NullableString(reader, 4),
                NullableString(reader, 5), reader.IsDBNull(6) ? null : (byte[])reader.GetValue(6), NullableString(reader, 7),
                reader.IsDBNull(8) ? null : reader.GetInt64(8), NullableString(reader, 9));
        }
    }
}
