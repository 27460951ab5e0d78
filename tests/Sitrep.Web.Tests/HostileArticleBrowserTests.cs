using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Sitrep.Web.Tests;

/// <summary>A hostile article in the browser, on its own server so the other views stay clean.</summary>
public sealed class HostileArticleBrowserTests(LiveServer server) : IClassFixture<LiveServer>
{
    [SkippableFact]
    public async Task Hostile_article_renders_as_inert_text_in_every_view()
    {
        Skip.If(server.Browser is null, "No Chromium installed.");
        using (var http = new HttpClient())
        {
            var created = await http.PostAsync(server.BaseUrl + "/api/documents",
                new StringContent(JsonSerializer.Serialize(SecurityTests.HostileDocument), Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }
        var page = await DashboardBrowserTests.OpenDashboard(server);
        var dialogs = 0;
        page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };

        // Table and outlet filter: the outlet's markup is shown as text.
        await page.FillAsync("#f-q", "Saraqib");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#events tbody tr').length >= 1 && Number(document.body.dataset.total) < 100");
        Assert.Contains("<b onmouseover", string.Concat(await page.Locator("#events tbody td").AllTextContentsAsync()));
        Assert.True(await page.Locator("#f-outlet option", new() { HasTextString = "<b onmouseover" }).CountAsync() == 1);

        // Event panel and article: the markup is characters, not elements.
        var row = page.Locator("#events tbody tr", new() { HasTextString = "<b onmouseover" }).First;
        await row.ClickAsync();
        await page.Locator("#doc-text mark.evidence").First.WaitForAsync();
        var text = await page.Locator("#doc-text").TextContentAsync();
        Assert.Contains("<script>window.__pwned = 'script';</script>", text);
        Assert.Contains("<img src=x onerror=", text);
        Assert.Contains("javascript:window.__pwned='link'", text);
        Assert.Equal(0, await page.Locator(".panel script, .panel img, .panel iframe, .panel svg, .panel b, #doc-text a").CountAsync());
        // The javascript: URL is not made a link.
        Assert.Equal(0, await page.Locator("#event-sources a").CountAsync());
        Assert.Contains("javascript:window.__pwned='url'", await page.Locator("#event-sources").TextContentAsync());
        Assert.Contains("<img src=x", await page.Locator("#doc-meta").TextContentAsync());

        Assert.Null(await page.EvaluateAsync<string?>("() => window.__pwned ?? null"));
        Assert.Equal(0, dialogs);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(LiveServer.ArtifactDirectory, "hostile-article.png") });
    }
}
