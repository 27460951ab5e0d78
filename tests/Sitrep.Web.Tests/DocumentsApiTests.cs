using System.Net;
using System.Text;
using System.Text.Json;

namespace Sitrep.Web.Tests;

public sealed class DocumentsApiTests(SitrepFactory factory) : IClassFixture<SitrepFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private const string Report =
        "Syrian government forces shelled the town of Saraqib in Idlib province on Monday, killing three civilians, " +
        "the Syrian Observatory for Human Rights said.";

    private Task<HttpResponseMessage> Post(string json) =>
        _client.PostAsync("/api/documents", new StringContent(json, Encoding.UTF8, "application/json"));

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public async Task Stored_document_has_its_text_spans_and_events()
    {
        var page = await _client.GetJson("/api/events?limit=1");
        var docId = page.Items().Single().GetProperty("doc").GetString()!;
        var doc = await _client.GetJson("/api/documents/" + Uri.EscapeDataString(docId));
        var text = doc.GetProperty("text").GetString()!;
        Assert.Equal(docId, doc.GetProperty("id").GetString());
        var body = doc.GetProperty("body").EnumerateArray().ToList();
        Assert.NotEmpty(body);
        Assert.All(body, s => Assert.InRange(s.GetProperty("end").GetInt32(), s.GetProperty("start").GetInt32(), text.Length));
        Assert.NotEmpty(doc.GetProperty("events").EnumerateArray());
        Assert.Equal(JsonValueKind.Array, doc.GetProperty("comments").ValueKind);
    }

    [Fact]
    public async Task Unknown_document_is_404()
    {
        var body = await _client.GetJson("/api/documents/does-not-exist", HttpStatusCode.NotFound);
        Assert.Contains("does-not-exist", body.Error());
    }

    [Fact]
    public async Task Posted_document_runs_the_pipeline_and_is_stored_once()
    {
        var before = SampleStore.Counts(factory.DatabasePath);
        var json = Json(new { id = "api-post-1", title = "Shelling in Idlib", text = Report, outlet = "Test Wire", published = "2024-03-05" });
        using var created = await Post(json);
        var answer = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/documents/api-post-1", created.Headers.Location?.OriginalString);
        Assert.NotEmpty(answer.GetProperty("events").EnumerateArray());

        var doc = await _client.GetJson("/api/documents/api-post-1");
        Assert.Contains("Saraqib", doc.GetProperty("text").GetString());
        Assert.Equal("Test Wire", doc.GetProperty("outlet").GetString());
        Assert.Equal("2024-03-05", doc.GetProperty("published").GetString());
        var events = await _client.GetJson("/api/events?outlet=Test%20Wire");
        Assert.Equal(answer.GetProperty("events").GetArrayLength(), events.Total());

        // The same document again replaces itself: no duplicates.
        using var again = await Post(json);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var after = SampleStore.Counts(factory.DatabasePath);
        Assert.Equal(before.Documents + 1, after.Documents);
        Assert.Equal(before.Events + answer.GetProperty("events").GetArrayLength(), after.Events);
    }

    [Fact]
    public async Task Posted_html_is_cleaned()
    {
        var json = Json(new { id = 42, html = "<html><body><nav>Home | Donate</nav><article><p>" + Report + "</p></article></body></html>" });
        using var created = await Post(json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var doc = await _client.GetJson("/api/documents/42");
        Assert.DoesNotContain("<p>", doc.GetProperty("text").GetString());
        Assert.Contains("Saraqib", doc.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("{\"id\": \"x\", \"text\": ", "not valid JSON")]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("", "empty")]
    [InlineData("[1, 2]", "one JSON object")]
    [InlineData("{\"text\": \"Clashes in Homs.\"}", "\"id\"")]
    [InlineData("{\"id\": \"  \", \"text\": \"Clashes in Homs.\"}", "\"id\"")]
    [InlineData("{\"id\": \"x\"}", "\"text\" or \"html\"")]
    [InlineData("{\"id\": \"x\", \"text\": \"   \"}", "\"text\" or \"html\"")]
    [InlineData("{\"id\": {\"a\": 1}, \"text\": \"Clashes in Homs.\"}", "\"id\" must be a string")]
    [InlineData("{\"id\": \"x\", \"text\": [\"a\"]}", "\"text\" must be a string")]
    [InlineData("{\"id\": \"x\", \"text\": \"a\", \"outlet\": 5}", "\"outlet\" must be a string")]
    public async Task Bad_bodies_are_400_with_a_message(string body, string expected)
    {
        using var response = await Post(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, JsonDocument.Parse(text).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Overlong_id_is_400()
    {
        using var response = await Post(Json(new { id = new string('x', 201), text = Report }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_and_nothing_is_stored()
    {
        var before = SampleStore.Counts(factory.DatabasePath);
        var huge = Json(new { id = "too-big", text = string.Concat(Enumerable.Repeat(Report + " ", 3000)) });
        Assert.True(Encoding.UTF8.GetByteCount(huge) > 256 * 1024);
        using var response = await Post(huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal(before.Documents, SampleStore.Counts(factory.DatabasePath).Documents);
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_413()
    {
        var huge = Encoding.UTF8.GetBytes(Json(new { id = "too-big-chunked", text = new string('a', 300 * 1024) }));
        using var content = new StreamContent(new MemoryStream(huge));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
