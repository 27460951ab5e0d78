using Sitrep.Events;
using Sitrep.Fusion;
using Sitrep.Pipeline;
using Xunit;

namespace Sitrep.Tests.Fusion;

public sealed class EventFuserTests
{
    private static EventReport Report(string doc, string outlet, string subType, string? a1, string? a2, double lat, double lon, int precision, string? date, int? toll = null, string? published = null)
    {
        var type = subType is "Armed clash" or "Government regains territory" or "Non-state actor overtakes territory" ? "Battles" : "Explosions/Remote violence";
        var e = new ConflictEvent
        {
            DocumentId = doc, Id = doc + "-e1", EventType = type, SubEventType = subType, Actor1 = a1, Actor2 = a2,
            Location = new EventLocation("P", "P", "Homs", "SY", lat, lon, precision),
            Date = date is null ? EventDate.Unknown : new EventDate(date, date, "day", null),
            Fatalities = new Fatalities(toll, toll, toll, null, null),
        };
        var registry = OutletRegistry.Default;
        var fd = new FusionDocument(doc, outlet, null, published is null ? null : DateOnly.Parse(published), registry.Recognise(outlet, null, ""), TextFingerprint.Of(doc + " unique text " + outlet));
        return EventReport.Create(e, fd, registry);
    }

    [Theory]
    // same place and day, actors either order -> one event
    [InlineData("Armed clash", "Islamic State", "Military Forces of Syria", "Military Forces of Syria", "Islamic State", 34.88, 38.87, 34.88, 38.87, "2019-03-12", "2019-03-12", true)]
    // one side unknown
    [InlineData("Armed clash", "Islamic State", "Military Forces of Syria", "Unidentified Armed Group (Syria)", "Military Forces of Syria", 34.88, 38.87, 34.89, 38.88, "2019-03-12", "2019-03-12", true)]
    // Armed clash vs Government regains territory are compatible
    [InlineData("Government regains territory", "Military Forces of Syria", "Islamic State", "Islamic State", "Military Forces of Syria", 34.88, 38.87, 34.88, 38.87, "2019-03-12", "2019-03-13", true)]
    // 40 km apart the same day -> two events
    [InlineData("Armed clash", "Islamic State", "Military Forces of Syria", "Islamic State", "Military Forces of Syria", 34.88, 38.87, 34.64, 38.57, "2019-03-12", "2019-03-12", false)]
    // three days apart -> two events
    [InlineData("Armed clash", "Islamic State", "Military Forces of Syria", "Islamic State", "Military Forces of Syria", 34.88, 38.87, 34.88, 38.87, "2019-03-12", "2019-03-15", false)]
    public void PairsClusterWhenPlaceDateTypeAndActorsAgree(string subTypeB, string a1, string a2, string b1, string b2, double alat, double alon, double blat, double blon, string adate, string bdate, bool same)
    {
        var fuser = new EventFuser();
        var x = fuser.Add(Report("d1", "SANA", "Armed clash", a1, a2, alat, alon, 1, adate));
        var y = fuser.Add(Report("d2", "SOHR", subTypeB, b1, b2, blat, blon, 1, bdate));
        Assert.Equal(same, x == y);
    }

    [Fact]
    public void AirStrikeAndClashAreNeverOneEvent()
    {
        var fuser = new EventFuser();
        var x = fuser.Add(Report("d1", "SANA", "Armed clash", "Islamic State", "Military Forces of Syria", 34.88, 38.87, 1, "2019-03-12"));
        var y = fuser.Add(Report("d2", "SOHR", "Air/drone strike", "Military Forces of Russia", "Islamic State", 34.88, 38.87, 1, "2019-03-12"));
        Assert.NotSame(x, y);
    }

