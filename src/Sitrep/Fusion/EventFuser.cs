using System.Globalization;
using System.Runtime.InteropServices;

namespace Sitrep.Fusion;

/// <summary>Thresholds of the pairwise match; the defaults are tuned on samples/fusion.</summary>
public sealed record FusionOptions
{
    /// <summary>Search radius in km by geo_precision 1 and 2; precision 3 requires the same admin1.</summary>
    public double RadiusPrecise { get; init; } = 10;
    public double RadiusNear { get; init; } = 30;
    /// <summary>Days of slack between two date intervals (late reports, overnight events).</summary>
    public int DaySlack { get; init; } = 1;
    /// <summary>Reports with only a publication date: the event is taken to be up to this many days before it.</summary>
    public int PublicationLag { get; init; } = 2;
    /// <summary>Date intervals longer than this (a month, a year) are too vague to fuse: they would chain a month of strikes on one city.</summary>
    public int MaxIntervalDays { get; init; } = 8;
    /// <summary>A report joins a cluster when its best pair score reaches this.</summary>
    public double Threshold { get; init; } = 0.6;
}

/// <summary>
/// Incremental cross-document clustering of event reports. A new report is compared only with clusters in its
/// block (event type and day), scored pairwise (place, actors, date, sub-type) and joins the best cluster above
/// the threshold or starts a new one; nothing already clustered is recomputed. Not thread-safe.
/// </summary>
public sealed class EventFuser(FusionOptions? options = null)
{
    private readonly FusionOptions _options = options ?? new FusionOptions();
    private readonly List<EventCluster> _clusters = [];
    private readonly Dictionary<long, EventCluster> _byId = [];
    private readonly Dictionary<(string Type, int Day), List<EventCluster>> _blocks = [];
    private long _nextId = 1;
    private int _stamp;

    public FusionOptions Options => _options;
    public IReadOnlyList<EventCluster> Clusters => _clusters;
    public int ReportCount { get; private set; }

    /// <summary>Clusters a new report; returns the cluster it joined or started.</summary>
    public EventCluster Add(EventReport report) => Add(report, ReportKey.Of(report, _options));

    /// <summary>
    /// Clusters new reports in the order given (as <see cref="Add(EventReport)"/> one after another, with the same
    /// result) and returns the cluster of each. The reports' match keys are parsed on all cores first; only the
    /// clustering itself is sequential.
    /// </summary>
    public EventCluster[] AddAll(IReadOnlyList<EventReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var keys = new ReportKey[reports.Count];
        Parallel.For(0, reports.Count, i => keys[i] = ReportKey.Of(reports[i], _options));
        var clusters = new EventCluster[reports.Count];
        for (var i = 0; i < reports.Count; i++) clusters[i] = Add(reports[i], keys[i]);
        return clusters;
    }

    private EventCluster Add(EventReport report, ReportKey key)
    {
        ReportCount++;
        EventCluster? best = null;
        var bestScore = _options.Threshold;
        if (key.Fusable)
        {
            _stamp++;
            var families = FusionRules.Family(key.Type);
            for (var day = key.FirstDay - _options.DaySlack; day <= key.LastDay + _options.DaySlack; day++)
            {
                if (!_blocks.TryGetValue((families, day), out var list)) continue;
                foreach (var cluster in list)
                {
                    if (cluster.Stamp == _stamp) continue;
                    cluster.Stamp = _stamp;
                    // Max link, but compatible with at least half the members: no chains across days and towns.
                    var top = 0.0;
                    var compatible = 0;
                    foreach (var member in cluster.Keys)
                    {
                        var score = FusionRules.Score(key, member, _options);
                        if (score > 0) compatible++;
                        top = Math.Max(top, score);
                    }
                    if (top >= bestScore && 2 * compatible >= cluster.Keys.Count) { bestScore = top; best = cluster; }
                }
            }
        }
        best ??= NewCluster(_nextId++);
        Attach(best, report, key);
        return best;
    }

