using System.IO.Compression;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Sitrep.Cleaning;
using Sitrep.Documents;

namespace Sitrep.Tests.Cleaning;

public class HtmlCleanerTests
{
    private static readonly DocumentCleaner Cleaner = DocumentCleaner.LoadDefault();
    private static readonly string PagesDir = Path.Combine(AppContext.BaseDirectory, "data", "cleaning", "pages");

    private static string ReadGz(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Document CleanPage(string page) =>
        Cleaner.Clean(new RawDocument(page, page, DocumentFormat.Html, ReadGz(Path.Combine(PagesDir, page, "source.html.gz"))));

    private static string Squash(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The longest paragraphs of the reference article.</summary>
    private static List<string> KeyParagraphs(string page, int count)
    {
        var expected = new HtmlParser().ParseDocument(ReadGz(Path.Combine(PagesDir, page, "expected.html.gz")));
        return expected.QuerySelectorAll("p").Select(p => Squash(p.TextContent)).Where(t => t.Length > 60)
            .OrderByDescending(t => t.Length).Take(count).ToList();
    }

    public static TheoryData<string> Pages => ["ars-1", "bbc-1", "liberation-1", "wordpress", "medium-2", "la-nacion", "ebb-org", "lemonde-1"];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Body_contains_the_key_paragraphs_of_the_article(string page)
    {
        var document = CleanPage(page);
        var body = Squash(string.Join("\n", document.Body.Select(document.Slice)));
        var keys = KeyParagraphs(page, 5);
        Assert.NotEmpty(keys);
        foreach (var key in keys)
            Assert.Contains(key[..Math.Min(120, key.Length)], body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Body_paragraphs_come_from_the_article(string page)
    {
        var document = CleanPage(page);
        var expected = new HtmlParser().ParseDocument(ReadGz(Path.Combine(PagesDir, page, "expected.html.gz")));
        var reference = Squash(expected.Body?.TextContent ?? "");
        var outside = document.Body.Select(s => Squash(document.Slice(s)))
            .Where(p => p.Length > 40 && !reference.Contains(p[..40], StringComparison.Ordinal)).ToList();
        Assert.True(outside.Count <= document.Body.Length / 10, $"{outside.Count} of {document.Body.Length} body paragraphs are not in the article: {string.Join(" | ", outside.Take(3))}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Title_and_date_match_the_expected_metadata(string page)
    {
        var document = CleanPage(page);
        var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(PagesDir, page, "expected-metadata.json"))).RootElement;
        var title = meta.GetProperty("title").GetString();
        Assert.NotNull(document.Title);
        // Readability keeps a "Title - Site" suffix on some pages; the headline itself must match.
        Assert.StartsWith(document.Title!, title!, StringComparison.Ordinal);
        if (meta.TryGetProperty("publishedTime", out var published) && published.ValueKind == JsonValueKind.String)
            Assert.Equal(PublishedDate.Parse(published.GetString()), document.Published);
        if (meta.TryGetProperty("siteName", out var site) && site.ValueKind == JsonValueKind.String)
            Assert.Equal(site.GetString(), document.Outlet);
    }

    [Theory]
    [InlineData("ars-1", "Sign up or login to join the discussions!")]
    [InlineData("bbc-1", "From the section US & Canada")]
    [InlineData("wordpress", "Click to share on Twitter (Opens in new window)")]
    public void Page_furniture_is_not_body(string page, string furniture)
    {
        var document = CleanPage(page);
        Assert.Contains(furniture, document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Body, s => document.Slice(s).Contains(furniture, StringComparison.Ordinal));
    }

    [Fact]
    public void WordPress_comments_are_comments()
    {
        var document = CleanPage("wordpress");
        Assert.True(document.Comments.Length > 10);
        Assert.False(document.Body.Any(b => document.Comments.Any(c => c.Overlaps(b))));
        var expected = new HtmlParser().ParseDocument(ReadGz(Path.Combine(PagesDir, "wordpress", "expected.html.gz")));
        var reference = Squash(expected.Body?.TextContent ?? "");
        var commentText = document.Comments.Select(s => Squash(document.Slice(s))).Where(c => c.Length > 60).ToList();
        Assert.NotEmpty(commentText);
        Assert.All(commentText, c => Assert.DoesNotContain(c[..60], reference, StringComparison.Ordinal));
    }

    private const string P1 = "Government forces shelled the outskirts of Idlib on Monday, killing four civilians and wounding eleven others, a monitor said.";
    private const string P2 = "The Syrian Observatory for Human Rights reported that the strikes hit a market in the town of Ariha, south of the city.";
    private const string P3 = "Local sources said that rescue teams were still searching the rubble of two buildings, and that the toll could rise.";

    private static string Page(string extra, string head = "") => $$"""
        <!DOCTYPE html><html><head><title>Shelling kills four in Idlib | Syria Desk</title>{{head}}
        <style>p { color: red }</style><script>var x = "not text";</script></head>
        <body>
          <nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/syria">Syria</a></li></ul></nav>
          <article class="post">
            <h1>Shelling kills four in Idlib</h1>
            <div class="entry-content">
              <p>{{P1}}</p>
              <figure><img src="a.jpg"><figcaption>Illustrative image</figcaption></figure>
              <p>{{P2}}</p>
              <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
              <p>{{P3}}</p>
              <p style="display:none">Hidden paragraph that no reader sees, with commas, many, many commas.</p>
              <noscript><p>Please enable JavaScript to view this page properly, thank you.</p></noscript>
            </div>
          </article>
          {{extra}}
          <aside class="sidebar"><h3>Most read</h3><p>Another story entirely about something else, with commas, and more words here.</p></aside>
          <footer><p>© 2024 Syria Desk. All rights reserved.</p></footer>
        </body></html>
        """;

    private static Document CleanHtml(string html, string? url = null) =>
        Cleaner.Clean(new RawDocument("h", "h.html", DocumentFormat.Html, html) { Url = url });

    [Fact]
    public void Visible_text_has_one_line_per_block_without_script_style_or_hidden_content()
    {
        var document = CleanHtml(Page(""));
        var lines = document.Text.Split('\n');
        Assert.Contains(P1, lines);
        Assert.Contains("Shelling kills four in Idlib", lines);
        Assert.DoesNotContain("not text", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("color: red", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden paragraph", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("enable JavaScript", document.Text, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.DoesNotContain("  ", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Article_paragraphs_are_body_and_furniture_is_boilerplate()
    {
        var document = CleanHtml(Page(""));
        Assert.Equal([P1, P2, P3], document.Body.Select(document.Slice).ToArray());
        Assert.Equal("Shelling kills four in Idlib", document.Title);
        Assert.Equal("Shelling kills four in Idlib", document.Slice(document.TitleSpan!.Value));
        Assert.Contains(document.Boilerplate, s => document.Slice(s) == "Illustrative image");
        Assert.Contains(document.Boilerplate, s => document.Slice(s).Contains("Another story", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""<div id="comments" class="comments-area"><h2>2 thoughts on “Shelling”</h2><ol class="comment-list"><li class="comment"><div class="comment-content"><p>This is all propaganda, the real killers are elsewhere and everybody knows it.</p></div></li></ol><div id="respond"><h3>Leave a Reply</h3></div></div>""")]
    [InlineData("""<div id="disqus_thread"><p>This is all propaganda, the real killers are elsewhere and everybody knows it.</p></div>""")]
    [InlineData("""<div id="wpdcom" class="wpdiscuz_unauth"><div class="wpd-thread-list"><div class="wpd-comment-text"><p>This is all propaganda, the real killers are elsewhere and everybody knows it.</p></div></div></div>""")]
    public void Comment_markup_is_comments(string comments)
    {
        var document = CleanHtml(Page(comments));
        Assert.Equal([P1, P2, P3], document.Body.Select(document.Slice).ToArray());
        Assert.Contains(document.Comments, s => document.Slice(s).StartsWith("This is all propaganda", StringComparison.Ordinal));
    }

    [Fact]
    public void Metadata_comes_from_open_graph_and_json_ld()
    {
        const string head = """
            <meta property="og:title" content="Four killed as shelling hits Idlib market">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2019-05-14T08:00:00+03:00","publisher":{"@type":"Organization","name":"Syria Desk"}}]}</script>
            """;
        var document = CleanHtml(Page("", head));
        Assert.Equal("Four killed as shelling hits Idlib market", document.Title);
        Assert.Equal("Syria Desk", document.Outlet);
        Assert.Equal(new DateOnly(2019, 5, 14), document.Published);
    }

    [Fact]
    public void Without_metadata_the_title_tag_url_domain_and_url_date_are_used()
    {
        var document = CleanHtml(Page(""), "https://www.levantdesk.example/news/2021/03/07/shelling-idlib/");
        Assert.Equal("Shelling kills four in Idlib", document.Title);
        Assert.Equal("levantdesk.example", document.Outlet);
        Assert.Equal(new DateOnly(2021, 3, 7), document.Published);
    }

    [Fact]
    public void Without_metadata_a_title_suffix_that_spells_the_domain_is_the_outlet()
    {
        var document = CleanHtml(Page(""), "https://www.syriadesk.example/news/2021/03/07/shelling-idlib/");
        Assert.Equal("Shelling kills four in Idlib", document.Title);
        Assert.Equal("Syria Desk", document.Outlet);
    }

    [Theory]
    [InlineData("Shelling kills four in Idlib | Syria Desk", "syriadesk.example", "Syria Desk")]
    [InlineData("Drone strike on fuel market | The Levant Ledger", "levantledger.com", "The Levant Ledger")]
    [InlineData("Shelling kills four in Idlib - Syria", "syriadesk.example", null)]
    [InlineData("Shelling kills four in Idlib · Nineveh Notebook", null, "Nineveh Notebook")]
    [InlineData("Shelling kills four in Idlib - the latest from the north", null, null)]
    [InlineData("Syria Desk", null, null)]
    public void Site_name_in_title(string title, string? domain, string? expected) =>
        Assert.Equal(expected, PageMetadata.SiteNameInTitle(title, domain));

    [Fact]
    public void Raw_values_win_over_page_metadata()
    {
        var raw = new RawDocument("h", "h", DocumentFormat.Html, Page("", """<meta property="article:published_time" content="2019-05-14">"""))
        { Published = "Tue, 10 Jun 2003 04:00:00 GMT", Outlet = "Given Outlet" };
        var document = Cleaner.Clean(raw);
        Assert.Equal(new DateOnly(2003, 6, 10), document.Published);
        Assert.Equal("Given Outlet", document.Outlet);
    }

    [Fact]
    public void Spans_of_body_comments_and_boilerplate_do_not_overlap()
    {
        var document = CleanPage("wordpress");
        var all = document.Body.Concat(document.Comments).Concat(document.Boilerplate).Order().ToList();
        for (var i = 1; i < all.Count; i++) Assert.True(all[i - 1].End <= all[i].Start);
        Assert.All(all, s => Assert.True(s.End <= document.Text.Length));
    }
}
