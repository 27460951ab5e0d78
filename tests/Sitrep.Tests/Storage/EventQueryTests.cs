using Sitrep.Storage;
using Sitrep.Tests.Export;

namespace Sitrep.Tests.Storage;

public sealed class EventQueryTests : IDisposable
{
    private readonly SqliteStore _store = SqliteStore.Open(":memory:");

    public EventQueryTests()
    {
        _store.Save(
        [
            SampleDocuments.Rusafa("a.txt"),
            SampleDocuments.Rusafa("b.txt", notes: "Checkpoint overrun at dawn") with { Outlet = "Enab Baladi" },
        ], "test-1");
    }

    public void Dispose() => _store.Dispose();

    public static TheoryData<EventQuery, string[]> Cases => new()
    {
        { new EventQuery(), ["a.txt#E1", "b.txt#E1", "a.txt#E2", "b.txt#E2"] },
        { new EventQuery { Box = new GeoBox(38.5, 35.5, 39, 36) }, ["a.txt#E1", "b.txt#E1"] },
        { new EventQuery { From = "2023-10-04", To = "2023-10-04" }, ["a.txt#E1", "b.txt#E1", "a.txt#E2", "b.txt#E2"] }, // "2023-10" overlaps the day
        { new EventQuery { From = "2023-10-01", To = "2023-10-03" }, ["a.txt#E2", "b.txt#E2"] },
        { new EventQuery { From = "2023-10-20" }, ["a.txt#E2", "b.txt#E2"] }, // month value reaches the 31st
        { new EventQuery { To = "2023-09-30" }, [] },
        { new EventQuery { EventType = "Battles", SubEventType = "Armed clash" }, ["a.txt#E1", "b.txt#E1"] },
        { new EventQuery { Actor = "Jund al-Khilafa" }, ["a.txt#E1", "b.txt#E1"] },
        { new EventQuery { Actor = "Military Forces of Syria", Outlet = "Enab Baladi" }, ["b.txt#E1", "b.txt#E2"] },
        { new EventQuery { Text = "checkpoint" }, ["b.txt#E1"] },
        { new EventQuery { Text = "Rusafa", Outlet = "South Front" }, ["a.txt#E1", "a.txt#E2"] },
        { new EventQuery { Text = "Palmyra" }, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FiltersCombine(EventQuery query, string[] expected)
    {
        var page = _store.QueryEvents(query);
        Assert.Equal(expected.Order(), page.Items.Select(e => e.Id).Order());
        Assert.Equal(expected.Length, page.Total);
    }

    [Fact]
    public void PagesKeepTheTotal()
    {
        var first = _store.QueryEvents(new EventQuery { Limit = 3 });
        var second = _store.QueryEvents(new EventQuery { Limit = 3, Offset = 3 });
        Assert.Equal(4, first.Total);
        Assert.Equal(3, first.Items.Count);
        Assert.Single(second.Items);
        Assert.Equal(4, first.Items.Concat(second.Items).Select(e => e.Id).Distinct().Count());
        Assert.Equal("2023-10-04", first.Items[0].Date.Value); // newest first
    }
}
