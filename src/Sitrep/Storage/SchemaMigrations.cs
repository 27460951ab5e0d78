using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Sitrep.Storage;

/// <summary>
/// Numbered SQL scripts (Storage/Migrations/NNN_name.sql, embedded in the assembly) applied in
/// order, each in its own transaction, and recorded in <c>schema_version</c>.
/// </summary>
public static class SchemaMigrations
{
    private const string ResourcePrefix = "Sitrep.Storage.Migrations.";

    /// <summary>One migration script.</summary>
    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>Every embedded migration, in version order.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load(typeof(SchemaMigrations).Assembly, ResourcePrefix);

    /// <summary>The highest version shipped with this build.</summary>
    public static int Latest => All.Count == 0 ? 0 : All[^1].Version;

    /// <summary>Applies the missing migrations; returns how many it applied (0 for an up-to-date store).</summary>
    public static int Apply(SqliteConnection connection)
    {
        Execute(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            );
            """);
        if (CurrentVersion(connection, null) >= Latest) return 0;

        var applied = 0;
        foreach (var migration in All)
        {
            // IMMEDIATE: takes the write lock first, so two processes opening a new store do not both migrate.
            using var tx = connection.BeginTransaction(deferred: false);
            if (CurrentVersion(connection, tx) >= migration.Version) { tx.Rollback(); continue; }
            Execute(connection, tx, migration.Sql);
            using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = "INSERT INTO schema_version(version, name, applied_at) VALUES ($v, $n, $at)";
                record.Parameters.AddWithValue("$v", migration.Version);
                record.Parameters.AddWithValue("$n", migration.Name);
                record.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                record.ExecuteNonQuery();
            }
            tx.Commit();
            applied++;
        }
        return applied;
    }

    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The embedded scripts <c>{resourcePrefix}NNN_name.sql</c> of an assembly, in version order (a store
    /// plugin ships its own with the same rules).
    /// </summary>
    public static IReadOnlyList<Migration> Load(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(resourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
                continue;
            var name = resource[resourcePrefix.Length..^".sql".Length];
            var digits = name.AsSpan();
            var n = 0;
            while (n < digits.Length && char.IsAsciiDigit(digits[n])) n++;
            if (n == 0) throw new InvalidOperationException($"Migration '{resource}' does not start with a version number.");
            var version = int.Parse(digits[..n], CultureInfo.InvariantCulture);
            list.Add(new Migration(version, name, ReadResource(assembly, resource)));
        }
        list.Sort(static (a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < list.Count; i++)
            if (list[i].Version == list[i - 1].Version)
                throw new InvalidOperationException($"Two migrations share version {list[i].Version}.");
        return list;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
