using System.Text.Json;
using Sitrep.Export;

namespace Sitrep.Tests.Export;

public class GeoJsonRendererTests
{
    [Fact]
    public void FeatureCollectionHasPointsInLonLatOrderAndSkipsUnlocatedEvents()
    {
        var doc = SampleDocuments.Rusafa();
        using var stream = new MemoryStream();
        using (var geo = new GeoJsonRenderer(stream, leaveOpen: true))
        {
            Assert.True(geo.Write(AcledRow.From(doc.Events[0], doc.Outlet)));
            Assert.False(geo.Write(AcledRow.From(doc.Events[1], doc.Outlet)));
            geo.Complete();
            Assert.Equal(1, geo.Count);
        }
        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var features = root.GetProperty("features");
        Assert.Equal(1, features.GetArrayLength());
        var feature = features[0];
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        var geometry = feature.GetProperty("geometry");
        Assert.Equal("Point", geometry.GetProperty("type").GetString());
        var coordinates = geometry.GetProperty("coordinates");
        Assert.Equal(38.7457, coordinates[0].GetDouble()); // longitude first (RFC 7946)
        Assert.Equal(35.8383, coordinates[1].GetDouble());
        var properties = feature.GetProperty("properties");
        Assert.Equal("000_rusafa.txt", properties.GetProperty("doc").GetString());
        Assert.Equal("000_rusafa.txt#E1", properties.GetProperty("id").GetString());
        Assert.Equal(12, properties.GetProperty("fatalities").GetInt32());
        Assert.Equal(1, properties.GetProperty("time_precision").GetInt32());
        foreach (var column in AcledRow.Columns)
            Assert.True(properties.TryGetProperty(column, out _), column);
    }

    [Fact]
    public void EmptyCollectionIsValid()
    {
        using var stream = new MemoryStream();
        using (var geo = new GeoJsonRenderer(stream, leaveOpen: true)) geo.Complete();
        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(0, json.RootElement.GetProperty("features").GetArrayLength());
    }
}
