using System.Text;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public class TextDecodingTests
{
    private const string Article = "Shelling near Aleppo\n\nTwo civilians were wounded, a monitor said. قصف على حلب\n";

    public static TheoryData<string, byte[]> MarkedInputs()
    {
        var data = new TheoryData<string, byte[]>();
        data.Add("UTF-8 BOM", [.. new byte[] { 0xEF, 0xBB, 0xBF }, .. Encoding.UTF8.GetBytes(Article)]);
        data.Add("UTF-16 LE BOM", [.. new byte[] { 0xFF, 0xFE }, .. Encoding.Unicode.GetBytes(Article)]);
        data.Add("UTF-16 BE BOM", [.. new byte[] { 0xFE, 0xFF }, .. Encoding.BigEndianUnicode.GetBytes(Article)]);
        data.Add("UTF-32 LE BOM", [.. new byte[] { 0xFF, 0xFE, 0, 0 }, .. Encoding.UTF32.GetBytes(Article)]);
        data.Add("UTF-32 BE BOM", [.. new byte[] { 0, 0, 0xFE, 0xFF }, .. new UTF32Encoding(true, false).GetBytes(Article)]);
        data.Add("UTF-16 LE no BOM", Encoding.Unicode.GetBytes(Article));
        data.Add("UTF-16 BE no BOM", Encoding.BigEndianUnicode.GetBytes(Article));
        data.Add("UTF-8 no BOM", Encoding.UTF8.GetBytes(Article));
        return data;
    }

    [Theory]
    [MemberData(nameof(MarkedInputs))]
    public void Text_decodes_to_the_input_minus_its_bom(string label, byte[] bytes)
    {
        Assert.True(TextDecoding.TryDecodeText(bytes, out var text, out var failure), $"{label}: {failure}");
        Assert.Equal(Article, text);
        Assert.True(TextDecoding.TryDecodeHtml(bytes, out var html, out failure), $"{label}: {failure}");
        Assert.Equal(Article, html);
    }

    [Fact]
    public void Line_breaks_and_spacing_are_kept_exactly()
    {
        const string input = "Title\r\n\r\n  Body\twith tab\r\nlast line without break";
        Assert.True(TextDecoding.TryDecodeText(Encoding.UTF8.GetBytes(input), out var text, out _));
        Assert.Equal(input, text);
    }

    [Theory]
    [InlineData(new byte[] { }, "empty file")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A }, "empty file (whitespace only)")]
    [InlineData(new byte[] { 0x41, 0x42, 0xC3, 0x28, 0x43 }, "not valid UTF-8 (byte 0xC3 at offset 2)")]
    [InlineData(new byte[] { 0x41, 0x42, 0xE2, 0x82 }, "not valid UTF-8 (byte 0xE2 at offset 2)")]
    [InlineData(new byte[] { 0x41, 0x00, 0x00, 0x42, 0x43, 0x00, 0x44 }, "binary content (NUL bytes)")]
    [InlineData(new byte[] { 0x41, 0x01, 0x02, 0x03, 0x1B, 0x42, 0x43, 0x44, 0x45, 0x46 }, "binary content (40% control characters)")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8 }, "not valid UTF-16 LE (broken or truncated character)")]
    public void Bad_text_fails_with_a_reason(byte[] bytes, string reason)
    {
        Assert.False(TextDecoding.TryDecodeText(bytes, out var text, out var failure));
        Assert.Null(text);
        Assert.Equal(reason, failure);
    }

    [Fact]
    public void Invalid_utf8_offset_is_found_past_the_first_buffer()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', 50_000) + "é" + new string('b', 20_000));
        bytes[50_002] = 0xFF;
        Assert.False(TextDecoding.TryDecodeText(bytes, out _, out var failure));
        Assert.Equal("not valid UTF-8 (byte 0xFF at offset 50002)", failure);
    }

    [Theory]
    [InlineData("<html><head><meta charset=\"windows-1256\"><title>x</title>", "windows-1256")]
    [InlineData("<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1256\">", "windows-1256")]
    [InlineData("<meta name=viewport content=width=device-width><meta charset='iso-8859-6'>", "iso-8859-6")]
    [InlineData("<meta charset=\"ISO-8859-1\">", "windows-1252")]
    [InlineData("<meta charset=\"utf-16\">", "utf-8")]
    public void Meta_charset_is_read_from_the_head(string head, string expected)
    {
        var encoding = TextDecoding.DeclaredHtmlCharset(Encoding.ASCII.GetBytes(head));
        Assert.NotNull(encoding);
        Assert.Equal(expected, encoding.WebName);
    }

    [Theory]
    [InlineData("<html><head><title>No charset here</title></head>")]
    [InlineData("<meta charset=\"no-such-encoding-x\">")]
    [InlineData("<p>charset=windows-1256 mentioned in text</p>")]
    public void Missing_or_unknown_meta_charset_gives_null(string head) =>
        Assert.Null(TextDecoding.DeclaredHtmlCharset(Encoding.ASCII.GetBytes(head)));

    [Fact]
    public void Html_with_meta_charset_windows_1256_decodes_arabic()
    {
        TextDecoding.EnsureCodePages();
        const string page = "<html><head><meta charset=\"windows-1256\"></head><body><p>غارة جوية على دير الزور</p></body></html>";
        var bytes = Encoding.GetEncoding(1256).GetBytes(page);
        Assert.True(TextDecoding.TryDecodeHtml(bytes, out var text, out _));
        Assert.Equal(page, text);
        Assert.Contains("دير الزور", text);
    }

    [Fact]
    public void Html_without_charset_that_is_not_utf8_falls_back_to_windows_1252()
    {
        // "café" and a curly apostrophe as windows-1252 bytes: 0xE9 and 0x92 are not valid UTF-8.
        byte[] bytes = [.. "<p>caf"u8, 0xE9, .. " owner"u8, 0x92, .. "s shop</p>"u8];
        Assert.False(TextDecoding.TryDecodeText(bytes, out _, out _));
        Assert.True(TextDecoding.TryDecodeHtml(bytes, out var text, out _));
        Assert.Equal("<p>café owner’s shop</p>", text);
    }

    [Fact]
    public void Html_without_charset_in_valid_utf8_is_read_as_utf8()
    {
        const string page = "<p>Raqqa — الرقة</p>";
        Assert.True(TextDecoding.TryDecodeHtml(Encoding.UTF8.GetBytes(page), out var text, out _));
        Assert.Equal(page, text);
    }

    [Fact]
    public void Bom_wins_over_a_contradicting_meta_charset()
    {
        const string page = "<meta charset=\"windows-1256\"><p>Homs — حمص</p>";
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(page)];
        Assert.True(TextDecoding.TryDecodeHtml(bytes, out var text, out _));
        Assert.Equal(page, text);
    }

    [Fact]
    public void Html_with_nul_bytes_is_binary()
    {
        byte[] bytes = [.. "<p>x</p>"u8, 0x00, 0x01, 0x00, 0x7F, 0x10];
        Assert.False(TextDecoding.TryDecodeHtml(bytes, out _, out var failure));
        Assert.Equal("binary content (NUL bytes)", failure);
    }
}
