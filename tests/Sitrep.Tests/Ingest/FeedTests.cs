using Sitrep.Documents;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public class FeedTests
{
    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Desert Front Monitor</title>
            <link>https://monitor.example/</link>
            <item>
              <title>Ambush on army convoy near Al-Sukhnah</title>
              <link>https://monitor.example/2023/ambush</link>
              <guid isPermaLink="false">dfm-1001</guid>
              <pubDate>Tue, 15 Aug 2023 09:30:00 +0300</pubDate>
              <description>Short teaser.</description>
              <content:encoded><![CDATA[<p>Gunmen attacked an army convoy near <b>Al-Sukhnah</b> on Monday.</p>]]></content:encoded>
            </item>
            <item>
              <title>Shelling reported in Jisr al-Shughur</title>
              <link>https://monitor.example/2023/shelling</link>
              <dc:date>2023-08-16T07:00:00Z</dc:date>
              <description>&lt;p&gt;Artillery shells hit the outskirts of the town.&lt;/p&gt;</description>
            </item>
            <item>
              <title>Headline only</title>
            </item>
            <item>
              <description>No link, no guid: the id falls back to the file and item number.</description>
            </item>
          </channel>
        </rss>
        """;

    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Euphrates Watch</title>
          <id>urn:example:euphrates-watch</id>
          <updated>2019-05-02T10:00:00Z</updated>
          <entry>
            <title>Car bomb in Manbij market</title>
            <id>urn:example:ew:1</id>
            <link rel="self" href="https://watch.example/api/1"/>
            <link rel="alternate" href="https://watch.example/manbij-car-bomb"/>
            <published>2019-05-01T12:00:00Z</published>
            <updated>2019-05-01T13:00:00Z</updated>
            <content type="html">&lt;p&gt;A car bomb exploded in the market of Manbij.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Raid east of Deir ez-Zor</title>
            <link href="https://watch.example/raid"/>
            <updated>2019-05-02T08:00:00Z</updated>
            <summary>Coalition forces raided a house east of Deir ez-Zor.</summary>
          </entry>
          <entry>
            <title type="text">XHTML entry</title>
            <id>urn:example:ew:3</id>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Clashes near <em>Tabqa</em> dam.</p></div></content>
          </entry>
        </feed>
        """;

    private static List<IngestItem> ReadFeed(ScratchFolder scratch, string name, string xml) =>
        new InputReader().Read([scratch.Write(name, xml)]).ToList();

    [Fact]
    public void Rss_items_parse_with_title_link_date_outlet_and_content()
    {
        using var scratch = new ScratchFolder();
        var items = ReadFeed(scratch, "front.rss", Rss);
        var path = Path.Combine(scratch.Root, "front.rss");
        Assert.Equal(4, items.Count);

        var first = Assert.IsType<IngestedDocument>(items[0]).Document;
        Assert.Equal("dfm-1001", first.Id);
        Assert.Equal($"{path}#1", first.Source);
        Assert.Equal(DocumentFormat.Html, first.Format);
        Assert.Equal("Ambush on army convoy near Al-Sukhnah", first.Title);
        Assert.Equal("https://monitor.example/2023/ambush", first.Url);
        Assert.Equal("Tue, 15 Aug 2023 09:30:00 +0300", first.Published);
        Assert.Equal("Desert Front Monitor", first.Outlet);
        Assert.Equal("<p>Gunmen attacked an army convoy near <b>Al-Sukhnah</b> on Monday.</p>", first.Content);

        var second = Assert.IsType<IngestedDocument>(items[1]).Document;
        Assert.Equal("https://monitor.example/2023/shelling", second.Id);
        Assert.Equal("2023-08-16T07:00:00Z", second.Published);
        Assert.Equal("<p>Artillery shells hit the outskirts of the town.</p>", second.Content);

        var empty = Assert.IsType<IngestFailure>(items[2]);
        Assert.Equal($"{path}#3", empty.Source);
        Assert.Equal("item 3 has no text (no content:encoded or description)", empty.Reason);

        var bare = Assert.IsType<IngestedDocument>(items[3]).Document;
        Assert.Equal("front.rss#4", bare.Id);
        Assert.Null(bare.Url);
        Assert.Null(bare.Title);
    }

    [Fact]
    public void Atom_entries_parse_with_title_link_date_outlet_and_content()
    {
        using var scratch = new ScratchFolder();
        var docs = ReadFeed(scratch, "watch.atom", Atom).Select(i => Assert.IsType<IngestedDocument>(i).Document).ToList();
        Assert.Equal(3, docs.Count);

        Assert.Equal("urn:example:ew:1", docs[0].Id);
        Assert.Equal("Car bomb in Manbij market", docs[0].Title);
        Assert.Equal("https://watch.example/manbij-car-bomb", docs[0].Url);
        Assert.Equal("2019-05-01T12:00:00Z", docs[0].Published);
        Assert.Equal("Euphrates Watch", docs[0].Outlet);
        Assert.Equal(DocumentFormat.Html, docs[0].Format);
        Assert.Equal("<p>A car bomb exploded in the market of Manbij.</p>", docs[0].Content);

        Assert.Equal("https://watch.example/raid", docs[1].Id);
        Assert.Equal("2019-05-02T08:00:00Z", docs[1].Published);
        Assert.Equal(DocumentFormat.TextBody, docs[1].Format);
        Assert.Equal("Coalition forces raided a house east of Deir ez-Zor.", docs[1].Content);

        Assert.Equal(DocumentFormat.Html, docs[2].Format);
        Assert.Contains("<em", docs[2].Content);
        Assert.Contains("Tabqa</em> dam.</p>", docs[2].Content);
    }

    [Fact]
    public void Broken_feed_is_one_failure_and_no_items()
    {
        var path = BadInputs.PathOf("broken-feed.rss");
        var failure = Assert.IsType<IngestFailure>(Assert.Single(new InputReader().Read([path])));
        Assert.Equal(path, failure.Source);
        Assert.StartsWith("broken XML at line 8: ", failure.Reason);
    }

    [Fact]
    public void Dtd_is_refused()
    {
        using var scratch = new ScratchFolder();
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <rss version="2.0"><channel><item><description>&b;</description></item></channel></rss>
            """;
        var failure = Assert.IsType<IngestFailure>(Assert.Single(ReadFeed(scratch, "bomb.xml", bomb)));
        Assert.StartsWith("broken XML", failure.Reason);
        Assert.Contains("DTD", failure.Reason);
    }

    [Theory]
    [InlineData("<urlset><url><loc>https://x.example/</loc></url></urlset>", "not an RSS or Atom feed (root element <urlset>)")]
    [InlineData("   \n", "empty file")]
    public void Non_feeds_fail_clearly(string xml, string reason)
    {
        using var scratch = new ScratchFolder();
        var failure = Assert.IsType<IngestFailure>(Assert.Single(ReadFeed(scratch, "sitemap.xml", xml)));
        Assert.Equal(reason, failure.Reason);
    }

    [Fact]
    public void Feed_in_a_legacy_encoding_is_decoded_from_its_declaration()
    {
        TextDecoding.EnsureCodePages();
        using var scratch = new ScratchFolder();
        const string xml = "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel><title>مرصد</title>" +
            "<item><title>قصف</title><description>قصف مدفعي على ريف إدلب</description></item></channel></rss>";
        var path = scratch.Write("ar.rss", System.Text.Encoding.GetEncoding(1256).GetBytes(xml));
        var doc = Assert.IsType<IngestedDocument>(Assert.Single(new InputReader().Read([path]))).Document;
        Assert.Equal("قصف مدفعي على ريف إدلب", doc.Content);
        Assert.Equal("مرصد", doc.Outlet);
    }
}
