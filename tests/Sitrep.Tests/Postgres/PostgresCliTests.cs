using Sitrep.Postgres;
using Sitrep.Tests.Cli;

namespace Sitrep.Tests.Postgres;

/// <summary><c>sitrep extract --pg</c> end to end (skipped without SITREP_TEST_PG).</summary>
public sealed class PostgresCliTests(PgDatabase db) : IClassFixture<PgDatabase>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("sitrep-pgcli-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    [SkippableFact]
    public void ExtractWithPgStoresOnceAndNamesTheStore()
    {
        var cs = db.Require();
        var first = CliRunner.Run(_work, "extract", RepoPaths.SampleTexts, "--pg", cs, "--out", Path.Combine(_work, "o1"), "--workers", "2");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("PostgreSQL", first.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", first.Stdout, StringComparison.OrdinalIgnoreCase);
        var second = CliRunner.Run(_work, "extract", RepoPaths.SampleTexts, "--pg", cs, "--out", Path.Combine(_work, "o2"));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("unchanged", second.Stdout, StringComparison.Ordinal);
        var events = File.ReadAllText(Path.Combine(_work, "o1", "events.jsonl"));
        Assert.True(events.Length > 1000);
        Assert.Equal(events, File.ReadAllText(Path.Combine(_work, "o2", "events.jsonl")));
        using var store = PostgresStore.Open(cs);
        Assert.Equal(5, store.CountDocuments());
        Assert.Equal(events.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, store.CountEvents());
    }
}
