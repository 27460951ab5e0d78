using System.Text;
using AngleSharp.Dom;

namespace Sitrep.Cleaning;

/// <summary>One element of the page as seen by the extractor, in document (pre-)order.</summary>
internal sealed class PageElement(IElement element, int parent, int depth)
{
    public IElement Element { get; } = element;
    public int Parent { get; } = parent;
    public int Depth { get; } = depth;
    public string Tag => Element.LocalName;
    /// <summary>The visible text of the element and its descendants is [TextStart, TextEnd).</summary>
    public int TextStart { get; set; }
    public int TextEnd { get; set; }
    public double ClassWeight { get; set; }
    /// <summary>Inside a reader-comment container (WordPress, Disqus, wpDiscuz ...).</summary>
    public bool InComments { get; set; }
    /// <summary>Inside an element whose class or id names furniture (sidebar, footer, share ...).</summary>
    public bool InFurniture { get; set; }
    /// <summary>Marked as a byline or dateline by its class, id, rel or itemprop (judged with its length later).</summary>
    public bool IsBylineCandidate { get; set; }
    public bool IsHeading => Tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
}

/// <summary>One line of visible text: the text of one block element between two block boundaries.</summary>
internal readonly record struct PageLine(int Start, int End, int Block);

/// <summary>
/// The visible text of an HTML document, one line per block element, with whitespace collapsed
/// inside lines; script, style, templates and hidden elements are left out.
/// </summary>
internal sealed class VisibleText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object",
        "embed", "canvas", "select", "textarea", "input", "video", "audio", "map", "meta", "link", "button",
        // AMP components that hold ads, trackers and embeds, never article text.
        "amp-ad", "amp-embed", "amp-sticky-ad", "amp-analytics", "amp-pixel", "amp-auto-ads", "amp-consent",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu",
        "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul", "noframes", "img",
    };

    private readonly StringBuilder _text = new();
    private readonly List<(int Start, int End)> _links = [];
    private int _lineStart;
    private bool _pendingSpace;
    private int _linkDepth;
    private int _preDepth;
    private readonly List<int> _blockStack = [];

    public List<PageElement> Elements { get; } = [];
    public List<PageLine> Lines { get; } = [];
    public string Text { get; private set; } = "";
    /// <summary>LinkPrefix[i] = how many characters before offset i are link text.</summary>
    public int[] LinkPrefix { get; private set; } = [];

    public static VisibleText Of(IDocument document, Func<IElement, PageElement, PageElement?, bool> classify)
    {
        var visible = new VisibleText();
        var root = document.DocumentElement;
        if (root is not null) visible.Walk(root, -1, 0, classify);
        visible.Finish();
        return visible;
    }

    private void Walk(IElement element, int parent, int depth, Func<IElement, PageElement, PageElement?, bool> classify)
    {
        var tag = element.LocalName;
        if (Skipped.Contains(tag) || IsHidden(element) || depth > 400) return;
        var info = new PageElement(element, parent, depth) { TextStart = _text.Length };
        var index = Elements.Count;
        Elements.Add(info);
        if (!classify(element, info, parent >= 0 ? Elements[parent] : null)) { Elements.RemoveAt(index); return; }

        var isBlock = Blocks.Contains(tag);
        if (tag == "br") { BreakLine(); return; }
        if (isBlock)
        {
            BreakLine();
            _blockStack.Add(index);
        }
        if (tag == "a") { _linkDepth++; }
        var linkStart = _text.Length;
        if (tag == "pre") _preDepth++;
        if (tag == "img")
        {
            // Alt text is not visible page text.
        }
        else
        {
            foreach (var child in element.ChildNodes)
            {
                if (child is IElement e) Walk(e, index, depth + 1, classify);
                else if (child.NodeType == NodeType.Text) Append(child.TextContent);
            }
        }
        if (tag == "pre") _preDepth--;
        if (tag == "a")
        {
            _linkDepth--;
            if (_linkDepth == 0 && _text.Length > linkStart) _links.Add((linkStart, _text.Length));
        }
        if (tag is "td" or "th") Append(" ");
        if (isBlock)
        {
            BreakLine();
            _blockStack.RemoveAt(_blockStack.Count - 1);
        }
        info.TextEnd = _text.Length;
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden")) return true;
        var aria = element.GetAttribute("aria-hidden");
        if (aria is not null && aria.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
        var style = element.GetAttribute("style");
        if (style is null || style.Length < 12) return false;
        var compact = style.Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    private void Append(string s)
    {
        foreach (var c in s)
        {
            if (_preDepth > 0 && c == '\n') { BreakLine(); continue; }
            if (char.IsWhiteSpace(c) || c == '\u200b' || c == '\ufeff' || char.IsControl(c))
            {
                if (_text.Length > _lineStart) _pendingSpace = true;
                continue;
            }
            if (_pendingSpace) { _text.Append(' '); _pendingSpace = false; }
            _text.Append(c);
        }
    }

    private void BreakLine()
    {
        _pendingSpace = false;
        if (_text.Length <= _lineStart) return;
        var block = _blockStack.Count > 0 ? _blockStack[^1] : 0;
        Lines.Add(new PageLine(_lineStart, _text.Length, block));
        _text.Append('\n');
        _lineStart = _text.Length;
    }

    private void Finish()
    {
        BreakLine();
        if (_text.Length > 0 && _text[^1] == '\n') _text.Length--;
        Text = _text.ToString();
        foreach (var e in Elements) e.TextEnd = Math.Min(e.TextEnd, Text.Length);
        var flags = new int[Text.Length + 1];
        foreach (var (s, e) in _links)
            for (var i = s; i < e && i < Text.Length; i++) flags[i + 1] = 1;
        for (var i = 1; i < flags.Length; i++) flags[i] += flags[i - 1];
        LinkPrefix = flags;
    }

    public int LinkChars(int start, int end) => LinkPrefix[end] - LinkPrefix[start];
}