    [Fact]
    public void UnknownEventDateComparesByPublication()
    {
        var fuser = new EventFuser();
        var x = fuser.Add(Report("d1", "SANA", "Armed clash", "Islamic State", "Military Forces of Syria", 34.88, 38.87, 1, "2019-03-12"));
        var y = fuser.Add(Report("d2", "SOHR", "Armed clash", "Islamic State", "Military Forces of Syria", 34.88, 38.87, 1, null, published: "2019-03-13"));
        var z = fuser.Add(Report("d3", "AFP", "Armed clash", "Islamic State", "Military Forces of Syria", 34.88, 38.87, 1, null, published: "2019-04-20"));
        Assert.Same(x, y);
        Assert.NotSame(x, z);
    }

    [Fact]
    public void RestoredClustersTakeNewReportsWithoutRescoring()
    {
        var fuser = new EventFuser();
        fuser.Restore(Report("d1", "SANA", "Armed clash", "Islamic State", "Military Forces of Syria", 34.88, 38.87, 1, "2019-03-12", 7), 41);
        var joined = fuser.Add(Report("d2", "Amaq", "Armed clash", "Islamic State", "Military Forces of Syria", 34.88, 38.87, 1, "2019-03-12", 25));
        var fresh = fuser.Add(Report("d3", "SOHR", "Armed clash", "Islamic State", "Military Forces of Syria", 36.2, 37.1, 1, "2019-03-12"));
        Assert.Equal(41, joined.Id);
        Assert.Equal(42, fresh.Id);
        var fused = FusedEventBuilder.Build(joined);
        Assert.Equal((7, 7, 25), (fused.Fatalities.Best, fused.Fatalities.Low, fused.Fatalities.High));
        Assert.Equal(CorroborationLabels.Contested, fused.Corroboration);
    }

    [Fact]
    public void OnlyStateMediaOfOneSideIsOneSideOnly()
    {
        var fuser = new EventFuser();
        var c = fuser.Add(Report("d1", "SANA", "Armed clash", "Islamic State", "Military Forces of Syria", 34.88, 38.87, 1, "2019-03-12", 5));
        fuser.Add(Report("d2", "Sputnik", "Armed clash", "Islamic State", "Military Forces of Syria", 34.88, 38.87, 1, "2019-03-12", 5));
        var fused = FusedEventBuilder.Build(c);
        Assert.Equal(2, fused.IndependentSources);
        Assert.Equal(CorroborationLabels.OneSideOnly, fused.Corroboration);
    }

    [Fact]
    public void ExtractWithAStoreFusesAcrossRunsAndKeepsClusterIds()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-fusion-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var lines = File.ReadAllLines(Path.Combine(RepoPaths.Samples, "fusion", "fusion.jsonl"));
            File.WriteAllLines(Path.Combine(dir, "first.jsonl"), lines.Where(l => l.Contains("\"fus-a1-sana\"") || l.Contains("\"fus-d1-sohr\"")));
            File.WriteAllLines(Path.Combine(dir, "second.jsonl"), lines.Where(l => l.Contains("\"fus-a4-sohr\"")));
            var job = new ExtractJob(SitrepDefaults.Create());
            var db = Path.Combine(dir, "s.db");
            job.Run(new ExtractOptions { Inputs = [Path.Combine(dir, "first.jsonl")], OutputDirectory = Path.Combine(dir, "o1"), DatabasePath = db, Workers = 1 });
            job.Run(new ExtractOptions { Inputs = [Path.Combine(dir, "second.jsonl")], OutputDirectory = Path.Combine(dir, "o2"), DatabasePath = db, Workers = 1 });
            var fused = File.ReadAllLines(Path.Combine(dir, "o2", FusedEventWriter.JsonlFile));
            Assert.Contains(fused, l => l.Contains("fus-a1-sana") && l.Contains("fus-a4-sohr"));
            Assert.Contains(fused, l => l.Contains("fus-d1-sohr"));
            Assert.True(File.Exists(Path.Combine(dir, "o2", FusedEventWriter.CsvFile)));
            Assert.True(File.Exists(Path.Combine(dir, "o2", FusedEventWriter.GeoJsonFile)));
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
