using Sitrep.Places;

namespace Sitrep.Tests.Places;

public class GazetteerTests
{
    private static Gazetteer G => PlacesFixture.Gazetteer;

    [Fact]
    public void LoadsAllSources()
    {
        Assert.True(G.Entries.Count > 15000);
        foreach (var prefix in new[] { "ocha:", "geonames:", "dtm:", "ochairq:", "feature:", "admin1:" })
            Assert.Contains(G.Entries, e => e.Id.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Equal(14 + 18, G.Admin1Areas.Count);
    }

    [Theory]
    [InlineData("Sukhnah", "ocha:C2893")]
    [InlineData("Palmyra", "ocha:C2889")]
    [InlineData("Albukamal", "ocha:C5167")]
    [InlineData("Rusafa", "ocha:C6824")]
    [InlineData("السخنة", "ocha:C2893")]
    [InlineData("Bishri Mountains", "feature:bishri")]
    public void LookupFindsVariants(string name, string id) => Assert.Contains(G.Lookup(name), e => e.Id == id);

    [Theory]
    [InlineData(34.565, 38.288, "Homs")]        // Palmyra
    [InlineData(34.883, 38.870, "Homs")]        // al-Sukhnah
    [InlineData(35.627, 38.763, "Raqqa")]       // Rusafa
    [InlineData(35.332, 40.146, "Deir ez-Zor")] // Deir ez-Zor city
    [InlineData(33.664, 44.399, "Baghdad")]     // Tarmiyah
    [InlineData(34.368, 41.095, "Anbar")]       // Al-Qaim
    [InlineData(35.776, 43.581, "Erbil")]       // Makhmour (drawn under Erbil by OCHA)
    public void Admin1ComesFromThePoint(double lat, double lon, string admin1) => Assert.Equal(admin1, G.Admin1At(lat, lon)?.Name);

    [Fact]
    public void PointOutsideSyriaAndIraqHasNoAdmin1() => Assert.Null(G.Admin1At(31.95, 35.93)); // Amman

    [Fact]
    public void Admin2ComesFromThePoint() => Assert.Equal("Tadmor", G.Admin2At(34.565, 38.288)?.Name);

    [Fact]
    public void CentroidAndSubRegions()
    {
        var c = G.Centroid("Deir ez-Zor");
        Assert.NotNull(c);
        Assert.Equal("Deir ez-Zor", G.Admin1At(c.Value.Lat, c.Value.Lon)?.Name);
        var south = G.SubRegionPoint("Deir ez-Zor", CompassDirection.South)!.Value;
        Assert.True(south.Lat < c.Value.Lat);
        var west = G.SubRegionPoint("Raqqa", CompassDirection.West)!.Value;
        Assert.True(west.Lon < G.Centroid("Raqqa")!.Value.Lon);
    }
}