    /// <summary>New clusters get ids above <paramref name="id"/> (the largest id a shared store already uses).</summary>
    public void StartIdsAfter(long id) => _nextId = Math.Max(_nextId, id + 1);

    /// <summary>Puts a report back into a cluster remembered from an earlier run (no scoring).</summary>
    public EventCluster Restore(EventReport report, long clusterId)
    {
        ReportCount++;
        if (!_byId.TryGetValue(clusterId, out var cluster)) cluster = NewCluster(clusterId);
        _nextId = Math.Max(_nextId, clusterId + 1);
        Attach(cluster, report, ReportKey.Of(report, _options));
        return cluster;
    }

    private EventCluster NewCluster(long id)
    {
        var cluster = new EventCluster(id);
        _clusters.Add(cluster);
        _byId[id] = cluster;
        return cluster;
    }

    private void Attach(EventCluster cluster, EventReport report, ReportKey key)
    {
        cluster.Reports.Add(report);
        cluster.Keys.Add(key);
        if (!key.Fusable) return;
        var family = FusionRules.Family(key.Type);
        for (var day = key.FirstDay; day <= key.LastDay; day++)
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_blocks, (family, day), out _);
            list ??= [];
            if (list.Count == 0 || list[^1] != cluster) list.Add(cluster);
        }
    }
}

/// <summary>One real-world event: the reports clustered together. Its id is stable across runs when a store keeps it.</summary>
public sealed class EventCluster(long id)
{
    public long Id { get; } = id;
    public List<EventReport> Reports { get; } = [];
    internal List<ReportKey> Keys { get; } = [];
    internal int Stamp;
}

/// <summary>The fields a pair score reads, parsed once per report.</summary>
internal sealed class ReportKey
{
    public required string Type { get; init; }
    public required string SubType { get; init; }
    public required string DocumentId { get; init; }
    public bool Fusable { get; init; }
    public int FirstDay { get; init; }
    public int LastDay { get; init; }
    /// <summary>True when the interval comes from a day-precision event date, not a month or the publication date.</summary>
    public bool ExactDay { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public int Precision { get; init; }
    public string? Admin1 { get; init; }
    public string? Place { get; init; }
    public required string[] Actors { get; init; }

    public static ReportKey Of(EventReport report, FusionOptions options)
    {
        var e = report.Event;
        var (first, last, exact) = Interval(e.Date.Value, e.Date.Precision, report.Document.Published, options);
        var l = e.Location;
        return new ReportKey
        {
            Type = e.EventType,
            SubType = e.SubEventType,
            DocumentId = report.Document.DocumentId,
            Fusable = last >= first && last - first < options.MaxIntervalDays,
            FirstDay = first,
            LastDay = last,
            ExactDay = exact,
            Lat = l?.Lat is { } lat && double.IsFinite(lat) ? lat : null,
            Lon = l?.Lon is { } lon && double.IsFinite(lon) ? lon : null,
            Precision = l?.GeoPrecision ?? 4,
            Admin1 = l?.Admin1,
            Place = l?.Name,
            Actors = FusionRules.KnownActors(e),
        };
    }

    /// <summary>Day numbers the event may fall on; (1, 0) when nothing dates it.</summary>
    internal static (int First, int Last, bool Exact) Interval(string? value, string? precision, DateOnly? published, FusionOptions options)
    {
        if (!string.IsNullOrEmpty(value))
        {
            if (value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                var n = d.DayNumber;
                return precision switch
                {
                    "week" => (n - 3, n + 3, false),
                    "month" => (new DateOnly(d.Year, d.Month, 1).DayNumber, new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month)).DayNumber, false),
                    "day" => (n, n, true),
                    _ => (n, n, false),
                };
            }
            if (value.Length == 7 && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
                return (m.DayNumber, m.AddMonths(1).DayNumber - 1, false);
            if (value.Length == 4) return (0, 365, false); // a whole year: never fused
        }
        if (published is { } p) return (p.DayNumber - options.PublicationLag, p.DayNumber, false);
        return (1, 0, false);
    }
}
