using Sitrep.Documents;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public class InputReaderTests
{
    private static List<IngestItem> ReadAll(params string[] paths) => new InputReader().Read(paths).ToList();

    private static string Describe(IngestItem item) => item switch
    {
        IngestedDocument d => "doc " + Path.GetFileName(d.Source),
        IngestFailure f => "fail " + Path.GetFileName(f.Source),
        _ => "?",
    };

    [Fact]
    public void Bad_folder_yields_one_failure_per_bad_input_and_every_good_document_in_order()
    {
        var items = ReadAll(BadInputs.Folder);
        string[] expected =
        [
            "doc arabic-1256.html",
            "fail binary.txt",
            "fail broken-feed.rss",
            "fail empty.txt",
            "doc good.txt",
            "fail invalid-utf8.txt",
            "doc mixed.jsonl:1",
            "fail mixed.jsonl:2",
            "doc mixed.jsonl:4",
            "fail mixed.jsonl:5",
            "doc mixed.jsonl:6",
            "doc truncated.html",
            "doc utf16le-bom.txt",
            "doc utf16le-nobom.txt",
        ];
        Assert.Equal(expected, items.Select(Describe));
    }

    [Theory]
    [InlineData("binary.txt", "binary content (NUL bytes)")]
    [InlineData("empty.txt", "empty file")]
    [InlineData("invalid-utf8.txt", "not valid UTF-8 (byte 0xC3 at offset 113)")]
    [InlineData("broken-feed.rss", "broken XML at line 8: The 'description' start tag on line 7 position 2 does not match the end tag of 'item'.")]
    public void Each_bad_file_gives_exactly_one_failure_with_a_clear_reason(string file, string reason)
    {
        var path = BadInputs.PathOf(file);
        var item = Assert.Single(ReadAll(path));
        var failure = Assert.IsType<IngestFailure>(item);
        Assert.Equal(path, failure.Source);
        Assert.Equal(reason, failure.Reason);
    }

    [Fact]
    public void Missing_path_is_a_failure_and_the_next_path_still_comes()
    {
        var missing = Path.Combine(BadInputs.Folder, "no-such-article.txt");
        var items = ReadAll(missing, BadInputs.PathOf("good.txt"));
        Assert.Equal(2, items.Count);
        Assert.Equal(new IngestFailure(missing, "no such file or folder"), items[0]);
        var doc = Assert.IsType<IngestedDocument>(items[1]).Document;
        Assert.Equal("good.txt", doc.Id);
    }

    [Fact]
    public void Text_file_keeps_its_name_as_id_and_its_exact_content()
    {
        var path = BadInputs.PathOf("good.txt");
        var doc = Assert.IsType<IngestedDocument>(Assert.Single(ReadAll(path))).Document;
        Assert.Equal("good.txt", doc.Id);
        Assert.Equal(path, doc.Source);
        Assert.Equal(DocumentFormat.Text, doc.Format);
        Assert.Equal(File.ReadAllText(path), doc.Content);
    }

    [Fact]
    public void Truncated_html_is_still_a_document()
    {
        var doc = Assert.IsType<IngestedDocument>(Assert.Single(ReadAll(BadInputs.PathOf("truncated.html")))).Document;
        Assert.Equal(DocumentFormat.Html, doc.Format);
        Assert.Equal("truncated.html", doc.Id);
        Assert.EndsWith("At least four people were", doc.Content);
    }

    [Fact]
    public void Windows_1256_page_decodes_to_arabic()
    {
        var doc = Assert.IsType<IngestedDocument>(Assert.Single(ReadAll(BadInputs.PathOf("arabic-1256.html")))).Document;
        Assert.Contains("تدمر", doc.Content);
        Assert.Contains("قتل ثلاثة جنود", doc.Content);
    }

    [Theory]
    [InlineData("utf16le-bom.txt", "Clashes in Idlib countryside")]
    [InlineData("utf16le-nobom.txt", "Clashes in Hama countryside")]
    public void Utf16_files_decode_with_no_bom_left(string file, string firstLine)
    {
        var doc = Assert.IsType<IngestedDocument>(Assert.Single(ReadAll(BadInputs.PathOf(file)))).Document;
        Assert.StartsWith(firstLine + "\n", doc.Content);
        Assert.Contains("سراقب", doc.Content);
    }

    [Fact]
    public void Oversized_text_file_fails_with_its_size_and_the_cap()
    {
        using var scratch = new ScratchFolder();
        var path = Path.Combine(scratch.Root, "huge.txt");
        using (var stream = File.Create(path)) stream.SetLength(20 * IngestOptions.Megabyte);
        var failure = Assert.IsType<IngestFailure>(Assert.Single(ReadAll(path)));
        Assert.Equal("too large: 20.0 MB exceeds the 8 MB text limit", failure.Reason);
    }

    [Fact]
    public void Caps_are_settable()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write("page.html", "<p>" + new string('x', 3000) + "</p>");
        var reader = new InputReader(new IngestOptions { MaxHtmlFileBytes = 1024 });
        var failure = Assert.IsType<IngestFailure>(Assert.Single(reader.Read([path])));
        Assert.Equal("too large: 3007 bytes exceeds the 1024 bytes HTML limit", failure.Reason);
    }

    [Fact]
    public void Folders_are_walked_in_ordinal_order_skipping_unknown_and_hidden_files()
    {
        using var scratch = new ScratchFolder();
        scratch.Write("b.txt", "Beta report\n\nbody");
        scratch.Write("B.htm", "<p>upper</p>");
        scratch.Write("a/z.txt", "Nested\n\nbody");
        scratch.Write("a/notes.md", "# not an input");
        scratch.Write("image.png", [0x89, 0x50, 0x4E, 0x47, 0, 0]);
        scratch.Write(".hidden/x.txt", "skip me");
        scratch.Write("c.TXT", "Upper-case extension\n\nbody");
        var ids = new InputReader().Read([scratch.Root]).Select(i => Assert.IsType<IngestedDocument>(i).Document.Id).ToList();
        Assert.Equal(["B.htm", "z.txt", "b.txt", "c.TXT"], ids);
    }

    [Theory]
    [InlineData("  <html><body><p>Raid on a village</p></body></html>", DocumentFormat.Html)]
    [InlineData("Raid on a village\n\nGunmen raided a village at dawn.", DocumentFormat.Text)]
    public void Explicitly_named_unknown_extension_is_sniffed(string content, DocumentFormat expected)
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write("article.dat", content);
        var doc = Assert.IsType<IngestedDocument>(Assert.Single(ReadAll(path))).Document;
        Assert.Equal(expected, doc.Format);
        Assert.Equal(content, doc.Content);
        Assert.Empty(ReadAll(scratch.Root));
    }

    [Fact]
    public void Reading_is_lazy()
    {
        IEnumerable<string> Paths()
        {
            yield return BadInputs.PathOf("good.txt");
            throw new InvalidOperationException("the second path must not be asked for");
        }
        var first = new InputReader().Read(Paths()).First();
        Assert.IsType<IngestedDocument>(first);
    }
}

public class SampleInputTests
{
    private static string SamplesFolder() => RepoPaths.Samples;

    [Fact]
    public void Sample_feed_and_jsonl_read_without_failures()
    {
        var samples = SamplesFolder();
        var items = new InputReader().Read([Path.Combine(samples, "feeds"), Path.Combine(samples, "jsonl")]).ToList();
        Assert.All(items, item => Assert.IsType<IngestedDocument>(item));
        var docs = items.Cast<IngestedDocument>().Select(d => d.Document).ToList();
        Assert.Equal(["sample-wire-0001", "sample-wire-0002", "https://sample-wire.example/2023/08/roadside-bomb", "sample-jsonl-1", "sample-jsonl-2"],
            docs.Select(d => d.Id));
        Assert.All(docs.Take(3), d => Assert.Equal("Sitrep Sample Wire", d.Outlet));
        Assert.All(docs, d => Assert.False(string.IsNullOrWhiteSpace(d.Title)));
    }
}
