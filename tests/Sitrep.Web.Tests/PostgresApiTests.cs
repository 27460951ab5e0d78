using System.Net;
using System.Text;
using System.Text.Json;
using Sitrep.Postgres;

namespace Sitrep.Web.Tests;

/// <summary>A PostgreSQL sample store of its own, for the tests that write or try to break in.</summary>
public sealed class PgWritableFixture : IDisposable
{
    public PgSampleDatabase Postgres { get; } = new();
    public SitrepFactory Sqlite { get; } = new();
    private PgSitrepFactory? _pgHost;

    public HttpClient PostgresClient()
    {
        var connection = Postgres.Require();
        _pgHost ??= new PgSitrepFactory(connection);
        return _pgHost.CreateClient();
    }

    public void Dispose()
    {
        _pgHost?.Dispose();
        Sqlite.Dispose();
        Postgres.Dispose();
    }
}

public sealed class PostgresApiTests(PgWritableFixture fixture) : IClassFixture<PgWritableFixture>
{
    private const string Report =
        "Syrian government forces shelled the town of Saraqib in Idlib province on Monday, killing three civilians, " +
        "the Syrian Observatory for Human Rights said.";

    private (long Events, long Documents, long Claims) Counts()
    {
        using var store = PostgresStore.Open(fixture.Postgres.Require());
        return (store.CountEvents(), store.CountDocuments(), store.CountClaims());
    }

    [SkippableTheory]
    [InlineData("/api/events?type=Battles'%20OR%20'1'='1")]
    [InlineData("/api/events?type=Battles%27%3B%20DROP%20TABLE%20events%3B%20--")]
    [InlineData("/api/events?actor=x')%20OR%201=1%20--")]
    [InlineData("/api/events?outlet=x'%20OR%20''='")]
    [InlineData("/api/events?sub_type=$1")]
    [InlineData("/api/claims?doc='%20OR%20''='")]
    [InlineData("/api/claims?q='))%20OR%20true%20--")]
    public async Task Injection_in_a_filter_matches_nothing_and_changes_nothing(string path)
    {
        var client = fixture.PostgresClient();
        var before = Counts();
        Assert.True(before.Events > 0);
        var page = await client.GetJson(path);
        // Taken as a literal value, which no event, outlet, actor or claim has.
        Assert.Equal(0, page.Total());
        Assert.Empty(page.Items());
        Assert.Equal(before, Counts());
    }

    [SkippableFact]
    public async Task Injection_in_the_words_and_ids_is_harmless()
    {
        var client = fixture.PostgresClient();
        var before = Counts();
        var words = await client.GetJson("/api/events?q=" + Uri.EscapeDataString("'; DROP TABLE events; --"));
        Assert.Equal(0, words.Total());
        var report = await client.GetJson("/api/events/" + Uri.EscapeDataString("x' OR '1'='1"), HttpStatusCode.NotFound);
        Assert.Contains("x' OR '1'='1", report.Error());
        await client.GetJson("/api/documents/" + Uri.EscapeDataString("x'; DELETE FROM documents; --"), HttpStatusCode.NotFound);
        var facets = await client.GetJson("/api/facets");
        Assert.Equal(before.Events, facets.GetProperty("events").GetInt64());
        Assert.Equal(before, Counts());
    }

    [SkippableFact]
    public async Task Posted_document_answers_as_on_sqlite_and_is_stored_once()
    {
        var client = fixture.PostgresClient();
        var sqlite = fixture.Sqlite.CreateClient();
        var before = Counts();
        var json = JsonSerializer.Serialize(new { id = "pg-post-o'brien", title = "Shelling in Idlib", text = Report, outlet = "PG Wire", published = "2024-03-05" });

        async Task<(HttpStatusCode, string, string?)> Post(HttpClient to)
        {
            using var response = await to.PostAsync("/api/documents", new StringContent(json, Encoding.UTF8, "application/json"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
        }

        var (status, body, location) = await Post(client);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(await Post(sqlite), (status, body, location));
        var answer = JsonDocument.Parse(body).RootElement;
        var eventCount = answer.GetProperty("events").GetArrayLength();
        Assert.True(eventCount > 0);

        var stored = await client.GetJson(location!);
        Assert.Equal((await sqlite.GetJson(location!)).GetRawText(), stored.GetRawText());
        Assert.Equal("2024-03-05", stored.GetProperty("published").GetString());
        var listed = await client.GetJson("/api/events?outlet=PG%20Wire");
        Assert.Equal(eventCount, listed.Total());
        var first = answer.GetProperty("events")[0].GetString()!;
        var evented = await client.GetJson("/api/events/" + Uri.EscapeDataString(first));
        Assert.Equal((await sqlite.GetJson("/api/events/" + Uri.EscapeDataString(first))).GetRawText(), evented.GetRawText());

        // Posting it again replaces it: no duplicates.
        Assert.Equal(HttpStatusCode.Created, (await Post(client)).Item1);
        Assert.Equal((before.Events + eventCount, before.Documents + 1), (Counts().Events, Counts().Documents));
    }
}
