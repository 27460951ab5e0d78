using System.Net;
using System.Text.Json;

namespace Sitrep.Web.Tests;

public sealed class EventsApiTests(SitrepFactory factory) : IClassFixture<SitrepFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Events_without_filters_count_every_stored_event()
    {
        var (events, _, _) = SampleStore.Counts(factory.DatabasePath);
        var page = await _client.GetJson("/api/events?limit=5000");
        Assert.Equal(events, page.Total());
        Assert.Equal(events, page.Items().Count());
        // Every event's document is summarised for the table (title, outlet).
        var documents = page.GetProperty("documents");
        Assert.All(page.Items(), e => Assert.True(documents.TryGetProperty(e.GetProperty("doc").GetString()!, out _)));
    }

    [Fact]
    public async Task Default_page_is_100_and_paging_walks_distinct_events()
    {
        var all = await _client.GetJson("/api/events?limit=5000");
        var first = await _client.GetJson("/api/events?limit=3&offset=0");
        var second = await _client.GetJson("/api/events?limit=3&offset=3");
        Assert.Equal(3, first.Items().Count());
        Assert.Equal(all.Total(), first.Total());
        var ids = first.Items().Concat(second.Items()).Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(all.Items().Take(6).Select(e => e.GetProperty("id").GetString()), ids);
        var empty = await _client.GetJson("/api/events?limit=0");
        Assert.Empty(empty.Items());
        Assert.Equal(all.Total(), empty.Total());
    }

    [Fact]
    public async Task Type_filter_keeps_only_that_type()
    {
        var all = await _client.GetJson("/api/events?limit=5000");
        var type = all.Items().GroupBy(e => e.GetProperty("event_type").GetString()).OrderByDescending(g => g.Count()).First();
        var page = await _client.GetJson("/api/events?limit=5000&type=" + Uri.EscapeDataString(type.Key!));
        Assert.Equal(type.Count(), page.Total());
        Assert.All(page.Items(), e => Assert.Equal(type.Key, e.GetProperty("event_type").GetString()));
        Assert.True(page.Total() < all.Total());
    }

    [Fact]
    public async Task Bbox_keeps_events_inside_and_an_empty_sea_box_finds_none()
    {
        var all = await _client.GetJson("/api/events?limit=5000");
        var located = all.Items().First(e => e.GetProperty("location").ValueKind == JsonValueKind.Object
                                             && e.GetProperty("location").GetProperty("lat").ValueKind == JsonValueKind.Number);
        var lat = located.GetProperty("location").GetProperty("lat").GetDouble();
        var lon = located.GetProperty("location").GetProperty("lon").GetDouble();
        FormattableString box = $"{lon - 0.1},{lat - 0.1},{lon + 0.1},{lat + 0.1}";
        var inside = await _client.GetJson("/api/events?limit=5000&bbox=" + FormattableString.Invariant(box));
        Assert.Contains(inside.Items(), e => e.GetProperty("id").GetString() == located.GetProperty("id").GetString());
        Assert.All(inside.Items(), e =>
        {
            var l = e.GetProperty("location");
            Assert.InRange(l.GetProperty("lat").GetDouble(), lat - 0.1, lat + 0.1);
            Assert.InRange(l.GetProperty("lon").GetDouble(), lon - 0.1, lon + 0.1);
        });
        var atlantic = await _client.GetJson("/api/events?bbox=-40,20,-30,30");
        Assert.Equal(0, atlantic.Total());
    }

    [Fact]
    public async Task Date_range_keeps_events_within_it()
    {
        var all = await _client.GetJson("/api/events?limit=5000");
        var values = all.Items().Select(e => e.GetProperty("date").GetProperty("value"))
            .Where(v => v.ValueKind == JsonValueKind.String && v.GetString()!.Length >= 7)
            .Select(v => v.GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(values);
        var month = values[values.Count / 2][..7];
        var page = await _client.GetJson($"/api/events?limit=5000&from={month}-01&to={month}-28");
        Assert.True(page.Total() >= 1);
        Assert.True(page.Total() < all.Total());
        Assert.All(page.Items(), e => Assert.StartsWith(month, e.GetProperty("date").GetProperty("value").GetString()!));
    }

    [Fact]
    public async Task Hedged_filter_splits_the_events()
    {
        var all = await _client.GetJson("/api/events?limit=0");
        var hedged = await _client.GetJson("/api/events?limit=5000&hedged=true");
        var firm = await _client.GetJson("/api/events?limit=5000&hedged=false");
        Assert.Equal(all.Total(), hedged.Total() + firm.Total());
        Assert.All(hedged.Items(), e => Assert.True(e.GetProperty("hedged").GetBoolean()));
        Assert.All(firm.Items(), e => Assert.False(e.GetProperty("hedged").GetBoolean()));
    }

    [Fact]
    public async Task Full_text_query_finds_words_of_the_articles()
    {
        var page = await _client.GetJson("/api/events?limit=5000&q=Palmyra");
        var none = await _client.GetJson("/api/events?q=zzqxnonexistentword");
        Assert.True(page.Total() > 0);
        Assert.Equal(0, none.Total());
    }

    [Theory]
    [InlineData("bbox=1,2,3", "bbox")]
    [InlineData("bbox=a,b,c,d", "bbox")]
    [InlineData("bbox=40,36,38,35", "bbox")]
    [InlineData("bbox=0,0,200,10", "bbox")]
    [InlineData("bbox=NaN,0,1,1", "bbox")]
    [InlineData("from=2024-13-01", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2024-02-30", "to")]
    [InlineData("from=2024-05-01&to=2024-01-01", "from")]
    [InlineData("limit=5001", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("offset=-5", "offset")]
    [InlineData("offset=99999999", "offset")]
    [InlineData("hedged=maybe", "hedged")]
    [InlineData("type=a&type=b", "type")]
    public async Task Bad_filters_are_400_with_a_message_naming_the_parameter(string query, string parameter)
    {
        var body = await _client.GetJson("/api/events?" + query, HttpStatusCode.BadRequest);
        Assert.Contains(parameter, body.Error());
    }

    [Fact]
    public async Task Overlong_text_filter_is_400()
    {
        var body = await _client.GetJson("/api/events?q=" + new string('a', 201), HttpStatusCode.BadRequest);
        Assert.Contains("'q'", body.Error());
    }

    [Theory]
    [InlineData("type", "Battles' OR '1'='1")]
    [InlineData("actor", "x') OR 1=1 --")]
    [InlineData("outlet", "\" OR \"\"=\"")]
    [InlineData("q", "\"; DROP TABLE events; --")]
    [InlineData("q", "* OR NEAR(a b) title:x")]
    [InlineData("sub_type", "'; DELETE FROM documents; --")]
    public async Task Sql_injection_in_filters_matches_nothing_and_changes_nothing(string parameter, string value)
    {
        var before = SampleStore.Counts(factory.DatabasePath);
        var page = await _client.GetJson($"/api/events?{parameter}={Uri.EscapeDataString(value)}");
        Assert.Equal(0, page.Total());
        using var csv = await _client.GetAsync($"/api/export.csv?{parameter}={Uri.EscapeDataString(value)}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(before, SampleStore.Counts(factory.DatabasePath));
    }

    [Fact]
    public async Task One_event_comes_with_its_evidence_text_and_its_source()
    {
        var page = await _client.GetJson("/api/events?limit=1");
        var id = page.Items().Single().GetProperty("id").GetString()!;
        var report = await _client.GetJson("/api/events/" + Uri.EscapeDataString(id));
        Assert.Equal(id, report.GetProperty("event").GetProperty("id").GetString());
        var evidence = report.GetProperty("evidence").EnumerateArray().ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, span => Assert.Equal(
            span.GetProperty("end").GetInt32() - span.GetProperty("start").GetInt32(), span.GetProperty("text").GetString()!.Length));
        var source = report.GetProperty("sources").EnumerateArray().Single();
        Assert.Equal(report.GetProperty("event").GetProperty("doc").GetString(), source.GetProperty("document").GetString());
        Assert.Equal("single_source", report.GetProperty("corroboration").GetString());
    }

    [Fact]
    public async Task Unknown_event_is_404_with_a_message()
    {
        var body = await _client.GetJson("/api/events/no-such-event", HttpStatusCode.NotFound);
        Assert.Contains("no-such-event", body.Error());
    }

    [Fact]
    public async Task Fused_lists_real_world_events_with_their_reports_and_corroboration()
    {
        var page = await _client.GetJson("/api/fused?limit=50");
        Assert.True(page.Total() > 0);
        Assert.All(page.Items(), f =>
        {
            Assert.NotEmpty(f.GetProperty("reports").EnumerateArray());
            Assert.True(f.GetProperty("independent_sources").GetInt32() >= 1);
            Assert.Contains(f.GetProperty("corroboration").GetString(), new[] { "single_source", "corroborated", "contested", "one_side_only" });
        });
        await _client.GetJson("/api/fused?limit=100000", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_event_told_by_several_outlets_lists_them_all_with_the_fused_label()
    {
        var page = await _client.GetJson("/api/fused?limit=500");
        var fused = page.Items().First(f => f.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("doc").GetString()).Distinct().Count() >= 2);
        var docs = fused.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("doc").GetString()).Distinct().ToList();
        var eventId = fused.GetProperty("reports")[0].GetProperty("event_id").GetString();
        var report = await _client.GetJson($"/api/events/{Uri.EscapeDataString(eventId!)}");
        Assert.Equal(fused.GetProperty("corroboration").GetString(), report.GetProperty("corroboration").GetString());
        Assert.Equal(docs.Order(), report.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("document").GetString()).Order());
    }

    [Fact]
    public async Task Facets_list_types_outlets_and_counts()
    {
        var (events, documents, claims) = SampleStore.Counts(factory.DatabasePath);
        var facets = await _client.GetJson("/api/facets");
        Assert.Equal(events, facets.GetProperty("events").GetInt64());
        Assert.Equal(documents, facets.GetProperty("documents").GetInt64());
        Assert.Equal(claims, facets.GetProperty("claims").GetInt64());
        Assert.Equal(events, facets.GetProperty("types").EnumerateArray().Sum(t => t.GetProperty("count").GetInt64()));
        Assert.NotEmpty(facets.GetProperty("outlets").EnumerateArray());
    }

    [Fact]
    public async Task Claims_are_listed_and_paged()
    {
        var (_, _, claims) = SampleStore.Counts(factory.DatabasePath);
        var page = await _client.GetJson("/api/claims?limit=5000");
        Assert.Equal(claims, page.Total());
        Assert.Equal(claims, page.Items().Count());
        Assert.All(page.Items(), c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("claim").GetString())));
        if (claims > 1)
        {
            var one = await _client.GetJson("/api/claims?limit=1&offset=1");
            Assert.Equal(page.Items().ElementAt(1).GetProperty("id").GetString(), one.Items().Single().GetProperty("id").GetString());
        }
        await _client.GetJson("/api/claims?limit=99999", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_api_path_is_a_json_404()
    {
        var body = await _client.GetJson("/api/nothing-here", HttpStatusCode.NotFound);
        Assert.Contains("nothing-here", body.Error());
    }
}
