using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Sitrep.Ingest;

/// <summary>
/// Turns input bytes into a string without changing anything but the byte-order mark, so that
/// offsets into the result are offsets into the input as the user sees it.
/// </summary>
/// <remarks>
/// Plain text (.txt, .jsonl): BOM (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), else UTF-16 recognised from
/// its NUL-byte pattern, else strict UTF-8. HTML: BOM, else the charset of a <c>&lt;meta&gt;</c> tag in
/// the first 4 KB, else UTF-8 when valid, else windows-1252 as browsers do.
/// Binary content (NUL bytes outside UTF-16, or many control characters) and empty or
/// whitespace-only input are failures.
/// </remarks>
public static class TextDecoding
{
    /// <summary>How far into an HTML page a <c>&lt;meta charset&gt;</c> is looked for.</summary>
    public const int MetaCharsetWindow = 4096;

    /// <summary>Above this share of control characters the content is taken to be binary.</summary>
    public const double MaxControlShare = 0.05;

    private const int SniffWindow = 4096;
    private const int ControlSampleChars = 65536;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UTF32Encoding StrictUtf32Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true);
    private static readonly UTF32Encoding StrictUtf32Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Makes the legacy code pages (windows-1256, windows-1252, ...) available to <see cref="Encoding.GetEncoding(string)"/>.</summary>
    public static void EnsureCodePages()
    {
        // The static constructor does the work; this call only forces it to run.
    }

    /// <summary>Decodes a plain-text input (.txt file, JSONL line): BOM, UTF-16 by NUL pattern, else strict UTF-8.</summary>
    /// <param name="bytes">The whole input.</param>
    /// <param name="text">The decoded text, the input minus its BOM.</param>
    /// <param name="failure">Why the input cannot be read, as a sentence fragment ("empty file").</param>
    public static bool TryDecodeText(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? failure)
    {
        text = null;
        if (bytes.IsEmpty) { failure = "empty file"; return false; }

        var encoding = DetectBom(bytes, out var bomLength);
        if (encoding is not null)
        {
            if (!TryStrict(encoding, bytes[bomLength..], out text, out failure)) return false;
        }
        else if (!TryUtf16WithoutBom(bytes, out text, out failure))
        {
            if (failure is not null) return false;
            if (!TryUtf8(bytes, out text, out failure)) return false;
        }
        return Accept(ref text, out failure);
    }

    /// <summary>Decodes an HTML page: BOM, else meta charset in the first 4 KB, else UTF-8 if valid, else windows-1252.</summary>
    /// <param name="bytes">The whole page.</param>
    /// <param name="text">The decoded markup, minus its BOM.</param>
    /// <param name="failure">Why the page cannot be read, as a sentence fragment.</param>
    public static bool TryDecodeHtml(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? failure)
    {
        text = null;
        if (bytes.IsEmpty) { failure = "empty file"; return false; }

        var encoding = DetectBom(bytes, out var bomLength);
        if (encoding is not null)
        {
            if (!TryStrict(encoding, bytes[bomLength..], out text, out failure)) return false;
            return Accept(ref text, out failure);
        }
        if (TryUtf16WithoutBom(bytes, out text, out failure)) return Accept(ref text, out failure);
        if (failure is not null) return false;

        var declared = DeclaredHtmlCharset(bytes[..Math.Min(bytes.Length, MetaCharsetWindow)]);
        if (declared is not null)
            text = declared.GetString(bytes);
        else if (Utf8.IsValid(bytes))
            text = Encoding.UTF8.GetString(bytes);
        else
            text = Encoding.GetEncoding(1252).GetString(bytes);
        return Accept(ref text, out failure);
    }

    /// <summary>The encoding named by a byte-order mark at the start of <paramref name="bytes"/>, if any.</summary>
    /// <param name="bytes">The start of the input (4 bytes are enough).</param>
    /// <param name="bomLength">How many bytes the mark takes (0 when there is none).</param>
    /// <returns>A strict decoder for the marked encoding, or null.</returns>
    public static Encoding? DetectBom(ReadOnlySpan<byte> bytes, out int bomLength)
    {
        // UTF-32 LE must be tested before UTF-16 LE: its mark starts with the same two bytes.
        Encoding? encoding = bytes switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => StrictUtf32Le,
            [0x00, 0x00, 0xFE, 0xFF, ..] => StrictUtf32Be,
            [0xEF, 0xBB, 0xBF, ..] => StrictUtf8,
            [0xFF, 0xFE, ..] => StrictUtf16Le,
            [0xFE, 0xFF, ..] => StrictUtf16Be,
            _ => null,
        };
        bomLength = encoding switch
        {
            null => 0,
            UTF32Encoding => 4,
            UTF8Encoding => 3,
            _ => 2,
        };
        return encoding;
    }

    /// <summary>
    /// Recognises UTF-16 without a BOM: in the first 4 KB, NUL bytes fall on one parity (the high
    /// byte of ASCII letters, digits, spaces and punctuation) and almost never on the other.
    /// </summary>
    /// <returns>A strict UTF-16 LE or BE decoder, or null when the bytes do not look like UTF-16.</returns>
    public static Encoding? DetectUtf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, SniffWindow) & ~1)];
        var pairs = sample.Length / 2;
        if (pairs == 0) return null;
        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenNul++;
            if (sample[i + 1] == 0) oddNul++;
        }
        // A few stray NULs in a short file are not enough to call it UTF-16.
        var enough = Math.Max(Math.Min(4, pairs), pairs / 10);
        var stray = pairs / 100;
        if (oddNul >= enough && evenNul <= stray) return StrictUtf16Le;
        if (evenNul >= enough && oddNul <= stray) return StrictUtf16Be;
        return null;
    }

    /// <summary>
    /// The encoding declared by <c>&lt;meta charset="..."&gt;</c> or
    /// <c>&lt;meta http-equiv="Content-Type" content="...; charset=..."&gt;</c> in the given head of a page.
    /// Labels follow browsers: a declared UTF-16 means UTF-8, ISO-8859-1 and ASCII mean windows-1252.
    /// </summary>
    /// <returns>The encoding, or null when none is declared or the name is unknown.</returns>
    public static Encoding? DeclaredHtmlCharset(ReadOnlySpan<byte> head)
    {
        var label = FindMetaCharsetLabel(head);
        if (label is null) return null;
        label = label.ToLowerInvariant();
        switch (label)
        {
            case "utf-16" or "utf-16le" or "utf-16be" or "utf8" or "utf-8" or "unicode-1-1-utf-8":
                return Encoding.UTF8;
            case "iso-8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso8859-1" or "cp1252":
                return Encoding.GetEncoding(1252);
            case "iso-8859-6" or "arabic":
                // Browsers read ISO-8859-6 as declared; .NET knows it under this name.
                return Encoding.GetEncoding("iso-8859-6");
        }
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The offset of the first byte that is not valid UTF-8, or -1 when all of it is valid.</summary>
    public static long FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return -1;
        var buffer = ArrayPool<char>.Shared.Rent(8192);
        try
        {
            long consumed = 0;
            while (true)
            {
                var status = Utf8.ToUtf16(bytes, buffer, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                consumed += read;
                if (status != OperationStatus.DestinationTooSmall) return status == OperationStatus.Done ? -1 : consumed;
                bytes = bytes[read..];
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// True with the text when the bytes are UTF-16 without a BOM; false with a failure when they hold
    /// NUL bytes but are not UTF-16 (binary); false with no failure when there are no NUL bytes.
    /// </summary>
    private static bool TryUtf16WithoutBom(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? text, out string? failure)
    {
        text = null;
        failure = null;
        if (!bytes.Contains((byte)0)) return false;
        var guess = DetectUtf16WithoutBom(bytes);
        if (guess is not null && TryStrict(guess, bytes, out text, out _)) return true;
        // A wrong guess is reported as what it most likely is: binary data.
        failure = "binary content (NUL bytes)";
        return false;
    }

    internal static bool TryUtf8(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? failure)
    {
        var bad = FirstInvalidUtf8(bytes);
        if (bad >= 0)
        {
            text = null;
            failure = $"not valid UTF-8 (byte 0x{bytes[(int)bad]:X2} at offset {bad})";
            return false;
        }
        text = Encoding.UTF8.GetString(bytes);
        failure = null;
        return true;
    }

    private static bool TryStrict(Encoding encoding, ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? failure)
    {
        if (ReferenceEquals(encoding, StrictUtf8)) return TryUtf8(bytes, out text, out failure);
        try
        {
            text = encoding.GetString(bytes);
            failure = null;
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = null;
            failure = $"not valid {Describe(encoding)} (broken or truncated character)";
            return false;
        }
    }

    private static string Describe(Encoding encoding) => encoding switch
    {
        UnicodeEncoding when ReferenceEquals(encoding, StrictUtf16Be) => "UTF-16 BE",
        UnicodeEncoding => "UTF-16 LE",
        UTF32Encoding when ReferenceEquals(encoding, StrictUtf32Be) => "UTF-32 BE",
        UTF32Encoding => "UTF-32 LE",
        _ => encoding.WebName,
    };

    /// <summary>Rejects empty and binary-looking text; on rejection the text is cleared.</summary>
    private static bool Accept([NotNullWhen(true)] ref string? text, [NotNullWhen(false)] out string? failure)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            failure = string.IsNullOrEmpty(text) ? "empty file" : "empty file (whitespace only)";
            text = null;
            return false;
        }
        var share = ControlShare(text);
        if (share > MaxControlShare)
        {
            failure = $"binary content ({share.ToString("0%", CultureInfo.InvariantCulture)} control characters)";
            text = null;
            return false;
        }
        failure = null;
        return true;
    }

    /// <summary>The share of C0/C1 control characters (other than tab, line and page breaks) in the first 64K characters.</summary>
    internal static double ControlShare(ReadOnlySpan<char> text)
    {
        var sample = text[..Math.Min(text.Length, ControlSampleChars)];
        if (sample.IsEmpty) return 0;
        var controls = 0;
        foreach (var c in sample)
        {
            if (c < 0x20 ? c is not ('\t' or '\n' or '\r' or '\f' or '\v') : c is >= '\u007F' and <= '\u009F')
                controls++;
        }
        return (double)controls / sample.Length;
    }

    private static string? FindMetaCharsetLabel(ReadOnlySpan<byte> head)
    {
        var at = 0;
        while (true)
        {
            var meta = IndexOfIgnoreCase(head, at, "<meta"u8);
            if (meta < 0) return null;
            var end = head[meta..].IndexOf((byte)'>');
            var tag = end < 0 ? head[meta..] : head.Slice(meta, end);
            var charset = IndexOfIgnoreCase(tag, 0, "charset"u8);
            if (charset >= 0)
            {
                var i = charset + "charset".Length;
                while (i < tag.Length && IsSpace(tag[i])) i++;
                if (i < tag.Length && tag[i] == '=')
                {
                    i++;
                    while (i < tag.Length && (IsSpace(tag[i]) || tag[i] is (byte)'"' or (byte)'\'')) i++;
                    var start = i;
                    while (i < tag.Length && IsLabelByte(tag[i])) i++;
                    if (i > start) return Encoding.ASCII.GetString(tag[start..i]);
                }
            }
            if (end < 0) return null;
            at = meta + end + 1;
        }
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';

    private static bool IsLabelByte(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)':';

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, int from, ReadOnlySpan<byte> lowerNeedle)
    {
        for (var i = from; i + lowerNeedle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < lowerNeedle.Length && (haystack[i + j] | 0x20) == lowerNeedle[j]) j++;
            if (j == lowerNeedle.Length) return i;
        }
        return -1;
    }
}
