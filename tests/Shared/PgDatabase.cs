using Npgsql;

namespace Sitrep.Testing;

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
        _name = "sitrep_test_" + Guid.NewGuid().ToString("N")[..12];
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
