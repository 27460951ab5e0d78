using Sitrep.Documents;

namespace Sitrep.Quantities;

/// <summary>
/// The words of one text range, as offsets into the document text, compared through a lowercase copy
/// of that text so that matching allocates nothing per word. Shared by the quantity and date taggers.
/// </summary>
internal sealed class WordList
{
    private TextSpan[] _spans = new TextSpan[256];
    private int _count;

    public WordList(string text, string lower)
    {
        Text = text;
        Lower = lower;
    }

    [ThreadStatic] private static string? t_text, t_lower;

    /// <summary>
    /// A word list over a document's text. The quantity and date taggers read the same text one after the other on
    /// the same thread: its lowercase copy is made once (a cache of one, keyed by the text's identity).
    /// </summary>
    public static WordList Of(string text)
    {
        if (!ReferenceEquals(t_text, text))
        {
            t_lower = text.ToLowerInvariant();
            t_text = text;
        }
        return new WordList(text, t_lower!);
    }

    public string Text { get; }
    public string Lower { get; }
    public int Count => _count;

    public TextSpan SpanAt(int i) => _spans[i];

    /// <summary>The lowercase word at <paramref name="i"/>, empty past the end.</summary>
    public ReadOnlySpan<char> this[int i]
    {
        get
        {
            if ((uint)i >= (uint)_count) return [];
            var span = _spans[i];
            return Lower.AsSpan(span.Start, span.Length);
        }
    }

    public bool Is(int i, string word) => this[i].SequenceEqual(word);

    public bool IsAny(int i, string a, string b) => Is(i, a) || Is(i, b);

    public bool IsPunctuation(int i) => (uint)i < (uint)_count && _spans[i].Length == 1 && !char.IsLetterOrDigit(Text[_spans[i].Start]);

    /// <summary>A sentence-ending mark ('.', '!', '?').</summary>
    public bool IsSentenceEnd(int i) => IsPunctuation(i) && Text[_spans[i].Start] is '.' or '!' or '?';

    public bool IsDigits(int i)
    {
        var w = this[i];
        if (w.IsEmpty || !char.IsAsciiDigit(w[0])) return false;
        foreach (var c in w)
            if (!char.IsAsciiDigit(c) && c != ',') return false;
        return true;
    }

    public bool IsCapitalized(int i) => (uint)i < (uint)_count && char.IsUpper(Text[_spans[i].Start]);

    /// <summary>The original text from word <paramref name="first"/> to word <paramref name="last"/> inclusive.</summary>
    public TextSpan Cover(int first, int last) => new(_spans[first].Start, _spans[last].End);

    public string Slice(int first, int last) => Text[_spans[first].Start.._spans[last].End];

    /// <summary>Replaces the words with those of <c>Text[start..end)</c>.</summary>
    public void Scan(int start, int end)
    {
        _count = 0;
        var t = Text;
        var i = start;
        while (i < end)
        {
            var c = t[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsLetterOrDigit(c))
            {
                var j = i + 1;
                while (j < end)
                {
                    var d = t[j];
                    if (char.IsLetterOrDigit(d)) { j++; continue; }
                    // Joiners stay inside a word: twenty-five, 4×4, al-Bab's, 1,200, 2023-10-05.
                    if (j + 1 < end && char.IsLetterOrDigit(t[j + 1]) &&
                        (d is '-' or '\'' or '’' or '×' || (d is ',' or '.' && char.IsAsciiDigit(t[j - 1]) && char.IsAsciiDigit(t[j + 1]))))
                    {
                        j += 2;
                        continue;
                    }
                    break;
                }
                Add(new TextSpan(i, j));
                i = j;
                continue;
            }
            if (c == '[')
            {
                // Bracketed editorial words count as one word: "2 [soldier]".
                var close = t.IndexOf(']', i + 1, Math.Min(32, end - i - 1));
                if (close > i + 1 && IsLetters(t.AsSpan(i + 1, close - i - 1)))
                {
                    Add(new TextSpan(i, close + 1));
                    i = close + 1;
                    continue;
                }
            }
            Add(new TextSpan(i, i + 1));
            i++;
        }
    }

    private void Add(TextSpan span)
    {
        if (_count == _spans.Length) Array.Resize(ref _spans, _count * 2);
        _spans[_count++] = span;
    }

    private static bool IsLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsLetter(c) && c != ' ') return false;
        return true;
    }
}
