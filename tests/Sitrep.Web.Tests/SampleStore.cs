using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Web.Tests;

/// <summary>
/// A store built once from samples/ (texts, saved pages, JSONL, a feed) with the real pipeline: the
/// texts alone carry no publication dates, the other samples give the timeline dated events. Every
/// test server gets its own copy, so ingesting in one test never changes what another sees.
/// </summary>
internal static class SampleStore
{
    private static readonly Lazy<string> Template = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RepoRoot { get; } = FindRoot();

    /// <summary>A fresh copy of the sample store in a new temp folder.</summary>
    public static string CreateCopy()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sitrep-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "sitrep.db");
        File.Copy(Template.Value, path);
        return path;
    }

    /// <summary>Counts straight from the store, to check the API against.</summary>
    public static (long Events, long Documents, long Claims) Counts(string path)
    {
        using var store = SqliteStore.Open(path);
        return (store.CountEvents(), store.CountDocuments(), store.CountClaims());
    }

    private static string Build()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sitrep-web-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = Path.Combine(folder, "samples.db");
        var summary = new ExtractJob(SitrepDefaults.Create()).Run(new ExtractOptions
        {
            Inputs = [Path.Combine(RepoRoot, "samples")],
            OutputDirectory = Path.Combine(folder, "out"),
            DatabasePath = db,
            Workers = 1,
        });
        if (summary.Failures.Count > 0 || summary.Events == 0)
            throw new InvalidOperationException($"The sample store did not build: {summary.Failures.Count} failures, {summary.Events} events.");
        // Fold the WAL into the main file so a plain file copy carries everything.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }
        return db;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "samples", "text"))) return dir.FullName;
        throw new DirectoryNotFoundException("samples/text was not found above " + AppContext.BaseDirectory);
    }
}
