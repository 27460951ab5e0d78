using Sitrep.Documents;

namespace Sitrep.Evaluation;

/// <summary>
/// Converts Unicode code-point offsets (Python <c>str</c> indices, as in the gold files) into UTF-16
/// code-unit offsets (C# string indices, as in predictions) over one text.
/// </summary>
public sealed class CodePointOffsets
{
    private readonly int[]? _utf16ByCodePoint;

    /// <summary>The text's length in code points.</summary>
    public int CodePointLength { get; }

    /// <summary>True when the text has surrogate pairs, so the two offset systems differ.</summary>
    public bool HasAstralCharacters => _utf16ByCodePoint is not null;

    public CodePointOffsets(string text)
    {
        var astral = 0;
        for (var i = 0; i < text.Length - 1; i++)
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1])) { astral++; i++; }
        CodePointLength = text.Length - astral;
        if (astral == 0) return;
        // Only texts with astral characters pay for a table.
        var map = new int[CodePointLength + 1];
        var cp = 0;
        for (var i = 0; i < text.Length; i++, cp++)
        {
            map[cp] = i;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        map[CodePointLength] = text.Length;
        _utf16ByCodePoint = map;
    }

    /// <summary>The UTF-16 index of code point <paramref name="codePoint"/>, clamped to the text.</summary>
    public int ToUtf16(int codePoint)
    {
        var cp = Math.Clamp(codePoint, 0, CodePointLength);
        return _utf16ByCodePoint is null ? cp : _utf16ByCodePoint[cp];
    }

    public TextSpan ToUtf16(TextSpan codePointSpan) => new(ToUtf16(codePointSpan.Start), ToUtf16(codePointSpan.End));
}
