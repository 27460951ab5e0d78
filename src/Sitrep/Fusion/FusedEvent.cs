using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Sitrep.Documents;
using Sitrep.Events;

namespace Sitrep.Fusion;

/// <summary>Corroboration labels of a fused event.</summary>
public static class CorroborationLabels
{
    public const string SingleSource = "single_source";
    public const string Corroborated = "corroborated";
    public const string Contested = "contested";
    public const string OneSideOnly = "one_side_only";
}

/// <summary>One real-world event with every report of it: fused fields, the range of figures and an honest corroboration label.</summary>
public sealed record FusedEvent
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("event_type")] public required string EventType { get; init; }
    [JsonPropertyName("sub_event_type")] public required string SubEventType { get; init; }
    [JsonPropertyName("actor1")] public string? Actor1 { get; init; }
    [JsonPropertyName("assoc_actor_1")] public ImmutableArray<string> AssocActor1 { get; init; } = [];
    [JsonPropertyName("actor2")] public string? Actor2 { get; init; }
    [JsonPropertyName("assoc_actor_2")] public ImmutableArray<string> AssocActor2 { get; init; } = [];
    [JsonPropertyName("location")] public EventLocation? Location { get; init; }
    [JsonPropertyName("date")] public EventDate Date { get; init; } = EventDate.Unknown;
    /// <summary>Earliest and latest day the reports give, when they differ.</summary>
    [JsonPropertyName("date_range")] public DateRange? DateRange { get; init; }
    [JsonPropertyName("fatalities")] public Fatalities Fatalities { get; init; } = Fatalities.None;
    [JsonPropertyName("hedged")] public bool Hedged { get; init; }
    [JsonPropertyName("reports")] public ImmutableArray<FusedReport> Reports { get; init; } = [];
    [JsonPropertyName("independent_sources")] public int IndependentSources { get; init; }
    [JsonPropertyName("corroboration")] public required string Corroboration { get; init; }
    [JsonPropertyName("corroboration_score")] public double CorroborationScore { get; init; }
    /// <summary>What the sources disagree on: fatalities, perpetrator, place.</summary>
    [JsonPropertyName("contested_on")] public ImmutableArray<string> ContestedOn { get; init; } = [];
    /// <summary>The alignments of the independent voices, e.g. pro-government-axis, opposition.</summary>
    [JsonPropertyName("alignments")] public ImmutableArray<string> Alignments { get; init; } = [];
    [JsonPropertyName("notes")] public string? Notes { get; init; }
}

public sealed record DateRange([property: JsonPropertyName("from")] string From, [property: JsonPropertyName("to")] string To);

/// <summary>One report of a fused event: where it is, who published and voiced it, and what it says.</summary>
public sealed record FusedReport
{
    [JsonPropertyName("doc")] public required string Doc { get; init; }
    [JsonPropertyName("outlet")] public string? Outlet { get; init; }
    [JsonPropertyName("event_id")] public required string EventId { get; init; }
    [JsonPropertyName("evidence")] public ImmutableArray<TextSpan> Evidence { get; init; } = [];
    /// <summary>Registry key of the publisher (or unknown:&lt;name&gt;).</summary>
    [JsonPropertyName("publisher")] public required string Publisher { get; init; }
    /// <summary>Registry key of whose account it is (the credited outlet, else the publisher).</summary>
    [JsonPropertyName("voice")] public required string Voice { get; init; }
    [JsonPropertyName("voice_type")] public required string VoiceType { get; init; }
    [JsonPropertyName("alignment")] public required string Alignment { get; init; }
    /// <summary>The document whose text this one copies, when it is a copy.</summary>
    [JsonPropertyName("copy_of")] public string? CopyOf { get; init; }
    [JsonPropertyName("actor1")] public string? Actor1 { get; init; }
    [JsonPropertyName("actor2")] public string? Actor2 { get; init; }
    [JsonPropertyName("location")] public string? Location { get; init; }
    [JsonPropertyName("date")] public string? Date { get; init; }
    [JsonPropertyName("fatalities")] public int? Fatalities { get; init; }
    [JsonPropertyName("source_text")] public string? SourceText { get; init; }
}
