using System.Text.Json.Serialization;
using Sitrep.Documents;

namespace Sitrep.Dates;

/// <summary>A date or time phrase, resolved against the publication date when it can be.</summary>
/// <param name="Value">ISO date (YYYY-MM-DD) or month (YYYY-MM); null when no year or anchor is known.</param>
/// <param name="Precision">day, week, month or unknown.</param>
/// <param name="RelativeTo">"publication" when the phrase depends on the publication date ("yesterday").</param>
public sealed record DateMention(TextSpan Span, string? Value, string Precision, string? RelativeTo) : Mention(Span)
{
    /// <summary>For a phrase relative to another event ("two days after the attack"): units of <see cref="Precision"/> after (+) or before (-) it.</summary>
    public int? Offset { get; init; }

    /// <summary>A calendar phrase still lacking its year ("5 October", "last April"): the month (1-12), else 0.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int CalendarMonth { get; init; }

    /// <summary>With <see cref="CalendarMonth"/>: the day of the month, or 0 for a whole month.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int CalendarDay { get; init; }

    /// <summary>The id of the dated event named in the text that gave this phrase its year (see <see cref="AnchorEvents"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? YearFrom { get; init; }

    public override string Label => "date";
}
