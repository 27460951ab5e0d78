using System.Globalization;
using System.Reflection;
using Npgsql;

namespace Sitrep.Postgres;

/// <summary>
/// Numbered SQL scripts (Migrations/NNN_name.sql, embedded) applied in order under an advisory lock,
/// so many workers starting at once against a new database migrate it exactly once.
/// </summary>
public static class PostgresMigrations
{
    private const string ResourcePrefix = "Sitrep.Postgres.Migrations.";
    private const long LockKey = 0x5174_7265_7000_0001;

    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> All { get; } = Load();

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

    private static List<Migration> Load()
    {
        var assembly = typeof(PostgresMigrations).Assembly;
        var list = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var file = name[ResourcePrefix.Length..];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(file.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                throw new InvalidDataException($"Migration '{file}' is not named NNN_name.sql.");
            using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidDataException($"Missing resource {name}.");
            using var reader = new StreamReader(stream);
            list.Add(new Migration(version, Path.GetFileNameWithoutExtension(file)[(underscore + 1)..], reader.ReadToEnd()));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        return list;
    }
}
