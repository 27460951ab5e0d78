using System.Net;
using System.Text;
using System.Text.Json;

namespace Sitrep.Web.Tests;

/// <summary>
/// The same samples in a SQLite store and in a PostgreSQL store, each behind its own host: every
/// endpoint the dashboard reads must answer the same JSON from both.
/// </summary>
public sealed class StoreParityFixture : IDisposable
{
    public PgSampleDatabase Postgres { get; } = new();
    public SitrepFactory Sqlite { get; } = new();
    private PgSitrepFactory? _pgHost;

    /// <summary>Clients of the SQLite host and the PostgreSQL host (skips without a server).</summary>
    public (HttpClient Sqlite, HttpClient Postgres) Clients()
    {
        var connection = Postgres.Require();
        _pgHost ??= new PgSitrepFactory(connection);
        return (Sqlite.CreateClient(), _pgHost.CreateClient());
    }

    public void Dispose()
    {
        _pgHost?.Dispose();
        Sqlite.Dispose();
        Postgres.Dispose();
    }
}

public sealed class PostgresParityTests(StoreParityFixture fixture) : IClassFixture<StoreParityFixture>
{
    /// <summary>A box over the Levant and Iraq and seven years: narrower than the whole store, never empty.</summary>
    private const string BoxAndDates = "bbox=30,25,50,40&from=2017-01-01&to=2023-12-31";

    [SkippableFact]
    public async Task Events_with_box_and_dates_match()
    {
        var (sqlite, pg) = fixture.Clients();
        var all = await sqlite.GetJson("/api/events?limit=0");
        var path = "/api/events?limit=5000&" + BoxAndDates;
        var expected = await sqlite.GetJson(path);
        var actual = await pg.GetJson(path);
        Assert.InRange(expected.Total(), 1, all.Total() - 1);
        AssertSamePage(expected, actual);
    }

    [SkippableFact]
    public async Task Events_with_box_dates_and_type_match()
    {
        var (sqlite, pg) = fixture.Clients();
        var unfiltered = await sqlite.GetJson("/api/events?limit=0&" + BoxAndDates);
        var path = "/api/events?limit=5000&type=Battles&" + BoxAndDates;
        var expected = await sqlite.GetJson(path);
        var actual = await pg.GetJson(path);
        Assert.InRange(expected.Total(), 1, unfiltered.Total() - 1);
        Assert.All(actual.Items(), e => Assert.Equal("Battles", e.GetProperty("event_type").GetString()));
        AssertSamePage(expected, actual);
    }

    [SkippableFact]
    public async Task Events_type_filter_and_every_page_match()
    {
        var (sqlite, pg) = fixture.Clients();
        foreach (var path in new[] { "/api/events?limit=5000", "/api/events?limit=5000&type=" + Uri.EscapeDataString("Explosions/Remote violence") })
        {
            var expected = await sqlite.GetJson(path);
            var actual = await pg.GetJson(path);
            Assert.True(expected.Total() > 0, path);
            AssertSamePage(expected, actual);
        }
        // Newest first in both: the dates of the list come in the same order (ties may differ in order).
        var sqliteDates = (await sqlite.GetJson("/api/events?limit=5000")).Items().Select(DateValue).ToList();
        var pgDates = (await pg.GetJson("/api/events?limit=5000")).Items().Select(DateValue).ToList();
        Assert.Equal(sqliteDates, pgDates);
    }

