using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace Sitrep.Cleaning;

/// <summary>Title, outlet and publication date read from a page's meta tags, JSON-LD, markup and URL.</summary>
public sealed record PageMetadata(string? Title, string? SiteName, string? Published, string? Url)
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · "];

    public static PageMetadata Read(IDocument document, string? url)
    {
        string? Meta(params string[] keys)
        {
            foreach (var key in keys)
            {
                foreach (var meta in document.QuerySelectorAll("meta"))
                {
                    var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
                    if (name is null || !name.Equals(key, StringComparison.OrdinalIgnoreCase)) continue;
                    var content = meta.GetAttribute("content");
                    if (!string.IsNullOrWhiteSpace(content)) return Collapse(content);
                }
            }
            return null;
        }

        var ld = JsonLd.Read(document);
        // A page fragment (a feed item, a pasted story) has no head: its first heading is the headline and links to the story.
        var firstHeading = document.QuerySelector("h1") ?? document.QuerySelector("h2") ?? document.QuerySelector("h3");
        var pageUrl = url ?? Meta("og:url") ?? document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
                      ?? HeadlineLink(firstHeading);

        var htmlTitle = document.QuerySelector("title")?.TextContent is { } t ? Collapse(t) : null;
        var siteName = Meta("og:site_name") ?? ld.Publisher ?? Meta("application-name")
                       ?? SiteNameInTitle(htmlTitle, DomainOf(pageUrl)) ?? DomainOf(pageUrl);
        var h1 = document.QuerySelectorAll("h1").Select(e => Collapse(e.TextContent)).Where(s => s.Length > 0).ToList();
        var title = ld.Headline ?? Meta("og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title");
        if (title is null && h1.Count == 1 && htmlTitle is not null && htmlTitle.Contains(h1[0], StringComparison.OrdinalIgnoreCase))
            title = h1[0];
        title ??= htmlTitle is null ? (h1.Count > 0 ? h1[0] : null) : StripSiteName(htmlTitle, siteName);
        if (string.IsNullOrWhiteSpace(title) && firstHeading is not null) title = Collapse(firstHeading.TextContent);
        if (string.IsNullOrWhiteSpace(title)) title = null;

        var published = Meta("article:published_time", "og:published_time", "article:published", "datePublished",
                            "parsely-pub-date", "sailthru.date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
                            "dcterms.created", "dcterms.date", "dcterms.issued", "dc.date.created", "date")
                        ?? ld.DatePublished
                        ?? RdfaDate(document)
                        ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime")
                        ?? DateInUrl(pageUrl);
        return new PageMetadata(title, siteName, published, pageUrl);
    }

    /// <summary>The absolute http(s) link wrapped around or inside a headline.</summary>
    private static string? HeadlineLink(IElement? heading)
    {
        if (heading is null) return null;
        var href = (heading.QuerySelector("a[href]") ?? heading.Closest("a[href]"))?.GetAttribute("href");
        return href is not null && Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? href : null;
    }

    private static readonly string[] RdfaDateProperties =
        ["schema:datePublished", "schema:dateCreated", "dc:date", "dc:created", "dcterms:created", "dcterms:issued"];

    /// <summary>An RDFa date (Drupal: &lt;span property="schema:dateCreated" content="..."&gt;).</summary>
    private static string? RdfaDate(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("[property][content]"))
        {
            var property = element.GetAttribute("property")!;
            foreach (var name in RdfaDateProperties)
                if (property.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(name, StringComparer.OrdinalIgnoreCase))
                    return element.GetAttribute("content");
        }
        return null;
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>"Headline | Site" → "Headline"; keeps the whole title when no part looks like a headline.</summary>
    internal static string StripSiteName(string title, string? siteName)
    {
        foreach (var separator in TitleSeparators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0) continue;
            var head = title[..at].Trim();
            var tail = title[(at + separator.Length)..].Trim();
            if (siteName is not null && head.Equals(siteName, StringComparison.OrdinalIgnoreCase)) return tail;
            if (head.Split(' ').Length >= 3) return head;
        }
        return title;
    }

    /// <summary>
    /// The "Site" of "Headline | Site" when the page declares no name: a short title-case suffix,
    /// which must also spell the domain when the domain is known ("Kurdistan Frontline", kurdistanfrontline.com).
    /// </summary>
    public static string? SiteNameInTitle(string? title, string? domain)
    {
        if (title is null) return null;
        foreach (var separator in TitleSeparators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0) continue;
            var head = title[..at].Trim();
            var tail = title[(at + separator.Length)..].Trim();
            var words = tail.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (head.Split(' ').Length < 3 || words.Length is 0 or > 5) continue;
            if (domain is not null)
            {
                var key = TextCleaner.TitleKey(tail);
                // The longest label of the host names the site: kurdistanfrontline in www.kurdistanfrontline.com.
                var label = TextCleaner.TitleKey(domain.Split('.').MaxBy(l => l.Length)!);
                // "The Levant Ledger" on levantledger.com: a leading article may be missing from the domain.
                if (key.StartsWith("the", StringComparison.Ordinal) && !label.Contains(key, StringComparison.Ordinal)) key = key[3..];
                if (key.Length >= 3 && key.Length * 10 >= label.Length * 7 && label.Contains(key, StringComparison.Ordinal)) return tail;
                continue;
            }
            if (words.All(w => !char.IsLetter(w[0]) || char.IsUpper(w[0]) || w.Length <= 3)) return tail;
        }
        return null;
    }

    public static string? DomainOf(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return null;
        var host = uri.Host;
        return host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
    }

    /// <summary>A /YYYY/MM/DD/ (or /YYYY/MM/) path in the URL, as an ISO date.</summary>
    public static string? DateInUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 2 < parts.Length; i++)
        {
            if (parts[i].Length == 4 && int.TryParse(parts[i], out var y) && y is >= 1990 and <= 2100
                && parts[i + 1].Length is 1 or 2 && int.TryParse(parts[i + 1], out var m) && m is >= 1 and <= 12
                && parts[i + 2].Length is 1 or 2 && int.TryParse(parts[i + 2], out var d) && d is >= 1 and <= 31
                && d <= DateTime.DaysInMonth(y, m))
                return new DateOnly(y, m, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return null;
    }

    private sealed record JsonLd(string? Headline, string? Publisher, string? DatePublished)
    {
        public static JsonLd Read(IDocument document)
        {
            string? headline = null, publisher = null, date = null;
            foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                    Visit(json.RootElement, 0, ref headline, ref publisher, ref date);
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common; the other metadata sources still apply.
                }
            }
            return new JsonLd(headline, publisher, date);
        }

        private static void Visit(JsonElement e, int depth, ref string? headline, ref string? publisher, ref string? date)
        {
            if (depth > 6) return;
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray()) Visit(item, depth + 1, ref headline, ref publisher, ref date);
                return;
            }
            if (e.ValueKind != JsonValueKind.Object) return;
            if (headline is null && e.TryGetProperty("headline", out var h) && h.ValueKind == JsonValueKind.String)
                headline = h.GetString();
            if (date is null && e.TryGetProperty("datePublished", out var d) && d.ValueKind == JsonValueKind.String)
                date = d.GetString();
            if (publisher is null && e.TryGetProperty("publisher", out var p))
            {
                if (p.ValueKind == JsonValueKind.Object && p.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String)
                    publisher = n.GetString();
                else if (p.ValueKind == JsonValueKind.String)
                    publisher = p.GetString();
            }
            if (e.TryGetProperty("@graph", out var graph)) Visit(graph, depth + 1, ref headline, ref publisher, ref date);
        }
    }
}

