using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Sitrep.Web.Tests;

/// <summary>The dashboard in headless Chromium over the sample store. Skipped when no Chromium is installed.</summary>
public sealed class DashboardBrowserTests(LiveServer server) : IClassFixture<LiveServer>
{
    private Task<IPage> OpenDashboard() => OpenDashboard(server);

    internal static async Task<IPage> OpenDashboard(LiveServer server)
    {
        Skip.If(server.Browser is null, "No Chromium installed (apt-get install -y chromium); browser tests skipped.");
        var page = await server.NewPage();
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);
        await page.GotoAsync(server.BaseUrl + "/");
        await page.WaitForFunctionAsync("() => Number(document.body.dataset.total) > 0");
        Assert.Empty(errors);
        return page;
    }

    private static async Task<int> Total(IPage page) =>
        int.Parse(await page.EvaluateAsync<string>("() => document.body.dataset.total"), System.Globalization.CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Dashboard_shows_markers_filters_by_type_opens_evidence_and_exports()
    {
        var page = await OpenDashboard();
        var (events, _, _) = SampleStore.Counts(server.DatabasePath);

        // Markers (single events and clusters) are on the map, and the count is the store's.
        Assert.True(await page.Locator(".event-marker, .event-cluster").CountAsync() > 0);
        Assert.Equal(events, await Total(page));
        Assert.Equal($"{events} events", await page.Locator("#count").TextContentAsync());
        Assert.True(await page.Locator("#events tbody tr").CountAsync() > 0);
        Assert.True(await page.Locator(".leaflet-overlay-pane path, .leaflet-basemap-pane path").CountAsync() > 10, "basemap drawn");

        // Filter by event type: the count drops and every row is of that type.
        var option = await page.Locator("#f-type option").Nth(1).GetAttributeAsync("value");
        await page.SelectOptionAsync("#f-type", option!);
        await page.WaitForFunctionAsync($"() => Number(document.body.dataset.total) < {events}");
        var filtered = await Total(page);
        Assert.InRange(filtered, 1, (int)events - 1);
        Assert.Equal($"{filtered} events", await page.Locator("#count").TextContentAsync());
        var types = await page.Locator("#events tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.All(types, t => Assert.Equal(option, t.Trim()));

        // Open an event: the article shows with its evidence highlighted, matching the API's evidence text.
        var firstRow = page.Locator("#events tbody tr").First;
        var eventId = await firstRow.GetAttributeAsync("data-id");
        await firstRow.ClickAsync();
        await page.Locator("#doc-text mark.evidence").First.WaitForAsync();
        var marked = string.Concat(await page.Locator("#doc-text mark.evidence").AllTextContentsAsync());
        using var http = new HttpClient();
        var report = await http.GetFromJsonAsync<JsonElement>($"{server.BaseUrl}/api/events/{Uri.EscapeDataString(eventId!)}");
        var evidence = string.Concat(report.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("text").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(marked));
        Assert.Equal(evidence, marked);
        Assert.Contains(option!, await page.Locator("#event-head").TextContentAsync());
        Assert.True(await page.Locator("#event-sources li").CountAsync() >= 1);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(LiveServer.ArtifactDirectory, "dashboard.png") });

        // Export CSV of the current filter.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path!, Encoding.UTF8);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event_id_cnty,", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(filtered, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Contains("," + option + ",", line));
    }

    [SkippableFact]
    public async Task Timeline_brush_filters_by_date()
    {
        var page = await OpenDashboard();
        var before = await Total(page);
        var box = await page.Locator("#timeline").BoundingBoxAsync();
        // Drag over the right half of the timeline: the older events drop out.
        await page.Mouse.MoveAsync(box!.X + box.Width * 0.55f, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.99f, box.Y + box.Height / 2, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.WaitForFunctionAsync($"() => Number(document.body.dataset.total) < {before}");
        Assert.NotEqual("", await page.InputValueAsync("#f-from"));
        Assert.NotEqual("", await page.InputValueAsync("#f-to"));
        await page.Locator("#timeline-clear").ClickAsync();
        await page.WaitForFunctionAsync($"() => Number(document.body.dataset.total) === {before}");
    }

    [SkippableFact]
    public async Task Claims_view_lists_claims_and_opens_their_article()
    {
        var page = await OpenDashboard();
        var (_, _, claims) = SampleStore.Counts(server.DatabasePath);
        Skip.If(claims == 0, "The sample store has no claims.");
        await page.Locator("#tab-claims").ClickAsync();
        await page.Locator("#claims li").First.WaitForAsync();
        Assert.Equal(claims, await page.Locator("#claims li").CountAsync());
        await page.Locator("#claims li").First.ClickAsync();
        await page.Locator("#doc-text mark.evidence").First.WaitForAsync();
        Assert.Equal("Claim", (await page.Locator("#event-head .type-line").TextContentAsync())?.Trim());
    }
}
