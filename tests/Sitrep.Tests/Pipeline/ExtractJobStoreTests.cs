using Microsoft.Data.Sqlite;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Tests.Pipeline;

/// <summary>The store is written on its own thread: its failures must still end the run, never hang it.</summary>
public sealed class ExtractJobStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-jobstore-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task AStoreThatRefusesWritesEndsTheRunWithItsError()
    {
        var db = Path.Combine(_dir, "s.db");
        using (SqliteStore.Open(db)) { }
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var trigger = connection.CreateCommand();
            trigger.CommandText = "CREATE TRIGGER refuse BEFORE INSERT ON documents BEGIN SELECT RAISE(ABORT, 'store refuses writes'); END;";
            trigger.ExecuteNonQuery();
        }
        // many small batches: more than the hand-over queue holds, so a dead writer would block the run
        var options = new ExtractOptions { Inputs = [RepoPaths.Samples], OutputDirectory = Path.Combine(_dir, "out"), DatabasePath = db, BatchSize = 1, Workers = 2, Fuse = false };
        var run = Task.Run(() => new ExtractJob(SitrepDefaults.Create()).Run(options));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.True(finished == run, "the run hung after the store failed");
        var error = await Assert.ThrowsAsync<SqliteException>(() => run);
        Assert.Contains("store refuses writes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDocumentHandedToTheWriterIsCommittedWhenTheRunReturns()
    {
        var db = Path.Combine(_dir, "ok.db");
        var options = new ExtractOptions { Inputs = [RepoPaths.Samples], OutputDirectory = Path.Combine(_dir, "out2"), DatabasePath = db, BatchSize = 3, Workers = 2, Fuse = false };
        var summary = new ExtractJob(SitrepDefaults.Create()).Run(options);
        using var store = SqliteStore.Open(db);
        Assert.True(summary.Documents > 40);
        Assert.Equal(summary.Documents, store.CountDocuments());
        Assert.Equal(summary.Events, store.CountEvents());
        var again = new ExtractJob(SitrepDefaults.Create()).Run(options);
        Assert.Equal(again.Documents, again.Unchanged);
    }

    [Fact]
    public void FingerprintsAreStoredWithTheirDocumentsAndAgainWhenADocumentIsLeftAlone()
    {
        var db = Path.Combine(_dir, "fp.db");
        var options = new ExtractOptions { Inputs = [RepoPaths.Samples], OutputDirectory = Path.Combine(_dir, "out3"), DatabasePath = db, BatchSize = 4, Workers = 2 };
        var first = new ExtractJob(SitrepDefaults.Create()).Run(options);
        Assert.Equal(first.Documents, Count(db, "SELECT count(*) FROM fusion_documents f JOIN documents d ON d.id = f.doc_id"));
        Assert.True(first.Fusion!.MultiReportEvents > 0);

        // a run killed before its fusion pass left no fingerprints (as older versions stored them only at the end)
        Count(db, "DELETE FROM fusion_documents");
        var again = new ExtractJob(SitrepDefaults.Create()).Run(options);
        Assert.Equal(again.Documents, again.Unchanged);
        Assert.Equal(first.Documents, Count(db, "SELECT count(*) FROM fusion_documents"));
        Assert.Equal(first.Fusion.FusedEvents, again.Fusion!.FusedEvents);
    }

    private static long Count(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L);
    }
}
