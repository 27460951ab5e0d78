using Sitrep.Export;

namespace Sitrep.Fusion;

/// <summary>
/// Writes fused_events.jsonl, fused_events.csv (ACLED columns; source = every outlet) and fused_events.geojson
/// with the shared renderers. Each file is written to a temporary name and renamed, so a failed run keeps the old ones.
/// </summary>
public static class FusedEventWriter
{
    public const string JsonlFile = "fused_events.jsonl";
    public const string CsvFile = "fused_events.csv";
    public const string GeoJsonFile = "fused_events.geojson";

    public static void Write(string directory, IReadOnlyList<FusedEvent> events) => Write(directory, events, null);

    /// <summary>As <see cref="Write(string, IReadOnlyList{FusedEvent})"/>, with each event's JSON line made already (same order).</summary>
    public static void Write(string directory, IReadOnlyList<FusedEvent> events, IReadOnlyList<string>? json)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (json is not null && json.Count != events.Count) throw new ArgumentException("one JSON line per event", nameof(json));
        Directory.CreateDirectory(directory);
        WriteFile(directory, JsonlFile, stream =>
        {
            using var jsonl = new JsonlRenderer(stream, leaveOpen: true);
            for (var i = 0; i < events.Count; i++)
            {
                if (json is null) jsonl.Write(events[i]);
                else jsonl.WriteRaw(json[i]);
            }
            jsonl.Flush();
        });
        WriteFile(directory, CsvFile, stream =>
        {
            using var csv = new AcledCsvRenderer(stream, leaveOpen: true);
            foreach (var e in events) csv.Write(ToRow(e));
        });
        WriteFile(directory, GeoJsonFile, stream =>
        {
            using var geo = new GeoJsonRenderer(stream, leaveOpen: true);
            foreach (var e in events) geo.Write(ToRow(e));
            geo.Complete();
        });
    }

    /// <summary>A fused event as an ACLED row: every outlet in source, the label in notes.</summary>
    public static AcledRow ToRow(FusedEvent e)
    {
        var l = e.Location;
        return new AcledRow
        {
            Doc = string.Join("; ", e.Reports.Select(r => r.Doc).Distinct()),
            EventIdCnty = e.Id,
            EventDate = AcledRow.IsoDay(e.Date.Value),
            TimePrecision = AcledRow.TimePrecisionOf(e.Date.Precision),
            EventType = e.EventType,
            SubEventType = e.SubEventType,
            Actor1 = e.Actor1 ?? "",
            AssocActor1 = AcledRow.JoinActors(e.AssocActor1),
            Actor2 = e.Actor2 ?? "",
            AssocActor2 = AcledRow.JoinActors(e.AssocActor2),
            Country = l?.Country ?? "",
            Admin1 = l?.Admin1 ?? "",
            Location = l?.Name ?? "",
            Latitude = l?.Lat,
            Longitude = l?.Lon,
            GeoPrecision = l?.GeoPrecision,
            Source = string.Join("; ", e.Reports.Select(r => r.Outlet).Where(o => !string.IsNullOrWhiteSpace(o)).Distinct()),
            Notes = e.Notes ?? "",
            Fatalities = Math.Max(0, e.Fatalities.Best ?? 0),
        };
    }

    private static void WriteFile(string directory, string name, Action<Stream> write)
    {
        var final = Path.Combine(directory, name);
        var temp = Path.Combine(directory, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, final, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
