using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sitrep.Web.Tests;

public sealed partial class SecurityTests(SitrepFactory factory) : IClassFixture<SitrepFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>A conflict report that carries every kind of markup an attacker would try.</summary>
    public const string HostileText =
        "Syrian government forces shelled the town of Saraqib in Idlib province on Monday, killing three civilians. " +
        "<script>window.__pwned = 'script';</script> Witnesses said <img src=x onerror=\"window.__pwned='img'\"> " +
        "the attack lasted an hour. See <a href=\"javascript:window.__pwned='link'\">the video</a> and javascript:alert(1) for more. " +
        "<svg onload=\"window.__pwned='svg'\"></svg> <iframe src=\"javascript:alert(2)\"></iframe>";

    public static readonly object HostileDocument = new
    {
        id = "hostile-1",
        title = "<img src=x onerror=\"window.__pwned='title'\">Saraqib shelling",
        text = HostileText,
        outlet = "<b onmouseover=\"window.__pwned='outlet'\">Evil Outlet</b>",
        url = "javascript:window.__pwned='url'",
        published = "2024-03-05",
    };

    [Fact]
    public async Task Hostile_document_is_stored_verbatim_and_served_as_escaped_json()
    {
        using var created = await _client.PostAsync("/api/documents",
            new StringContent(JsonSerializer.Serialize(HostileDocument), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var response = await _client.GetAsync("/api/documents/hostile-1");
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        // No markup survives as characters in the payload: < > are escaped, so even a sniffing client sees no tags.
        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\u003Cscript\\u003E", raw, StringComparison.OrdinalIgnoreCase);
        // ...and the text itself is intact once parsed.
        var doc = JsonDocument.Parse(raw).RootElement;
        Assert.Contains("<script>window.__pwned = 'script';</script>", doc.GetProperty("text").GetString());
        Assert.Contains("onerror=", doc.GetProperty("text").GetString());
        Assert.Equal("<b onmouseover=\"window.__pwned='outlet'\">Evil Outlet</b>", doc.GetProperty("outlet").GetString());

        var events = await _client.GetAsync("/api/events?limit=5000&q=Saraqib");
        var eventsRaw = await events.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<b ", eventsRaw);
        Assert.DoesNotContain("<img", eventsRaw);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/app.js")]
    [InlineData("/app.css")]
    [InlineData("/vendor/leaflet/leaflet.js")]
    [InlineData("/data/basemap.geojson")]
    [InlineData("/api/events")]
    [InlineData("/api/events?bbox=bad")]
    [InlineData("/api/events/none")]
    [InlineData("/api/nothing")]
    [InlineData("/api/export.csv")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_content_security_policy(string path)
    {
        using var response = await _client.GetAsync(path);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("style-src 'self'", policy);
        Assert.Contains("img-src 'self' data:", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
    }

    [Fact]
    public async Task Post_errors_carry_the_policy_too()
    {
        using var response = await _client.PostAsync("/api/documents", new StringContent("{", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_style_and_loads_nothing_from_other_origins()
    {
        var html = await _client.GetStringAsync("/");
        Assert.Contains("<script src=\"app.js\"", html);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(EventHandlerAttribute(), html);
        Assert.DoesNotContain("//unpkg", html);
        Assert.DoesNotContain("https://", html);
        var js = await _client.GetStringAsync("/app.js");
        Assert.DoesNotContain("innerHTML", js);
        Assert.DoesNotContain("insertAdjacentHTML", js);
        Assert.DoesNotContain("eval(", js);
    }

    [Fact]
    public async Task Static_files_are_served_from_the_embedded_page()
    {
        using var leaflet = await _client.GetAsync("/vendor/leaflet/leaflet.js");
        Assert.Equal(HttpStatusCode.OK, leaflet.StatusCode);
        Assert.Contains("Leaflet 1.9.4", await leaflet.Content.ReadAsStringAsync());
        var basemap = JsonDocument.Parse(await _client.GetStringAsync("/data/basemap.geojson")).RootElement;
        var names = basemap.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()).ToList();
        Assert.Contains("Deir-ez-Zor", names);
        Assert.Contains("Ninewa", names);
    }

    [Fact]
    public async Task OpenApi_document_describes_every_endpoint()
    {
        var spec = await _client.GetJson("/openapi/v1.json");
        Assert.StartsWith("3.", spec.GetProperty("openapi").GetString());
        var paths = spec.GetProperty("paths");
        foreach (var path in new[] { "/api/events", "/api/events/{id}", "/api/fused", "/api/documents", "/api/documents/{id}",
                                     "/api/claims", "/api/export.csv", "/api/export.geojson", "/api/facets" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        Assert.True(paths.GetProperty("/api/documents").TryGetProperty("post", out _));
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
