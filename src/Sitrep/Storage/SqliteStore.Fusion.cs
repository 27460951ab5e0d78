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
    /// <summary>Upserts document fingerprints in one transaction.</summary>
    public void SaveFusionDocuments(IEnumerable<StoredFusionDocument> documents)
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO fusion_documents (doc_id, text_sha256, minhash, publisher) VALUES ($doc, $sha, $minhash, $publisher)
            ON CONFLICT (doc_id) DO UPDATE SET text_sha256 = excluded.text_sha256, minhash = excluded.minhash, publisher = excluded.publisher
            """;
        var doc = command.Parameters.Add("$doc", Microsoft.Data.Sqlite.SqliteType.Text);
        var sha = command.Parameters.Add("$sha", Microsoft.Data.Sqlite.SqliteType.Text);
        var minhash = command.Parameters.Add("$minhash", Microsoft.Data.Sqlite.SqliteType.Blob);
        var publisher = command.Parameters.Add("$publisher", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var d in documents)
        {
            doc.Value = d.DocumentId; sha.Value = d.TextSha256; minhash.Value = d.MinHash; publisher.Value = d.Publisher;
            command.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Records the cluster of newly fused events in one transaction.</summary>
    public void SaveFusionMembers(IEnumerable<(string EventId, long ClusterId)> members)
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT OR REPLACE INTO fusion_members (event_id, cluster_id) VALUES ($event, $cluster)";
        var ev = command.Parameters.Add("$event", Microsoft.Data.Sqlite.SqliteType.Text);
        var cluster = command.Parameters.Add("$cluster", Microsoft.Data.Sqlite.SqliteType.Integer);
        foreach (var (eventId, clusterId) in members)
        {
            ev.Value = eventId; cluster.Value = clusterId;
            command.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Replaces the stored fused view (one JSON object per real-world event), in one transaction.</summary>
    public void ReplaceFusedEvents(IEnumerable<(string Id, string Json)> fused)
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        using (var clear = _connection.CreateCommand())
        {
            clear.Transaction = tx;
            clear.CommandText = "DELETE FROM fused_events";
            clear.ExecuteNonQuery();
        }
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT INTO fused_events (id, json) VALUES ($id, $json)";
        var id = command.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        var json = command.Parameters.Add("$json", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var (fusedId, text) in fused)
        {
            id.Value = fusedId; json.Value = text;
            command.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Every stored event with its document's outlet, URL, publication date, fingerprint and cluster.</summary>
    public IEnumerable<StoredFusionReport> ReadFusionReports()
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
            yield return new StoredFusionReport(
                JsonSerializer.Deserialize<ConflictEvent>(reader.GetString(0), SitrepJson.Options)!,
                reader.GetString(1),
                NullableString(reader, 2), NullableString(reader, 3), NullableString(reader, 4),
                NullableString(reader, 5), reader.IsDBNull(6) ? null : (byte[])reader.GetValue(6), NullableString(reader, 7),
                reader.IsDBNull(8) ? null : reader.GetInt64(8), NullableString(reader, 9));
        }
    }
}
