using Sitrep.Events;

namespace Sitrep.Storage;

/// <summary>A map box in degrees (inclusive).</summary>
public readonly record struct GeoBox(double MinLon, double MinLat, double MaxLon, double MaxLat);

/// <summary>Filters for <see cref="SqliteStore.QueryEvents"/>; every filter set must hold.</summary>
public sealed record EventQuery
{
    public GeoBox? Box { get; init; }
    /// <summary>yyyy-MM-dd, inclusive; events whose date range reaches it (a month value counts as the whole month).</summary>
    public string? From { get; init; }
    /// <summary>yyyy-MM-dd, inclusive.</summary>
    public string? To { get; init; }
    public string? EventType { get; init; }
    public string? SubEventType { get; init; }
    /// <summary>Canonical actor name: actor1, actor2 or an associated actor.</summary>
    public string? Actor { get; init; }
    public string? Outlet { get; init; }
    /// <summary>Plain words that must all occur in the event's notes or its document's title and text.</summary>
    public string? Text { get; init; }
    /// <summary>True: only hedged ("reportedly") events; false: only unhedged ones.</summary>
    public bool? Hedged { get; init; }
    public int Limit { get; init; } = 100;
    public int Offset { get; init; }
}

/// <summary>One page of events and how many match in total.</summary>
public sealed record EventPage(long Total, IReadOnlyList<ConflictEvent> Items);