/// <summary>Parses publication dates given as ISO 8601 or RFC 822 strings.</summary>
public static class PublishedDate
{
    public static DateOnly? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = value.Trim();
        // ISO 8601: the calendar date as written, whatever the time zone.
        if (s.Length >= 10 && char.IsDigit(s[0]) && s[4] == '-'
            && DateOnly.TryParseExact(s.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            return iso;
        if (s.Length >= 8 && char.IsDigit(s[0]) && s.Length == 8
            && DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact))
            return compact;
        // RFC 822: "Tue, 10 Jun 2003 04:00:00 GMT"; drop the weekday and a named zone that .NET does not know.
        var comma = s.IndexOf(',');
        if (comma is > 0 and <= 10 && s.AsSpan(0, comma).IndexOfAnyExceptInRange('A', 'z') < 0) s = s[(comma + 1)..].Trim();
        var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 3)
        {
            var datePart = string.Join(' ', parts.Take(3));
            string[] formats = ["d MMM yyyy", "d MMMM yyyy", "d MMM yy", "MMM d yyyy", "MMMM d yyyy"];
            if (DateTime.TryParseExact(datePart.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var rfc))
                return DateOnly.FromDateTime(rfc);
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var any))
            return DateOnly.FromDateTime(any.DateTime);
        return null;
    }
}
