using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Sitrep.Documents;

namespace Sitrep.Events;

/// <summary>
/// One coded event, in the gold/ACLED schema. Every field points back to text: the event's
/// <see cref="Evidence"/> spans, and the spans of its location, date, fatalities and attribution.
/// </summary>
public sealed record ConflictEvent
{
    [JsonPropertyName("doc")] public required string DocumentId { get; init; }
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("evidence")] public ImmutableArray<TextSpan> Evidence { get; init; } = [];
    [JsonPropertyName("event_type")] public required string EventType { get; init; }
    [JsonPropertyName("sub_event_type")] public required string SubEventType { get; init; }
    [JsonPropertyName("actor1")] public string? Actor1 { get; init; }
    [JsonPropertyName("assoc_actor_1")] public ImmutableArray<string> AssocActor1 { get; init; } = [];
    [JsonPropertyName("actor2")] public string? Actor2 { get; init; }
    [JsonPropertyName("assoc_actor_2")] public ImmutableArray<string> AssocActor2 { get; init; } = [];
    [JsonPropertyName("actor1_mentions")] public ImmutableArray<string> Actor1Mentions { get; init; } = [];
    [JsonPropertyName("actor2_mentions")] public ImmutableArray<string> Actor2Mentions { get; init; } = [];
    [JsonPropertyName("location")] public EventLocation? Location { get; init; }
    [JsonPropertyName("date")] public EventDate Date { get; init; } = EventDate.Unknown;
    [JsonPropertyName("fatalities")] public Fatalities Fatalities { get; init; } = Fatalities.None;
    [JsonPropertyName("injured")] public int? Injured { get; init; }
    [JsonPropertyName("materiel")] public ImmutableArray<string> Materiel { get; init; } = [];
    [JsonPropertyName("attribution")] public EventAttribution Attribution { get; init; } = EventAttribution.OutletItself;
    [JsonPropertyName("hedged")] public bool Hedged { get; init; }
    [JsonPropertyName("notes")] public string? Notes { get; init; }
    /// <summary>The trigger phrase that framed the event.</summary>
    [JsonPropertyName("trigger")] public TextSpan? Trigger { get; init; }
}

/// <param name="GeoPrecision">1 the town or site itself; 2 near it or part of a region; 3 only a governorate or larger.</param>
public sealed record EventLocation(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("surface")] string Surface,
    [property: JsonPropertyName("admin1")] string? Admin1,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("lat")] double? Lat,
    [property: JsonPropertyName("lon")] double? Lon,
    [property: JsonPropertyName("geo_precision")] int GeoPrecision)
{
    [JsonPropertyName("admin2")] public string? Admin2 { get; init; }
    /// <summary>The gazetteer entry id (source:key), so a user can see why.</summary>
    [JsonPropertyName("gazetteer_id")] public string? GazetteerId { get; init; }
    [JsonPropertyName("span")] public TextSpan? Span { get; init; }
}

/// <param name="Value">ISO date (YYYY-MM-DD, or YYYY-MM for month precision), when resolvable.</param>
/// <param name="Precision">day, week, month or unknown.</param>
/// <param name="RelativeTo">"publication" when the phrase depends on the publication date.</param>
public sealed record EventDate(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("precision")] string Precision,
    [property: JsonPropertyName("relative_to")] string? RelativeTo)
{
    public static readonly EventDate Unknown = new(null, null, "unknown", null);
    [JsonPropertyName("span")] public TextSpan? Span { get; init; }
    /// <summary>With no publication date: the id of the dated event named in the text that gave the year (data/dates/anchors.tsv).</summary>
    [JsonPropertyName("year_from")] public string? YearFrom { get; init; }
}

/// <summary>Fatalities, coded conservatively: no number from vague or "killed or wounded" phrases.</summary>
public sealed record Fatalities(
    [property: JsonPropertyName("best")] int? Best,
    [property: JsonPropertyName("low")] int? Low,
    [property: JsonPropertyName("high")] int? High,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("who")] string? Who)
{
    public static readonly Fatalities None = new(null, null, null, null, null);
    [JsonPropertyName("span")] public TextSpan? Span { get; init; }
}

/// <param name="SourceKind">official_government, military, correspondent, militant_media, monitor,
/// local_sources, anonymous, expert, outlet_itself, wire, other.</param>
public sealed record EventAttribution(
    [property: JsonPropertyName("source_text")] string? SourceText,
    [property: JsonPropertyName("source_kind")] string SourceKind)
{
    public static readonly EventAttribution OutletItself = new(null, SourceKinds.OutletItself);
    [JsonPropertyName("span")] public TextSpan? Span { get; init; }
}

/// <summary>An allegation that is not a discrete event, with who makes it.</summary>
public sealed record Claim
{
    [JsonPropertyName("doc")] public required string DocumentId { get; init; }
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("evidence")] public ImmutableArray<TextSpan> Evidence { get; init; } = [];
    [JsonPropertyName("claim")] public required string Text { get; init; }
    [JsonPropertyName("claimant")] public string? Claimant { get; init; }
    [JsonPropertyName("subject")] public string? Subject { get; init; }
    [JsonPropertyName("source_kind")] public string SourceKind { get; init; } = SourceKinds.OutletItself;
}

/// <summary>The attribution source kinds used in events and claims.</summary>
public static class SourceKinds
{
    public const string OfficialGovernment = "official_government";
    public const string Military = "military";
    public const string Correspondent = "correspondent";
    public const string MilitantMedia = "militant_media";
    public const string Monitor = "monitor";
    public const string LocalSources = "local_sources";
    public const string Anonymous = "anonymous";
    public const string Expert = "expert";
    public const string OutletItself = "outlet_itself";
    public const string Wire = "wire";
    public const string Other = "other";
}