    [SkippableFact]
    public async Task Every_event_report_matches_with_its_sources_and_corroboration()
    {
        var (sqlite, pg) = fixture.Clients();
        var ids = (await sqlite.GetJson("/api/events?limit=5000")).Items().Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(ids);
        var multiSource = 0;
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var path = "/api/events/" + Uri.EscapeDataString(id);
            using var expectedResponse = await sqlite.GetAsync(path);
            using var actualResponse = await pg.GetAsync(path);
            Assert.Equal(expectedResponse.StatusCode, actualResponse.StatusCode);
            var expected = await expectedResponse.Content.ReadAsStringAsync();
            var actual = await actualResponse.Content.ReadAsStringAsync();
            Assert.Equal(Canonical(expected), Canonical(actual));
            if (expectedResponse.StatusCode != HttpStatusCode.OK) continue;
            using var report = JsonDocument.Parse(actual);
            if (report.RootElement.GetProperty("sources").GetArrayLength() > 1) multiSource++;
            labels.Add(report.RootElement.GetProperty("corroboration").GetString()!);
        }
        // The samples hold the same events told by several outlets: fusion must have joined some and labelled them.
        Assert.True(multiSource > 0, "no event has another outlet's report");
        Assert.Contains("corroborated", labels);
        Assert.Contains("contested", labels);
    }

    [SkippableFact]
    public async Task Documents_of_the_events_match()
    {
        var (sqlite, pg) = fixture.Clients();
        var documents = (await sqlite.GetJson("/api/events?limit=5000")).Items()
            .Select(e => e.GetProperty("doc").GetString()!).Distinct().ToList();
        Assert.NotEmpty(documents);
        foreach (var id in documents)
        {
            var path = "/api/documents/" + Uri.EscapeDataString(id);
            using var expectedResponse = await sqlite.GetAsync(path);
            using var actualResponse = await pg.GetAsync(path);
            Assert.Equal(expectedResponse.StatusCode, actualResponse.StatusCode);
            Assert.Equal(Canonical(await expectedResponse.Content.ReadAsStringAsync()), Canonical(await actualResponse.Content.ReadAsStringAsync()));
        }
        var missing = await pg.GetJson("/api/documents/no-such-document", HttpStatusCode.NotFound);
        Assert.Contains("no-such-document", missing.Error());
    }

    [SkippableFact]
    public async Task Facets_match()
    {
        var (sqlite, pg) = fixture.Clients();
        var expected = await sqlite.GetJson("/api/facets");
        var actual = await pg.GetJson("/api/facets");
        Assert.True(expected.GetProperty("events").GetInt64() > 0);
        Assert.NotEmpty(expected.GetProperty("outlets").EnumerateArray());
        Assert.Equal(expected.GetRawText(), actual.GetRawText());
    }

    [SkippableFact]
    public async Task Fused_events_match_in_order()
    {
        var (sqlite, pg) = fixture.Clients();
        var expected = await sqlite.GetJson("/api/fused?limit=5000");
        var actual = await pg.GetJson("/api/fused?limit=5000");
        Assert.True(expected.Total() > 0);
        Assert.Contains(expected.Items(), f => f.GetProperty("reports").GetArrayLength() > 1);
        Assert.Equal(expected.GetRawText(), actual.GetRawText());
        // Paging walks the same order.
        Assert.Equal((await sqlite.GetJson("/api/fused?limit=7&offset=5")).GetRawText(), (await pg.GetJson("/api/fused?limit=7&offset=5")).GetRawText());
    }

    [SkippableFact]
    public async Task Claims_match_unfiltered_by_words_and_by_document()
    {
        var (sqlite, pg) = fixture.Clients();
        var all = await sqlite.GetJson("/api/claims?limit=5000");
        Assert.True(all.Total() > 0);
        var first = all.Items().First();
        var document = first.GetProperty("doc").GetString()!;
        // A word of the first claim, upper-cased: the word filter ignores case in both stores.
        var word = first.GetProperty("claim").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First().ToUpperInvariant();
        foreach (var query in new[] { "limit=5000", "limit=5000&q=" + Uri.EscapeDataString(word), "limit=5000&doc=" + Uri.EscapeDataString(document), "limit=2&offset=1", "q=%25" })
        {
            var expected = await sqlite.GetJson("/api/claims?" + query);
            var actual = await pg.GetJson("/api/claims?" + query);
            Assert.Equal(expected.Total(), actual.Total());
            Assert.Equal(Sorted(expected.Items(), "id"), Sorted(actual.Items(), "id"));
            Assert.Equal(expected.GetProperty("documents").GetRawText(), actual.GetProperty("documents").GetRawText());
        }
        var byWord = await pg.GetJson("/api/claims?limit=5000&q=" + Uri.EscapeDataString(word));
        Assert.InRange(byWord.Total(), 1, all.Total());
        // '%' is a character, not a wildcard.
        Assert.Equal(0, (await pg.GetJson("/api/claims?q=%25")).Total());
    }

    [SkippableFact]
    public async Task Csv_and_geojson_exports_match()
    {
        var (sqlite, pg) = fixture.Clients();
        foreach (var query in new[] { "", "?type=Battles&" + BoxAndDates })
        {
            var (expectedCsv, expectedTotal) = await Download(sqlite, "/api/export.csv" + query);
            var (actualCsv, actualTotal) = await Download(pg, "/api/export.csv" + query);
            Assert.Equal(expectedTotal, actualTotal);
            var expectedLines = expectedCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var actualLines = actualCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.True(expectedLines.Length > 1, "the export is empty");
            Assert.Equal(expectedLines[0], actualLines[0]);
            Assert.Equal(expectedLines.Skip(1).Order(StringComparer.Ordinal), actualLines.Skip(1).Order(StringComparer.Ordinal));

            var (expectedGeo, _) = await Download(sqlite, "/api/export.geojson" + query);
            var (actualGeo, _) = await Download(pg, "/api/export.geojson" + query);
            using var e = JsonDocument.Parse(expectedGeo);
            using var a = JsonDocument.Parse(actualGeo);
            var expectedFeatures = e.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetRawText()).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(expectedFeatures);
            Assert.Equal(expectedFeatures, a.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetRawText()).Order(StringComparer.Ordinal));
        }
    }

    private static async Task<(string Body, string? Total)> Download(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        return (body, response.Headers.TryGetValues("X-Total-Count", out var values) ? values.Single() : null);
    }

    private static void AssertSamePage(JsonElement expected, JsonElement actual)
    {
        Assert.Equal(expected.Total(), actual.Total());
        Assert.Equal(expected.GetProperty("limit").GetInt32(), actual.GetProperty("limit").GetInt32());
        Assert.Equal(expected.GetProperty("offset").GetInt32(), actual.GetProperty("offset").GetInt32());
        Assert.Equal(Sorted(expected.Items(), "id"), Sorted(actual.Items(), "id"));
        Assert.Equal(Sorted(expected.GetProperty("documents")), Sorted(actual.GetProperty("documents")));
    }

    private static string? DateValue(JsonElement e) =>
        e.TryGetProperty("date", out var date) && date.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The items as JSON text, sorted by a key: the order of ties is the stores' insertion order, which may differ.</summary>
    private static List<string> Sorted(IEnumerable<JsonElement> items, string key) =>
        [.. items.OrderBy(i => i.GetProperty(key).GetString(), StringComparer.Ordinal).Select(i => i.GetRawText())];

    /// <summary>An object's properties as "name=json", sorted by name.</summary>
    private static List<string> Sorted(JsonElement map) =>
        [.. map.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetRawText()).Order(StringComparer.Ordinal)];

    private static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetRawText();
    }
}
