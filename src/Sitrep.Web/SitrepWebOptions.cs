namespace Sitrep.Web;

/// <summary>Settings of the dashboard host, bound from the "Sitrep" configuration section.</summary>
public sealed class SitrepWebOptions
{
    public const string Section = "Sitrep";

    /// <summary>The SQLite store file (created when missing).</summary>
    public string Database { get; set; } = "sitrep.db";

    /// <summary>
    /// A PostgreSQL connection string: when set, the API reads and writes the shared PostgreSQL +
    /// PostGIS store instead of <see cref="Database"/>.
    /// </summary>
    public string? Postgres { get; set; }

    /// <summary>Largest POST /api/documents body, in bytes.</summary>
    public long MaxDocumentBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest page of GET /api/events, /api/fused and /api/claims.</summary>
    public int MaxPageSize { get; set; } = 5000;

    /// <summary>Most rows one export writes (the store caps a query at 10,000).</summary>
    public int MaxExportRows { get; set; } = 10_000;
}
