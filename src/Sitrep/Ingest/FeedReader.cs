using System.Text;
using System.Xml;
using System.Xml.Linq;
using Sitrep.Documents;

namespace Sitrep.Ingest;

/// <summary>
/// Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed into one raw document per item (source <c>path#n</c>).
/// DTDs are refused, so entity tricks cannot blow up memory or reach the network.
/// </summary>
internal static class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    public static IEnumerable<IngestItem> Read(string path, long maxBytes)
    {
        // The whole feed is parsed before any item is given out: a feed broken half-way fails as one.
        foreach (var item in ReadAll(path, maxBytes)) yield return item;
    }

    private static List<IngestItem> ReadAll(string path, long maxBytes)
    {
        var bytes = InputReader.ReadBytes(path, maxBytes, "feed", out var failure);
        if (bytes is null) return [failure!];
        if (bytes.Length == 0 || bytes.AsSpan().IndexOfAnyExcept(" \t\r\n"u8) < 0) return [new IngestFailure(path, "empty file")];

        XDocument document;
        try
        {
            document = Load(bytes);
        }
        catch (XmlException ex)
        {
            var where = ex.LineNumber > 0 ? $" at line {ex.LineNumber}" : "";
            return [new IngestFailure(path, $"broken XML{where}: {WithoutPosition(ex.Message)}")];
        }
        catch (Exception ex) when (ex is DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            return [new IngestFailure(path, $"unreadable feed encoding: {ex.Message}")];
        }

        var root = document.Root!;
        var fileName = Path.GetFileName(path);
        return root.Name.LocalName switch
        {
            "rss" => ReadRss(path, fileName, root.Element("channel")?.Elements("item") ?? [], ChannelTitle(root.Element("channel"))),
            "RDF" => ReadRss(path, fileName, Children(root, "item"), ChannelTitle(Children(root, "channel").FirstOrDefault())),
            "feed" when root.Name.Namespace == Atom || root.Name.Namespace == XNamespace.None => ReadAtom(path, fileName, root),
            _ => [new IngestFailure(path, $"not an RSS or Atom feed (root element <{root.Name.LocalName}>)")],
        };
    }

    private static XDocument Load(byte[] bytes)
    {
        TextDecoding.EnsureCodePages();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
        return XDocument.Load(reader, LoadOptions.None);
    }

    private static List<IngestItem> ReadRss(string path, string fileName, IEnumerable<XElement> items, string? outlet)
    {
        var results = new List<IngestItem>();
        var n = 0;
        foreach (var item in items)
        {
            n++;
            var source = $"{path}#{n}";
            var content = NullIfEmpty(Text(Child(item, Content, "encoded"))) ?? Text(RssChild(item, "description"));
            if (string.IsNullOrWhiteSpace(content))
            {
                results.Add(new IngestFailure(source, $"item {n} has no text (no content:encoded or description)"));
                continue;
            }
            var link = Text(RssChild(item, "link"))?.Trim();
            var guid = RssChild(item, "guid");
            var guidText = Text(guid)?.Trim();
            if (string.IsNullOrEmpty(link) && guid is not null && (string?)guid.Attribute("isPermaLink") != "false"
                && guidText is not null && guidText.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                link = guidText;
            var published = Text(RssChild(item, "pubDate"))?.Trim() ?? Text(Child(item, DublinCore, "date"))?.Trim();
            var id = FirstPresent(guidText, link, $"{fileName}#{n}");
            var raw = new RawDocument(id, source, DocumentFormat.Html, content)
            {
                Title = NullIfEmpty(Text(RssChild(item, "title"))?.Trim()),
                Url = NullIfEmpty(link),
                Outlet = outlet,
                Published = NullIfEmpty(published),
            };
            results.Add(new IngestedDocument(raw));
        }
        return results;
    }

    private static List<IngestItem> ReadAtom(string path, string fileName, XElement feed)
    {
        var ns = feed.Name.Namespace;
        var outlet = NullIfEmpty(Text(feed.Element(ns + "title"))?.Trim());
        var results = new List<IngestItem>();
        var n = 0;
        foreach (var entry in feed.Elements(ns + "entry"))
        {
            n++;
            var source = $"{path}#{n}";
            var body = NonBlank(AtomText(entry.Element(ns + "content"))) ?? AtomText(entry.Element(ns + "summary"));
            if (body is null || string.IsNullOrWhiteSpace(body.Value.Content))
            {
                results.Add(new IngestFailure(source, $"item {n} has no text (no content or summary)"));
                continue;
            }
            var link = AtomLink(entry, ns);
            var published = Text(entry.Element(ns + "published"))?.Trim() ?? Text(entry.Element(ns + "updated"))?.Trim();
            var id = FirstPresent(Text(entry.Element(ns + "id"))?.Trim(), link, $"{fileName}#{n}");
            var raw = new RawDocument(id, source, body.Value.Format, body.Value.Content)
            {
                Title = NullIfEmpty(Text(entry.Element(ns + "title"))?.Trim()),
                Url = link,
                Outlet = outlet,
                Published = NullIfEmpty(published),
            };
            results.Add(new IngestedDocument(raw));
        }
        return results;
    }

    /// <summary>An Atom text construct: "html" and "xhtml" are HTML, "text" (the default) is plain text.</summary>
    private static (DocumentFormat Format, string Content)? AtomText(XElement? element)
    {
        if (element is null || element.Attribute("src") is not null) return null;
        var type = ((string?)element.Attribute("type"))?.Trim().ToLowerInvariant() ?? "text";
        if (type == "xhtml")
        {
            var div = element.Elements().FirstOrDefault(e => e.Name.LocalName == "div") ?? element;
            var markup = string.Concat(div.Nodes().Select(node => node.ToString(SaveOptions.DisableFormatting)));
            return (DocumentFormat.Html, markup);
        }
        var isHtml = type is "html" || type.Contains("html", StringComparison.Ordinal);
        return (isHtml ? DocumentFormat.Html : DocumentFormat.TextBody, element.Value);
    }

    private static (DocumentFormat Format, string Content)? NonBlank((DocumentFormat Format, string Content)? text) =>
        text is { } t && !string.IsNullOrWhiteSpace(t.Content) ? text : null;

    private static string? AtomLink(XElement entry, XNamespace ns)
    {
        var links = entry.Elements(ns + "link").ToList();
        var best = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
        return NullIfEmpty(((string?)best?.Attribute("href"))?.Trim());
    }

    private static string? ChannelTitle(XElement? channel) =>
        channel is null ? null : NullIfEmpty(Text(RssChild(channel, "title"))?.Trim());

    /// <summary>A core RSS element: no namespace in RSS 2.0, the RSS 1.0 namespace in RDF feeds.</summary>
    private static XElement? RssChild(XElement parent, string name) =>
        parent.Element(name) ?? parent.Element(Rss1 + name);

    private static XElement? Child(XElement parent, XNamespace ns, string name) => parent.Element(ns + name);

    private static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    private static string? Text(XElement? element) => element?.Value;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string FirstPresent(string? first, string? second, string fallback) =>
        !string.IsNullOrWhiteSpace(first) ? first : !string.IsNullOrWhiteSpace(second) ? second : fallback;

    /// <summary>Drops the parser's trailing "Line 7, position 3." since the line is already given.</summary>
    private static string WithoutPosition(string message)
    {
        var at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return at > 0 && message.EndsWith('.') ? message[..at] : message;
    }
}
