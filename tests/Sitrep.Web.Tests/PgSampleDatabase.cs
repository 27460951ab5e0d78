using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sitrep.Pipeline;
using Sitrep.Postgres;

namespace Sitrep.Web.Tests;

/// <summary>
/// A fresh PostgreSQL database on the server named by SITREP_TEST_PG (a connection string), dropped
/// afterwards; without the variable the PostgreSQL tests skip.
/// </summary>
public class PgDatabase : IDisposable
{
    public const string Variable = "SITREP_TEST_PG";
    private readonly string? _admin;
    private readonly string? _name;

    public PgDatabase()
    {
        _admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(_admin)) return;
        _name = "sitrep_webtest_" + Guid.NewGuid().ToString("N")[..12];
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
        create.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ConnectionString;
    }

    /// <summary>The test database, or null when no server is configured.</summary>
    public string? ConnectionString { get; }

    /// <summary>Skips the calling test when no server is configured.</summary>
    public string Require()
    {
        Skip.If(ConnectionString is null, $"{Variable} is not set: no PostgreSQL server to test against.");
        return ConnectionString!;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing || _name is null || _admin is null) return;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}

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
