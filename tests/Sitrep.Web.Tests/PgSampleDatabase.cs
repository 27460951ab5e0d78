using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sitrep.Pipeline;
using Sitrep.Postgres;
using Sitrep.Testing;

namespace Sitrep.Web.Tests;

/// <summary>
/// The same samples the SQLite <see cref="SampleStore"/> holds, extracted into a fresh PostgreSQL
/// database by the scale-out job (queue, workers, fusion), once per test class.
/// </summary>
public sealed class PgSampleDatabase : PgDatabase
{
    public PgSampleDatabase()
    {
        if (ConnectionString is null) return;
        using var store = PostgresStore.Open(ConnectionString);
        var output = Path.Combine(Path.GetTempPath(), "sitrep-web-tests", "pg-" + Guid.NewGuid().ToString("N"));
        var summary = new PostgresExtractJob(SitrepDefaults.Create(), store).Run(new ExtractOptions
        {
            Inputs = [Path.Combine(SampleStore.RepoRoot, "samples")],
            OutputDirectory = output,
            DatabasePath = null,
            Workers = 2,
        });
        if (summary.Failures.Count > 0 || summary.Events == 0)
            throw new InvalidOperationException($"The PostgreSQL sample store did not build: {summary.Failures.Count} failures, {summary.Events} events.");
    }
}

/// <summary>The dashboard host in memory over a PostgreSQL database.</summary>
public sealed class PgSitrepFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureServices(services => services.Configure<SitrepWebOptions>(options =>
        {
            options.Postgres = connectionString;
            // Never the SQLite default file: a PostgreSQL host must not touch it.
            options.Database = Path.Combine(Path.GetTempPath(), "sitrep-web-tests", "unused-" + Guid.NewGuid().ToString("N") + ".db");
            options.MaxDocumentBytes = 256 * 1024;
        }));
    }
}
