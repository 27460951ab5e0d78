using Microsoft.Data.Sqlite;
using Sitrep.Storage;

namespace Sitrep.Tests.Storage;

public sealed class FusedViewTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sitrep-fused-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }

    private long Count()
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM fused_events";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void Each_fusion_run_replaces_the_stored_fused_view()
    {
        using (var store = SqliteStore.Open(_path))
        {
            store.ReplaceFusedEvents([("fused-1", "{\"id\":\"fused-1\"}"), ("fused-2", "{\"id\":\"fused-2\"}")]);
            store.ReplaceFusedEvents([("fused-3", "{\"id\":\"fused-3\"}")]);
        }
        Assert.Equal(1, Count());
    }
}
