using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Cleaning;

/// <summary>The result of separating plain text into title, body, boilerplate and comments.</summary>
public sealed record TextLayout(
    TextSpan? Title,
    ImmutableArray<TextSpan> Body,
    ImmutableArray<TextSpan> Comments,
    ImmutableArray<TextSpan> Boilerplate,
    string? Outlet);

/// <summary>
/// Separates scraped plain text into body paragraphs, page furniture and reader comments by line
/// shape, sentence punctuation, a phrase lexicon, position and comment-thread structure.
/// </summary>
public sealed class TextCleaner(BoilerplateLexicon lexicon)
{
    private readonly record struct Paragraph(int Start, int End, int Indent)
    {
        public int Length => End - Start;
    }

    /// <summary>Classifies the paragraphs of <paramref name="text"/>.</summary>
    /// <param name="hasTitleLine">Whether the first non-furniture line is the title (plain .txt files).</param>
    /// <param name="knownTitle">A title given separately; a line repeating it is furniture.</param>
    public TextLayout Clean(string text, bool hasTitleLine, string? knownTitle = null)
    {
        var paragraphs = Split(text);
        var roles = new ParagraphRole[paragraphs.Count];
        string? outlet = null;
        var titleIndex = -1;
        var titleKey = knownTitle is null ? null : TitleKey(knownTitle);

        if (hasTitleLine)
        {
            for (var i = 0; i < paragraphs.Count; i++)
            {
                var slice = text.AsSpan(paragraphs[i].Start, paragraphs[i].Length);
                if (IsAmountOnly(slice) || lexicon.Match(slice) != LineRole.None) continue;
                titleIndex = i;
                roles[i] = ParagraphRole.Title;
                titleKey ??= TitleKey(slice.ToString());
                break;
            }
        }

        var bodySeen = false;
        var inComments = false;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i == titleIndex) continue;
            var p = paragraphs[i];
            var slice = text.AsSpan(p.Start, p.Length);
            var lexRole = lexicon.Match(slice, out var named);
            if (named is not null && outlet is null && lexRole == LineRole.Boilerplate) outlet = named;

