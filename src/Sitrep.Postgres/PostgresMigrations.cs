using System.Globalization;
using Npgsql;
using Sitrep.Storage;

namespace Sitrep.Postgres;

/// <summary>
/// Numbered SQL scripts (Migrations/NNN_name.sql, embedded) applied in order under an advisory lock,
/// so many workers starting at once against a new database migrate it exactly once.
/// </summary>
public static class PostgresMigrations
{
    private const string ResourcePrefix = "Sitrep.Postgres.Migrations.";
    private const long LockKey = 0x5174_7265_7000_0001;

    public static IReadOnlyList<SchemaMigrations.Migration> All { get; } = SchemaMigrations.Load(typeof(PostgresMigrations).Assembly, ResourcePrefix);

    public static int Latest => All.Count == 0 ? 0 : All[^1].Version;

    /// <summary>Applies the missing migrations; returns how many it applied.</summary>
    public static int Apply(NpgsqlDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var connection = source.OpenConnection();
        using var tx = connection.BeginTransaction();
        Execute(connection, tx, $"SELECT pg_advisory_xact_lock({LockKey})");
        Execute(connection, tx, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """);
        var current = CurrentVersion(connection, tx);
        var applied = 0;
        foreach (var migration in All.Where(m => m.Version > current))
        {
            Execute(connection, tx, migration.Sql);
            using var record = new NpgsqlCommand("INSERT INTO schema_version (version, name) VALUES ($1, $2)", connection, tx);
            record.Parameters.AddWithValue(migration.Version);
            record.Parameters.AddWithValue(migration.Name);
            record.ExecuteNonQuery();
            applied++;
        }
        tx.Commit();
        return applied;
    }

    public static int CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction? tx = null)
    {
        using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection, tx);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, tx);
        command.ExecuteNonQuery();
    }
}
