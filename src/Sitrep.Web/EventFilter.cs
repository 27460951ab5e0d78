using System.Globalization;
using Sitrep.Storage;

namespace Sitrep.Web;

/// <summary>
/// The query-string filters shared by the event list and the exports, validated: a bad value is a
/// 400 with a sentence that names the parameter, never a silent default.
/// </summary>
public static class EventFilter
{
    public const int MaxTextLength = 200;
    public const int MaxOffset = 1_000_000;

    /// <summary>Reads bbox, from, to, type, sub_type, actor, outlet, hedged, q, limit, offset.</summary>
    public static EventQuery Parse(IQueryCollection query, int defaultLimit, int maxLimit)
    {
        var from = Date(query, "from");
        var to = Date(query, "to");
        if (from is not null && to is not null && string.CompareOrdinal(from, to) > 0)
            throw ApiError.BadRequest($"'from' ({from}) is after 'to' ({to}).");
        var (limit, offset) = Paging(query, defaultLimit, maxLimit);
        return new EventQuery
        {
            Box = Box(query),
            From = from,
            To = to,
            EventType = Text(query, "type"),
            SubEventType = Text(query, "sub_type"),
            Actor = Text(query, "actor"),
            Outlet = Text(query, "outlet"),
            Hedged = Bool(query, "hedged"),
            Text = Text(query, "q"),
            Limit = limit,
            Offset = offset,
        };
    }

    public static (int Limit, int Offset) Paging(IQueryCollection query, int defaultLimit, int maxLimit)
    {
        var limit = Int(query, "limit") ?? defaultLimit;
        if (limit < 0 || limit > maxLimit)
            throw ApiError.BadRequest($"'limit' must be between 0 and {maxLimit}, not {limit}.");
        var offset = Int(query, "offset") ?? 0;
        if (offset < 0 || offset > MaxOffset)
            throw ApiError.BadRequest($"'offset' must be between 0 and {MaxOffset}, not {offset}.");
        return (limit, offset);
    }

    /// <summary>One optional text parameter, trimmed; at most <see cref="MaxTextLength"/> characters.</summary>
    public static string? Text(IQueryCollection query, string name)
    {
        var value = Single(query, name);
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Length > MaxTextLength)
            throw ApiError.BadRequest($"'{name}' is longer than {MaxTextLength} characters.");
        return value.Trim();
    }

    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0) return null;
        if (values.Count > 1) throw ApiError.BadRequest($"'{name}' is given {values.Count} times; give it once.");
        return values[0];
    }

    private static int? Int(IQueryCollection query, string name)
    {
        var value = Single(query, name);
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            throw ApiError.BadRequest($"'{name}' must be a whole number, not '{Shorten(value)}'.");
        return number;
    }

    private static bool? Bool(IQueryCollection query, string name)
    {
        var value = Single(query, name);
        if (string.IsNullOrWhiteSpace(value)) return null;
        return value.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => throw ApiError.BadRequest($"'{name}' must be true or false, not '{Shorten(value)}'."),
        };
    }

    /// <summary>A calendar day as yyyy-MM-dd (a real date: 2024-02-30 is refused).</summary>
    private static string? Date(IQueryCollection query, string name)
    {
        var value = Single(query, name);
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw ApiError.BadRequest($"'{name}' must be a date as YYYY-MM-DD, not '{Shorten(value)}'.");
        return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>bbox=minLon,minLat,maxLon,maxLat in degrees.</summary>
    private static GeoBox? Box(IQueryCollection query)
    {
        var value = Single(query, "bbox");
        if (string.IsNullOrWhiteSpace(value)) return null;
        const string shape = "'bbox' must be minLon,minLat,maxLon,maxLat in degrees";
        var parts = value.Split(',');
        if (parts.Length != 4) throw ApiError.BadRequest($"{shape}, not '{Shorten(value)}'.");
        var numbers = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
                throw ApiError.BadRequest($"{shape}, not '{Shorten(value)}'.");
        }
        var box = new GeoBox(numbers[0], numbers[1], numbers[2], numbers[3]);
        if (box.MinLon < -180 || box.MaxLon > 180 || box.MinLat < -90 || box.MaxLat > 90)
            throw ApiError.BadRequest("'bbox' is outside the world: longitudes lie in -180..180 and latitudes in -90..90.");
        if (box.MinLon > box.MaxLon || box.MinLat > box.MaxLat)
            throw ApiError.BadRequest("'bbox' has its minimum above its maximum: give minLon,minLat,maxLon,maxLat.");
        return box;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
