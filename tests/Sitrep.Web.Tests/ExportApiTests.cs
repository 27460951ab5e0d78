using System.Net;
using System.Text;
using System.Text.Json;

namespace Sitrep.Web.Tests;

public sealed class ExportApiTests(SitrepFactory factory) : IClassFixture<SitrepFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> MostCommonType()
    {
        var all = await _client.GetJson("/api/events?limit=5000");
        return all.Items().GroupBy(e => e.GetProperty("event_type").GetString()!).OrderByDescending(g => g.Count()).First().Key;
    }

    [Fact]
    public async Task Csv_export_holds_every_event_of_the_filter_with_acled_columns()
    {
        var type = await MostCommonType();
        var page = await _client.GetJson("/api/events?limit=0&type=" + Uri.EscapeDataString(type));
        using var response = await _client.GetAsync("/api/export.csv?type=" + Uri.EscapeDataString(type));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event_id_cnty,event_date,time_precision,event_type,sub_event_type", lines[0]);
        Assert.Equal(page.Total(), lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Contains("," + CsvField(type) + ",", line));
        Assert.Equal(page.Total().ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Total-Count").Single());
    }

    private static string CsvField(string value) => value.Contains(',') ? "\"" + value + "\"" : value;

    [Fact]
    public async Task GeoJson_export_is_a_feature_collection_of_the_filter()
    {
        var type = await MostCommonType();
        using var response = await _client.GetAsync("/api/export.geojson?type=" + Uri.EscapeDataString(type));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var geo = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        var features = geo.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        Assert.All(features, f =>
        {
            Assert.Equal(type, f.GetProperty("properties").GetProperty("event_type").GetString());
            Assert.Equal(2, f.GetProperty("geometry").GetProperty("coordinates").GetArrayLength());
        });
    }

    [Fact]
    public async Task Exports_refuse_paging_and_bad_filters()
    {
        Assert.Contains("limit", (await _client.GetJson("/api/export.csv?limit=10", HttpStatusCode.BadRequest)).Error());
        Assert.Contains("bbox", (await _client.GetJson("/api/export.geojson?bbox=1,2", HttpStatusCode.BadRequest)).Error());
        Assert.Contains("from", (await _client.GetJson("/api/export.csv?from=2024-99-99", HttpStatusCode.BadRequest)).Error());
    }
}
