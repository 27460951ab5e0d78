using Npgsql;
using NpgsqlTypes;
using Sitrep.Documents;
using Sitrep.Fusion;
using Sitrep.Pipeline;

namespace Sitrep.Postgres;

/// <summary>
/// Documents one worker has claimed: their queue rows stay locked (FOR UPDATE SKIP LOCKED) in an open
/// transaction until <see cref="Complete"/> commits the results and marks the rows done in that same
/// transaction. If the worker dies first, PostgreSQL drops the connection, rolls the transaction back
/// and unlocks the rows for another worker: results are committed once, documents never lost.
/// </summary>
public sealed class ClaimedBatch : IDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _tx;
    private readonly string _worker;
    private bool _done;

    internal ClaimedBatch(PostgresStore store, NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<RawDocument> items, string worker)
    {
        Store = store;
        _connection = connection;
        _tx = tx;
        Items = items;
        _worker = worker;
    }

    public PostgresStore Store { get; }

    /// <summary>The claimed inputs, in queue order.</summary>
    public IReadOnlyList<RawDocument> Items { get; }

    /// <summary>
    /// Writes the processed documents (with their fusion fingerprints when a registry is given), marks each claimed row done or failed, and commits. A document
    /// the database refuses (e.g. text it cannot store) fails alone with the database's message.
    /// </summary>
    public void Complete(IReadOnlyList<DocumentResult> results, string pipelineVersion, OutletRegistry? registry = null)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        ArgumentNullException.ThrowIfNull(results);
        var succeeded = new List<Document>();
        var failed = new List<(string Id, string Error)>();
        foreach (var r in results)
        {
            if (r.Document is { } d) succeeded.Add(d);
            else failed.Add((r.Id, r.Error ?? "failed"));
        }

        _tx.Save("batch");
        try
        {
            DocumentWriter.Write(_connection, _tx, succeeded, pipelineVersion, registry);
        }
        catch (PostgresException)
        {
            _tx.Rollback("batch");
            var kept = new List<Document>();
            foreach (var document in succeeded)
            {
                _tx.Save("doc");
                try
                {
                    DocumentWriter.Write(_connection, _tx, [document], pipelineVersion, registry);
                    _tx.Release("doc");
                    kept.Add(document);
                }
                catch (PostgresException ex)
                {
                    _tx.Rollback("doc");
                    failed.Add((document.Id, $"the store refused it: {ex.MessageText}"));
                }
            }
            succeeded = kept;
        }

        using (var mark = new NpgsqlCommand("""
            UPDATE queue q SET state = u.state, error = u.error, attempts = q.attempts + 1, worker = $4, finished_at = now()
            FROM unnest($1::text[], $2::smallint[], $3::text[]) AS u(id, state, error)
            WHERE q.id = u.id
            """, _connection, _tx))
        {
            var ids = succeeded.Select(d => d.Id).Concat(failed.Select(f => f.Id)).ToArray();
            var states = succeeded.Select(_ => (short)1).Concat(failed.Select(_ => (short)2)).ToArray();
            var errors = succeeded.Select(_ => (string?)null).Concat(failed.Select(f => (string?)f.Error)).ToArray();
            mark.Parameters.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            mark.Parameters.Add(new NpgsqlParameter { Value = states, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Smallint });
            mark.Parameters.Add(new NpgsqlParameter { Value = errors, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            mark.Parameters.Add(new NpgsqlParameter { Value = _worker, NpgsqlDbType = NpgsqlDbType.Text });
            mark.ExecuteNonQuery();
        }
        _tx.Commit();
        _done = true;
    }

    /// <summary>Without <see cref="Complete"/>, rolls back: the rows go back to the queue untouched.</summary>
    public void Dispose()
    {
        _done = true;
        _tx.Dispose();
        _connection.Dispose();
    }
}
