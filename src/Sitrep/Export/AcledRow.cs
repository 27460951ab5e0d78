using System.Text;
using Sitrep.Events;

namespace Sitrep.Export;

/// <summary>
/// One event flattened to ACLED's export columns. The CSV and GeoJSON renderers take rows, so any
/// row source (single-document events, fused events) can reuse them.
/// </summary>
public sealed record AcledRow
{
    /// <summary>The ACLED column names, in ACLED's order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "location",
        "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    ];

    /// <summary>The document the event came from (not an ACLED column; carried in GeoJSON).</summary>
    public string? Doc { get; init; }
    public required string EventIdCnty { get; init; }
    /// <summary>yyyy-MM-dd; month-precision dates use the first of the month; empty when unknown.</summary>
    public string EventDate { get; init; } = "";
    /// <summary>1 day, 2 week, 3 month or vaguer.</summary>
    public int TimePrecision { get; init; } = 3;
    public string EventType { get; init; } = "";
    public string SubEventType { get; init; } = "";
    public string Actor1 { get; init; } = "";
    public string AssocActor1 { get; init; } = "";
    public string Actor2 { get; init; } = "";
    public string AssocActor2 { get; init; } = "";
    public string Country { get; init; } = "";
    public string Admin1 { get; init; } = "";
    public string Location { get; init; } = "";
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public int? GeoPrecision { get; init; }
    public string Source { get; init; } = "";
    public string Notes { get; init; } = "";
    public int Fatalities { get; init; }

    public bool HasPoint => Latitude is { } lat && Longitude is { } lon && double.IsFinite(lat) && double.IsFinite(lon);

    /// <summary>Flattens one event; <paramref name="outlet"/> is the reporting document's outlet.</summary>
    public static AcledRow From(ConflictEvent e, string? outlet)
    {
        var location = e.Location;
        return new AcledRow
        {
            Doc = e.DocumentId,
            EventIdCnty = e.Id,
            EventDate = IsoDay(e.Date.Value),
            TimePrecision = TimePrecisionOf(e.Date.Precision),
            EventType = e.EventType,
            SubEventType = e.SubEventType,
            Actor1 = e.Actor1 ?? "",
            AssocActor1 = JoinActors(e.AssocActor1),
            Actor2 = e.Actor2 ?? "",
            AssocActor2 = JoinActors(e.AssocActor2),
            Country = location?.Country ?? "",
            Admin1 = location?.Admin1 ?? "",
            Location = location?.Name ?? "",
            Latitude = location?.Lat,
            Longitude = location?.Lon,
            GeoPrecision = location?.GeoPrecision,
            Source = SourceOf(outlet, e.Attribution.SourceText),
            Notes = string.IsNullOrWhiteSpace(e.Notes) ? Summary(e) : e.Notes,
            Fatalities = Math.Max(0, e.Fatalities.Best ?? 0),
        };
    }

    /// <summary>ACLED time precision: 1 the day is known, 2 the week, 3 the month or less.</summary>
    public static int TimePrecisionOf(string? precision) => precision switch
    {
        "day" => 1,
        "week" => 2,
        _ => 3,
    };

    /// <summary>ACLED's event_date is a full day: a "YYYY-MM" value becomes the first of that month.</summary>
    public static string IsoDay(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value.Length == 7 && value[4] == '-') return value + "-01";
        if (value.Length == 4 && int.TryParse(value, out _)) return value + "-01-01";
        return value;
    }

    /// <summary>ACLED separates several associated actors or sources with "; ".</summary>
    public static string JoinActors(IEnumerable<string> actors) =>
        string.Join("; ", actors.Where(static a => !string.IsNullOrWhiteSpace(a)));

    public static string SourceOf(string? outlet, string? sourceText)
    {
        var hasOutlet = !string.IsNullOrWhiteSpace(outlet);
        var hasText = !string.IsNullOrWhiteSpace(sourceText);
        if (hasOutlet && hasText) return outlet!.Trim() + "; " + sourceText!.Trim();
        return hasOutlet ? outlet!.Trim() : hasText ? sourceText!.Trim() : "";
    }

    /// <summary>A one-line description for events without notes: who did what to whom, where, with what toll.</summary>
    public static string Summary(ConflictEvent e)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(e.Date.Value)) sb.Append("On ").Append(e.Date.Value).Append(", ");
        else if (!string.IsNullOrEmpty(e.Date.Text)) sb.Append(e.Date.Text).Append(": ");
        sb.Append(e.SubEventType);
        if (!string.IsNullOrEmpty(e.Actor1)) sb.Append(" by ").Append(e.Actor1);
        if (!string.IsNullOrEmpty(e.Actor2)) sb.Append(" against ").Append(e.Actor2);
        if (e.Location is { } l)
        {
            sb.Append(l.GeoPrecision >= 2 ? " near " : " in ").Append(l.Name);
            if (!string.IsNullOrEmpty(l.Admin1) && l.Admin1 != l.Name) sb.Append(" (").Append(l.Admin1).Append(')');
        }
        if (e.Fatalities.Best is { } best) sb.Append(". ").Append(best).Append(best == 1 ? " fatality" : " fatalities");
        else if (!string.IsNullOrEmpty(e.Fatalities.Text)) sb.Append(". Fatalities: ").Append(e.Fatalities.Text);
        if (e.Hedged) sb.Append(" (reportedly)");
        sb.Append('.');
        return sb.ToString();
    }
}
