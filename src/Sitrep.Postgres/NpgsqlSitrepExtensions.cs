using Npgsql;

namespace Sitrep.Postgres;

/// <summary>The plugin entry point, in the shape of Npgsql's own plugins (<c>UseNetTopologySuite()</c> and the like).</summary>
public static class NpgsqlSitrepExtensions
{
    /// <summary>
    /// Configures a data source for the Sitrep store: names the application (visible in pg_stat_activity,
    /// so workers can be told apart) and gives long COPY batches room.
    /// </summary>
    public static NpgsqlDataSourceBuilder UseSitrep(this NpgsqlDataSourceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var csb = builder.ConnectionStringBuilder;
        if (string.IsNullOrEmpty(csb.ApplicationName)) csb.ApplicationName = $"sitrep-{Environment.ProcessId}";
        if (csb.CommandTimeout == 30) csb.CommandTimeout = 300;
        return builder;
    }
}
