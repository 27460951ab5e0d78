using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sitrep.Documents;

namespace Sitrep.Cleaning;

/// <summary>The cleaned form of an HTML page: its visible text and the spans of its parts.</summary>
public sealed record HtmlLayout(
    string Text,
    TextSpan? Title,
    ImmutableArray<TextSpan> Body,
    ImmutableArray<TextSpan> Comments,
    ImmutableArray<TextSpan> Boilerplate,
    PageMetadata Metadata);

/// <summary>
/// A readability-style main-content extractor: blocks are scored by text length, commas and link
/// density, the scores flow to their ancestors weighted by class/id hints, and the best container
/// (with its worthy siblings) is the article. Comment markup (WordPress, Disqus, wpDiscuz) is kept
/// apart as reader comments.
/// </summary>
public sealed class HtmlCleaner(BoilerplateLexicon lexicon)
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly string[] PositiveHints =
        ["article", "content", "entry", "post", "story", "body", "main", "text", "blog", "hentry", "h-entry"];

    private static readonly string[] NegativeHints =
        ["comment", "respond", "reply", "replies", "share", "sharing", "social", "related", "sidebar", "footer",
         "nav", "menu", "promo", "widget", "subscribe", "newsletter", "cookie", "banner", "masthead", "sponsor",
         "outbrain", "taboola", "shoutbox", "skyscraper", "combx", "gdpr", "consent", "popup", "breadcrumb", "pagination",
         "pager", "meta", "tags", "byline", "author", "caption", "credit", "signup", "login", "toolbar", "hidden"];

    private static readonly string[] UnlikelyHints =
        ["ad-break", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
         "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox",
         "sidebar", "skyscraper", "social", "sponsor", "supplemental", "share", "sharing", "newsletter",
         "subscribe", "cookie", "consent", "popup", "promo", "widget", "navbar", "pagination", "pager", "outbrain", "taboola"];

    private static readonly string[] MaybeCandidateHints = ["and", "article", "body", "column", "content", "main", "shadow", "story", "entry"];

    private static readonly string[] AdTokens = ["ad", "ads", "advert", "advertisement", "adsense", "adslot", "dfp"];

    private static readonly string[] BylineHints = ["byline", "author", "dateline", "writtenby", "p-author"];

    /// <summary>A byline element longer than this is an author box or a whole article, not a byline.</summary>
    private const int MaxBylineLength = 120;

    public HtmlLayout Clean(string html, string? url = null)
    {
        var document = Parser.ParseDocument(html);
        var visible = VisibleText.Of(document, Classify);
        var metadata = PageMetadata.Read(document, url);
        var layout = Layout(visible, metadata);
        if (layout.Body.IsEmpty)
        {
            // A furniture-looking wrapper (e.g. an ad container around the whole page) hid the article: trust the scores alone.
            foreach (var e in visible.Elements) e.InFurniture = false;
            var second = Layout(visible, metadata);
            if (!second.Body.IsEmpty) layout = second;
        }
        return layout;
    }

    private HtmlLayout Layout(VisibleText visible, PageMetadata metadata)
    {
        var text = visible.Text;
        var elements = visible.Elements;
        var lines = visible.Lines;

        var scores = Score(visible);
        var included = ChooseContent(visible, scores);

        var roles = new ParagraphRole[lines.Count];
        var bylines = BylineLines(visible);
        var titleKey = metadata.Title is null ? null : TextCleaner.TitleKey(metadata.Title);
        var titleIndex = -1;
        var bodySeen = false;
        var commentsStarted = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var block = elements[line.Block];
            var slice = text.AsSpan(line.Start, line.End - line.Start);
            if (block.InComments) { roles[i] = ParagraphRole.Comment; continue; }
            if (titleIndex < 0 && titleKey is not null && (block.IsHeading || !bodySeen) && TextCleaner.TitleKey(slice.ToString()) == titleKey)
            {
                titleIndex = i;
                roles[i] = ParagraphRole.Title;
                continue;
            }
            var inContent = IsIncluded(included, elements, line);
            if (!inContent || block.InFurniture || bylines[i]) { roles[i] = ParagraphRole.Boilerplate; continue; }
            if (commentsStarted) { roles[i] = ParagraphRole.Comment; continue; }
            var lexRole = lexicon.Match(slice);
            if (bodySeen && block.Tag is not ("td" or "th" or "li" or "dt" or "dd" or "pre")
                && (lexRole == LineRole.CommentStart || TextCleaner.IsCommentCount(slice)))
            {
                roles[i] = ParagraphRole.Comment;
                commentsStarted = true;
                continue;
            }
            var length = line.End - line.Start;
            var linkDensity = (double)visible.LinkChars(line.Start, line.End) / length;
            if (block.IsHeading || block.Tag is "figcaption" or "caption" || linkDensity > 0.5
                || lexRole != LineRole.None || TextCleaner.IsAmountOnly(slice) || TextCleaner.IsCommentCount(slice)
                || TextCleaner.IsHeading(slice, maxShortWords: 3, titleCase: false) || TextCleaner.IsFigureLine(slice))
            {
                roles[i] = ParagraphRole.Boilerplate;
                continue;
            }
            roles[i] = ParagraphRole.Body;
            bodySeen = true;
        }

        var spans = new TextSpan[lines.Count];
        for (var i = 0; i < lines.Count; i++) spans[i] = new TextSpan(lines[i].Start, lines[i].End);
        var parts = RoleSpans.Group(roles, spans);
        return new HtmlLayout(text, parts.Title, parts.Body, parts.Comments, parts.Boilerplate, metadata);
    }

    /// <summary>Lines that hold a short byline or dateline element (readability's byline test).</summary>
    private static bool[] BylineLines(VisibleText visible)
    {
        var lines = visible.Lines;
        var marked = new bool[lines.Count];
        foreach (var e in visible.Elements)
        {
            if (!e.IsBylineCandidate || e.TextEnd <= e.TextStart || e.TextEnd - e.TextStart > MaxBylineLength) continue;
            // The first line ending after the element starts; then every line that begins before it ends.
            int lo = 0, hi = lines.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (lines[mid].End <= e.TextStart) lo = mid + 1; else hi = mid;
            }
            for (var i = lo; i < lines.Count && lines[i].Start < e.TextEnd; i++)
                if (lines[i].End - lines[i].Start <= MaxBylineLength * 2) marked[i] = true;
        }
        return marked;
    }

    private static bool IsIncluded(List<int> included, List<PageElement> elements, PageLine line)
    {
        foreach (var index in included)
        {
            var e = elements[index];
            if (line.Start >= e.TextStart && line.End <= e.TextEnd) return true;
        }
        return false;
    }

    /// <summary>Sets the comment, furniture and class-weight flags of an element as it is walked.</summary>
    private static bool Classify(IElement element, PageElement info, PageElement? parent)
    {
        var id = element.Id ?? "";
        var cls = element.GetAttribute("class") ?? "";
        var hints = (id + " " + cls).ToLowerInvariant();
        var tag = info.Tag;
        info.InComments = parent?.InComments ?? false;
        info.InFurniture = parent?.InFurniture ?? false;
        if (hints.Length > 1)
        {
            if (!info.InComments && tag is not ("html" or "body" or "article" or "main") && IsCommentContainer(id.ToLowerInvariant(), cls.ToLowerInvariant()))
                info.InComments = true;
            var weight = 0.0;
            if (ContainsAny(hints, PositiveHints)) weight += 25;
            if (ContainsAny(hints, NegativeHints) || HasToken(hints, AdTokens)) weight -= 25;
            info.ClassWeight = weight;
            if (tag is not ("html" or "body" or "article" or "main") && ContainsAny(hints, BylineHints)) info.IsBylineCandidate = true;
            if (!info.InFurniture && tag is not ("html" or "body" or "article" or "main" or "a")
                && ContainsAny(hints, UnlikelyHints) && !ContainsAny(hints, MaybeCandidateHints))
                info.InFurniture = true;
        }
        if (!info.InFurniture && tag is "nav" or "aside" or "footer" or "form" or "menu")
            info.InFurniture = true;
        if (element.GetAttribute("rel") is "author" || (element.GetAttribute("itemprop")?.Contains("author", StringComparison.Ordinal) ?? false))
            info.IsBylineCandidate = true;
        var role = element.GetAttribute("role");
        if (role is "navigation" or "complementary" or "banner" or "contentinfo" or "menu" or "dialog" or "search")
            info.InFurniture = true;
        return true;
    }

    private static bool IsCommentContainer(string id, string cls)
    {
        if (id is "comments" or "respond" or "disqus_thread" or "wpdcom" or "wpd-threads" or "comment-section" or "commentform"
            || id.StartsWith("comment", StringComparison.Ordinal) || id.StartsWith("disqus", StringComparison.Ordinal)
            || id.StartsWith("wpd", StringComparison.Ordinal) || id.StartsWith("li-comment", StringComparison.Ordinal))
            return true;
        foreach (var token in cls.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith("wpd-", StringComparison.Ordinal) || token.StartsWith("wpdiscuz", StringComparison.Ordinal)
                || token.StartsWith("disqus", StringComparison.Ordinal) || token is "comment-respond" or "respond")
                return true;
            if (token.Contains("comment", StringComparison.Ordinal)
                && !token.Contains("count", StringComparison.Ordinal) && !token.Contains("link", StringComparison.Ordinal)
                && !token.Contains("open", StringComparison.Ordinal) && !token.Contains("closed", StringComparison.Ordinal)
                && !token.Contains("status", StringComparison.Ordinal) && !token.StartsWith("has-", StringComparison.Ordinal)
                && !token.StartsWith("no-", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static bool ContainsAny(string hints, string[] words)
    {
        foreach (var w in words)
            if (hints.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool HasToken(string hints, string[] tokens)
    {
        foreach (var token in hints.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            foreach (var t in tokens)
                if (token == t) return true;
        return false;
    }

    private static double TagBonus(string tag) => tag switch
    {
        "div" or "article" or "section" or "main" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };

    /// <summary>Readability's content score: blocks with prose pass points to their ancestors.</summary>
    private static double[] Score(VisibleText visible)
    {
        var elements = visible.Elements;
        var text = visible.Text;
        var scores = new double[elements.Count];
        Array.Fill(scores, double.NaN);
        // Aggregate the text of each block: a block's lines (split by <br>) count as one paragraph.
        var blockLength = new Dictionary<int, (int Length, int Commas)>();
        foreach (var line in visible.Lines)
        {
            var commas = 0;
            foreach (var c in text.AsSpan(line.Start, line.End - line.Start))
                if (c is ',' or '，' or '、' or '،') commas++;
            blockLength[line.Block] = blockLength.TryGetValue(line.Block, out var v)
                ? (v.Length + line.End - line.Start, v.Commas + commas)
                : (line.End - line.Start, commas);
        }
        foreach (var (blockIndex, (length, commas)) in blockLength)
        {
            var block = elements[blockIndex];
            if (length < 25 || block.InComments || block.InFurniture || block.IsHeading) continue;
            var content = 1.0 + commas + Math.Min(length / 100, 3);
            var ancestor = block.Parent;
            for (var level = 0; ancestor >= 0 && level < 5; level++)
            {
                var a = elements[ancestor];
                if (a.Tag is "html") break;
                if (double.IsNaN(scores[ancestor])) scores[ancestor] = TagBonus(a.Tag) + a.ClassWeight;
                scores[ancestor] += content / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
                ancestor = a.Parent;
            }
        }
        for (var i = 0; i < scores.Length; i++)
        {
            if (double.IsNaN(scores[i])) continue;
            var e = elements[i];
            var length = Math.Max(1, e.TextEnd - e.TextStart);
            scores[i] *= 1 - (double)visible.LinkChars(e.TextStart, e.TextEnd) / length;
        }
        return scores;
    }

    /// <summary>The best-scoring container plus the siblings that look like more of the same article.</summary>
    private static List<int> ChooseContent(VisibleText visible, double[] scores)
    {
        var elements = visible.Elements;
        var top = -1;
        for (var i = 0; i < scores.Length; i++)
            if (!double.IsNaN(scores[i]) && (top < 0 || scores[i] > scores[top])) top = i;
        if (top < 0)
        {
            var bodyIndex = elements.FindIndex(e => e.Tag == "body");
            return [bodyIndex < 0 ? 0 : bodyIndex];
        }
        // Climb while the parent holds most of the same score (the article is split over wrappers).
        while (elements[top].Parent >= 0)
        {
            var parent = elements[top].Parent;
            if (elements[parent].Tag is "body" or "html") break;
            if (double.IsNaN(scores[parent]) || scores[parent] < scores[top] * 0.9) break;
            top = parent;
        }
        var included = new List<int> { top };
        var topElement = elements[top];
        var threshold = Math.Max(10, scores[top] * 0.2);
        for (var i = 0; i < elements.Count; i++)
        {
            var e = elements[i];
            if (i == top || e.Parent != topElement.Parent || topElement.Parent < 0 || e.InComments || e.InFurniture) continue;
            var bonus = !string.IsNullOrEmpty(topElement.Element.ClassName) && e.Element.ClassName == topElement.Element.ClassName ? scores[top] * 0.2 : 0;
            if (!double.IsNaN(scores[i]) && scores[i] + bonus >= threshold) { included.Add(i); continue; }
            if (e.Tag != "p") continue;
            var length = e.TextEnd - e.TextStart;
            var density = length == 0 ? 1 : (double)visible.LinkChars(e.TextStart, e.TextEnd) / length;
            var endsSentence = length > 0 && visible.Text[e.TextEnd - 1] is '.' or '!' or '?';
            if ((length > 80 && density < 0.25) || (length > 0 && density == 0 && endsSentence)) included.Add(i);
        }
        return included;
    }
}
