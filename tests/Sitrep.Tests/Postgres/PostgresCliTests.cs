using Sitrep.Postgres;
using Sitrep.Tests.Cli;
using Sitrep.Testing;

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

    [SkippableFact]
    public void AWorkerWithoutInputsWorksTheSharedQueue()
    {
        using var own = new PgDatabase();
        var cs = own.Require();
        var docs = Directory.GetFiles(RepoPaths.SampleTexts, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => new Sitrep.Documents.RawDocument("queued-" + Path.GetFileName(f), f, Sitrep.Documents.DocumentFormat.Text, File.ReadAllText(f)))
            .ToList();
        using var store = PostgresStore.Open(cs);
        store.Enqueue(docs, Sitrep.Pipeline.SitrepDefaults.PipelineVersion);
        Assert.True(store.CountQueue().Pending >= docs.Count);

        var worker = CliRunner.Run(_work, "extract", "--pg", cs, "--out", Path.Combine(_work, "w"));
        Assert.Equal(0, worker.ExitCode);
        Assert.Equal(0, store.CountQueue().Pending);
        var ids = File.ReadLines(Path.Combine(_work, "w", "documents.jsonl"))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToHashSet();
        Assert.Superset(docs.Select(d => (string?)d.Id).ToHashSet(), ids);
    }
}