            if (inComments)
            {
                roles[i] = lexRole == LineRole.Boilerplate && IsShort(slice) ? ParagraphRole.Boilerplate : ParagraphRole.Comment;
                continue;
            }
            if (lexRole == LineRole.CommentEnd || (lexRole == LineRole.CommentStart || IsCommentCount(slice)) && bodySeen)
            {
                roles[i] = ParagraphRole.Comment;
                if (lexRole == LineRole.CommentEnd) MarkThreadAbove(paragraphs, roles, i, text);
                inComments = true;
                continue;
            }
            if (bodySeen && StartsThread(paragraphs, i, text))
            {
                roles[i] = ParagraphRole.Comment;
                inComments = true;
                continue;
            }
            if (lexRole != LineRole.None || IsAmountOnly(slice) || IsCommentCount(slice)
                || (titleKey is not null && TitleKey(slice.ToString()) == titleKey)
                || IsHeading(slice))
            {
                roles[i] = ParagraphRole.Boilerplate;
                continue;
            }
            roles[i] = ParagraphRole.Body;
            bodySeen = true;
        }

        var spans = new TextSpan[paragraphs.Count];
        for (var i = 0; i < paragraphs.Count; i++) spans[i] = new TextSpan(paragraphs[i].Start, paragraphs[i].End);
        var parts = RoleSpans.Group(roles, spans);
        return new TextLayout(parts.Title, parts.Body, parts.Comments, parts.Boilerplate, outlet);
    }

    /// <summary>Non-empty lines with outer whitespace (incl. NBSP) trimmed; hard-wrapped lines are joined.</summary>
    private static List<Paragraph> Split(string text)
    {
        var list = new List<Paragraph>();
        var pos = 0;
        var previousBlank = true;
        while (pos <= text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            var lineEnd = nl < 0 ? text.Length : nl;
            var start = pos;
            var end = lineEnd;
            var indent = 0;
            while (start < end && IsSpace(text[start]))
            {
                indent += text[start] == '\t' ? 4 : 1;
                start++;
            }
            while (end > start && IsSpace(text[end - 1])) end--;
            if (end > start)
            {
                var joined = false;
                if (!previousBlank && list.Count > 0)
                {
                    var last = list[^1];
                    // A hard-wrapped sentence: the previous line stops mid-sentence and this one goes on in lower case.
                    if (last.Indent == indent && !EndsSentence(text[last.End - 1]) && char.IsLower(text[start]) && last.Length >= 40)
                    {
                        list[^1] = last with { End = end };
                        joined = true;
                    }
                }
                if (!joined) list.Add(new Paragraph(start, end, indent));
                previousBlank = false;
            }
            else previousBlank = true;
            if (nl < 0) break;
            pos = nl + 1;
        }
        return list;
    }

    internal static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u200b' || c == '\ufeff';

    private static bool EndsSentence(char c) => c is '.' or '!' or '?' or '"' or '”' or '’' or '\'' or ':' or ';' or ')' or '…' or '。' or '؟';

    /// <summary>Donation amounts and counters: only digits, separators and currency signs.</summary>
    internal static bool IsAmountOnly(ReadOnlySpan<char> s)
    {
        var digits = 0;
        foreach (var c in s)
        {
            if (char.IsDigit(c)) digits++;
            else if (!(c is ',' or '.' or ' ' or '\u00a0' or '+' or '-' or '/' or '%' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.CurrencySymbol
                       || c is 'k' or 'K' or 'm' or 'M')) return false;
        }
        return digits > 0;
    }

    /// <summary>
    /// Timestamps, view counters and similar: no sentence-final punctuation and fewer letters than
    /// digits and signs ("02/12/2019 - 16:20 3,412 views").
    /// </summary>
    internal static bool IsFigureLine(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || EndsSentence(s[^1])) return false;
        int letters = 0, others = 0;
        foreach (var c in s)
        {
            if (char.IsLetter(c)) letters++;
            else if (!IsSpace(c)) others++;
        }
        return letters < others;
    }

    /// <summary>"1 Comment", "12 comments", "3 Responses to ...", "5 thoughts on ...".</summary>
    internal static bool IsCommentCount(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && (char.IsDigit(s[i]) || s[i] == ',')) i++;
        if (i == 0 || i >= s.Length || s[i] != ' ') return false;
        var rest = s[(i + 1)..].TrimStart();
        ReadOnlySpan<string> words = ["comment", "comments", "response", "responses", "reply", "replies", "thought", "thoughts"];
        foreach (var w in words)
            if (rest.StartsWith(w, StringComparison.OrdinalIgnoreCase) && (rest.Length == w.Length || !char.IsLetter(rest[w.Length])))
                return rest.Length < 120;
        return false;
    }

    private static bool IsShort(ReadOnlySpan<char> s) => CountWords(s) <= BoilerplateLexicon.MaxPrefixWords;

    internal static int CountWords(ReadOnlySpan<char> s)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in s)
        {
            if (IsSpace(c)) inWord = false;
            else if (!inWord) { inWord = true; count++; }
        }
        return count;
    }

    /// <summary>
    /// A heading or label rather than reporting: no sentence-final punctuation and either short
    /// (a section name, a caption) or in title case throughout (a slogan, a banner).
    /// </summary>
    internal static bool IsHeading(ReadOnlySpan<char> s, int maxShortWords = 6, bool titleCase = true)
    {
        var last = s[^1];
        if (last is '.' or '!' or '?' or '"' or '”' or '’' or '»' or '…' or '。' or '؟') return false;
        var words = 0;
        var capitalised = 0;
        var letters = 0;
        var ideographs = 0;
        var inWord = false;
        foreach (var c in s)
        {
            if (IsSpace(c)) { inWord = false; continue; }
            if (char.IsLetter(c)) letters++;
            if (c >= '\u2e80' && c <= '\ufaff') ideographs++;
            if (inWord) continue;
            inWord = true;
            words++;
            if (char.IsUpper(c) || char.IsDigit(c) || !char.IsLetter(c)) capitalised++;
        }
        if (letters == 0) return true;
        // Scripts written without spaces: count characters, not words.
        if (ideographs >= 12) return false;
        if (words <= maxShortWords) return true;
        if (last == ':' && words <= 8) return true;
        return titleCase && words <= 20 && capitalised >= words * 0.8;
    }

    /// <summary>
    /// An indented numbered or bulleted item followed by more indented lines (replies) once the
    /// article has been read: the start of a reader thread.
    /// </summary>
    private static bool StartsThread(List<Paragraph> paragraphs, int i, string text)
    {
        var p = paragraphs[i];
        if (p.Indent < 1 || !IsListItem(text.AsSpan(p.Start, p.Length))) return false;
        var indented = 0;
        var flat = 0;
        for (var j = i + 1; j < paragraphs.Count && j <= i + 6; j++)
        {
            if (paragraphs[j].Indent >= 1) indented++;
            else flat++;
        }
        return indented >= 1 && indented >= flat;
    }

    private static bool IsListItem(ReadOnlySpan<char> s)
    {
        if (s.Length < 2) return false;
        if (s[0] is '•' or '·' or '-' or '*' or '–' or '▪' or '◦' or '>') return true;
        var i = 0;
        while (i < s.Length && char.IsDigit(s[i])) i++;
        return i is > 0 and <= 3 && i < s.Length && s[i] is '.' or ')';
    }

    /// <summary>Marks the indented thread just above a "comments are closed" line as comments.</summary>
    private static void MarkThreadAbove(List<Paragraph> paragraphs, ParagraphRole[] roles, int end, string text)
    {
        for (var j = end - 1; j >= 0; j--)
        {
            var p = paragraphs[j];
            if (p.Indent < 1 && !IsListItem(text.AsSpan(p.Start, p.Length))) break;
            if (roles[j] == ParagraphRole.Title) break;
            roles[j] = ParagraphRole.Comment;
        }
    }

    /// <summary>Compares titles ignoring case, spacing and punctuation.</summary>
    internal static string TitleKey(string s)
    {
        Span<char> buffer = s.Length <= 512 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        foreach (var c in s)
            if (char.IsLetterOrDigit(c)) buffer[n++] = char.ToLowerInvariant(c);
        return new string(buffer[..n]);
    }
}
