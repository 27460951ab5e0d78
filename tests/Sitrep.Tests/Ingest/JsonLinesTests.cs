using Sitrep.Documents;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public class JsonLinesTests
{
    private static List<IngestItem> Read(string path, IngestOptions? options = null) =>
        new InputReader(options ?? IngestOptions.Default).Read([path]).ToList();

    [Fact]
    public void Valid_lines_before_and_after_a_bad_line_are_kept()
    {
        var path = BadInputs.PathOf("mixed.jsonl");
        var items = Read(path);
        Assert.Equal(5, items.Count);

        var first = Assert.IsType<IngestedDocument>(items[0]).Document;
        Assert.Equal("jl-1", first.Id);
        Assert.Equal($"{path}:1", first.Source);
        Assert.Equal(DocumentFormat.TextBody, first.Format);
        Assert.Equal("Drone strike near Al-Bab", first.Title);
        Assert.Equal("https://example.org/a", first.Url);
        Assert.Equal("Example Monitor", first.Outlet);
        Assert.Equal("2021-03-01", first.Published);
        Assert.Equal("A drone strike hit a vehicle near Al-Bab on Monday, a monitoring group said.", first.Content);

        var broken = Assert.IsType<IngestFailure>(items[1]);
        Assert.Equal($"{path}:2", broken.Source);
        Assert.StartsWith("line 2: invalid JSON: ", broken.Reason);

        var html = Assert.IsType<IngestedDocument>(items[2]).Document;
        Assert.Equal("jl-3", html.Id);
        Assert.Equal($"{path}:4", html.Source);
        Assert.Equal(DocumentFormat.Html, html.Format);
        Assert.Equal("Example Wire", html.Outlet);
        Assert.Null(html.Title);

        Assert.Equal(new IngestFailure($"{path}:5", "line 5: needs \"text\" or \"html\""), items[3]);

        var last = Assert.IsType<IngestedDocument>(items[4]).Document;
        Assert.Equal("jl-5", last.Id);
        Assert.Equal($"{path}:6", last.Source);
    }

    [Theory]
    [InlineData("[1,2]", "line 1: expected a JSON object, found an array")]
    [InlineData("{\"text\":\"Shelling reported.\"}", "line 1: needs \"id\"")]
    [InlineData("{\"id\":\"  \",\"text\":\"Shelling reported.\"}", "line 1: needs \"id\"")]
    [InlineData("{\"id\":\"a\",\"text\":42}", "line 1: \"text\" must be a string, found a number")]
    [InlineData("{\"id\":\"a\",\"text\":\"   \"}", "line 1: \"text\" is empty")]
    [InlineData("{\"id\":\"a\",\"html\":\"\"}", "line 1: \"html\" is empty")]
    [InlineData("{\"id\":\"a\",\"text\":\"x\",\"url\":{}}", "line 1: \"url\" must be a string, found an object")]
    [InlineData("{\"id\":\"a\" \"text\":\"x\"}", "line 1: invalid JSON: ")]
    public void Bad_lines_say_what_is_wrong(string line, string reasonStart)
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write("one.jsonl", line + "\n");
        var failure = Assert.IsType<IngestFailure>(Assert.Single(Read(path)));
        Assert.Equal($"{path}:1", failure.Source);
        Assert.StartsWith(reasonStart, failure.Reason);
    }

    [Fact]
    public void Numeric_id_crlf_line_breaks_and_a_last_line_without_break_are_accepted()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write("crlf.jsonl", "{\"id\":17,\"text\":\"Raid near Hit.\"}\r\n\r\n{\"id\":\"b\",\"text\":\"Mine blast near Tadmur.\",\"html\":\"<p>ignored</p>\"}");
        var docs = Read(path).Select(i => Assert.IsType<IngestedDocument>(i).Document).ToList();
        Assert.Equal(["17", "b"], docs.Select(d => d.Id));
        Assert.Equal("Raid near Hit.", docs[0].Content);
        Assert.Equal(DocumentFormat.TextBody, docs[1].Format);
        Assert.Equal("Mine blast near Tadmur.", docs[1].Content);
        Assert.Equal($"{path}:3", docs[1].Source);
    }

    [Fact]
    public void Invalid_utf8_line_fails_alone()
    {
        using var scratch = new ScratchFolder();
        byte[] bytes = [.. "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"caf"u8, 0xE9, .. "\"}\n{\"id\":\"c\",\"text\":\"ok\"}\n"u8];
        var path = scratch.Write("latin.jsonl", bytes);
        var items = Read(path);
        Assert.Equal(3, items.Count);
        Assert.Equal(new IngestFailure($"{path}:2", "line 2: not valid UTF-8 (byte 0xE9 at offset 21 of the line)"), items[1]);
        Assert.Equal("c", Assert.IsType<IngestedDocument>(items[2]).Document.Id);
    }

    [Fact]
    public void Over_long_line_fails_alone_and_later_lines_still_come()
    {
        using var scratch = new ScratchFolder();
        var big = "{\"id\":\"big\",\"text\":\"" + new string('x', 300_000) + "\"}";
        var path = scratch.Write("big.jsonl", "{\"id\":\"a\",\"text\":\"first\"}\n" + big + "\n{\"id\":\"c\",\"text\":\"after\"}\n");
        var items = Read(path, new IngestOptions { MaxJsonLineBytes = 200_000 });
        Assert.Equal(3, items.Count);
        var failure = Assert.IsType<IngestFailure>(items[1]);
        Assert.Equal("line 2: too large: 0.3 MB exceeds the 0.2 MB line limit", failure.Reason);
        Assert.Equal("after", Assert.IsType<IngestedDocument>(items[2]).Document.Content);
    }

    [Fact]
    public void Utf16_jsonl_with_bom_is_transcoded()
    {
        using var scratch = new ScratchFolder();
        byte[] bytes = [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("{\"id\":\"u\",\"text\":\"قصف على حماة\"}\n")];
        var path = scratch.Write("wide.jsonl", bytes);
        var doc = Assert.IsType<IngestedDocument>(Assert.Single(Read(path))).Document;
        Assert.Equal("قصف على حماة", doc.Content);
    }

    [Theory]
    [InlineData(new byte[] { }, "empty file")]
    [InlineData(new byte[] { 0x0A, 0x20, 0x0A }, "empty file")]
    [InlineData(new byte[] { 0x7B, 0x00, 0x00, 0x01, 0x02, 0x00, 0x7D }, "binary content (NUL bytes)")]
    public void Empty_or_binary_jsonl_is_one_failure_for_the_file(byte[] bytes, string reason)
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write("odd.jsonl", bytes);
        Assert.Equal(new IngestFailure(path, reason), Assert.Single(Read(path)));
    }
}
