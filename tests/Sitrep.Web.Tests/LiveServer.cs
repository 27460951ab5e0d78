using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Sitrep.Web.Tests;

/// <summary>
/// The real host on a free loopback port over a copy of the sample store, and a headless Debian
/// Chromium driven by Playwright. When no Chromium is installed, <see cref="Browser"/> is null
/// and the browser tests skip.
/// </summary>
public sealed class LiveServer : IAsyncLifetime
{
    private static readonly string[] ChromiumPaths = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string DatabasePath { get; } = SampleStore.CreateCopy();
    public string BaseUrl { get; private set; } = "";
    public IBrowser? Browser { get; private set; }

    public static string? ChromiumPath => ChromiumPaths.FirstOrDefault(File.Exists);

    /// <summary>Where screenshots go: a folder the test run keeps (TestResults beside the binaries).</summary>
    public static string ArtifactDirectory
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        _app = SitrepWebApp.Create(["--urls", "http://127.0.0.1:0", "--environment", "Production"], o => o.Database = DatabasePath);
        await _app.StartAsync();
        var addresses = _app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []
            : [];
        BaseUrl = addresses.First().TrimEnd('/');

        if (ChromiumPath is not { } chromium) return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--no-first-run", "--disable-sync", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPage()
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
