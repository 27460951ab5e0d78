using System.Text.Json;

namespace Sitrep.Export;

/// <summary>
/// Writes <see cref="AcledRow"/>s with coordinates as an RFC 7946 FeatureCollection of Point
/// features ([lon, lat]); properties are the ACLED columns plus doc and id. Rows without a point are
/// skipped. Call <see cref="Complete"/> to close the collection. Single writer: not thread-safe.
/// </summary>
public sealed class GeoJsonRenderer : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Utf8JsonWriter _writer;
    private bool _completed;

    public GeoJsonRenderer(Stream stream, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _writer = new Utf8JsonWriter(stream, SitrepJson.WriterOptions);
        _writer.WriteStartObject();
        _writer.WriteString("type", "FeatureCollection");
        _writer.WriteStartArray("features");
    }

    public long Count { get; private set; }

    /// <summary>Writes the row as a feature; false (nothing written) when it has no coordinates.</summary>
    public bool Write(AcledRow row)
    {
        if (_completed) throw new InvalidOperationException("The feature collection is already complete.");
        if (!row.HasPoint) return false;
        var w = _writer;
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteString("id", row.EventIdCnty);
        w.WriteStartObject("geometry");
        w.WriteString("type", "Point");
        w.WriteStartArray("coordinates");
        w.WriteNumberValue(Math.Round(row.Longitude!.Value, 6));
        w.WriteNumberValue(Math.Round(row.Latitude!.Value, 6));
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("doc", row.Doc);
        w.WriteString("id", row.EventIdCnty);
        w.WriteString("event_id_cnty", row.EventIdCnty);
        w.WriteString("event_date", row.EventDate);
        w.WriteNumber("time_precision", row.TimePrecision);
        w.WriteString("event_type", row.EventType);
        w.WriteString("sub_event_type", row.SubEventType);
        w.WriteString("actor1", row.Actor1);
        w.WriteString("assoc_actor_1", row.AssocActor1);
        w.WriteString("actor2", row.Actor2);
        w.WriteString("assoc_actor_2", row.AssocActor2);
        w.WriteString("country", row.Country);
        w.WriteString("admin1", row.Admin1);
        w.WriteString("location", row.Location);
        w.WriteNumber("latitude", Math.Round(row.Latitude.Value, 6));
        w.WriteNumber("longitude", Math.Round(row.Longitude.Value, 6));
        if (row.GeoPrecision is { } gp) w.WriteNumber("geo_precision", gp);
        else w.WriteNull("geo_precision");
        w.WriteString("source", row.Source);
        w.WriteString("notes", row.Notes);
        w.WriteNumber("fatalities", row.Fatalities);
        w.WriteEndObject();
        w.WriteEndObject();
        Count++;
        // Keep memory flat on large runs: push buffered features to the stream now and then.
        if (w.BytesPending > 1 << 16) w.Flush();
        return true;
    }

    /// <summary>Closes the features array and the collection, and flushes.</summary>
    public void Complete()
    {
        if (_completed) return;
        _completed = true;
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
        _stream.Flush();
    }

    public void Dispose()
    {
        _writer.Dispose();
        if (!_leaveOpen) _stream.Dispose();
    }
}
