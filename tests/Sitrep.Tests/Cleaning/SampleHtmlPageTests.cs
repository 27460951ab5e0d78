using System.Text.Json;
using Sitrep.Cleaning;
using Sitrep.Documents;
using Sitrep.Ingest;

namespace Sitrep.Tests.Cleaning;

/// <summary>
/// The saved pages in samples/html (WordPress, AMP, Drupal, Ghost, print view, windows-1256 ...)
/// against their sidecar samples/html/expected/&lt;page&gt;.json: title, outlet, date, sentences
/// that must be body and page furniture or comments that must not be.
/// </summary>
public class SampleHtmlPageTests
{
    private static readonly DocumentCleaner Cleaner = DocumentCleaner.LoadDefault();
    private static string PagesDir => Path.Combine(RepoPaths.Samples, "html");

    private sealed record Expected(string Title, string? Outlet, string? Published, string[] Body, string[] NotBody, string[] Comments);

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, "html", "expected"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    private static Expected ReadExpected(string page)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(PagesDir, "expected", page + ".json"))).RootElement;
        string[] List(string name) => root.TryGetProperty(name, out var a) ? a.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
        string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new Expected(Text("title")!, Text("outlet"), Text("published"), List("body"), List("not_body"), List("comments"));
    }

    private static Document Clean(string page)
    {
        var path = Path.Combine(PagesDir, page + ".html");
        var items = new InputReader().Read([path]).ToList();
        var raw = Assert.IsType<IngestedDocument>(Assert.Single(items)).Document;
        Assert.Equal(DocumentFormat.Html, raw.Format);
        return Cleaner.Clean(raw);
    }

    private static List<int> Occurrences(string text, string needle)
    {
        var found = new List<int>();
        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal))
            found.Add(at);
        return found;
    }

    [Fact]
    public void There_are_at_least_ten_pages_each_with_an_expected_file()
    {
        var pages = Directory.EnumerateFiles(PagesDir, "*.htm*").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.True(pages.Count >= 10, $"{pages.Count} pages");
        foreach (var page in pages)
            Assert.True(File.Exists(Path.Combine(PagesDir, "expected", page + ".json")), $"no expected file for {page}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Title_outlet_and_date_are_read_from_the_page(string page)
    {
        var expected = ReadExpected(page);
        var document = Clean(page);
        Assert.Equal(expected.Title, document.Title);
        Assert.Equal(expected.Outlet, document.Outlet);
        Assert.Equal(expected.Published is null ? null : DateOnly.Parse(expected.Published, System.Globalization.CultureInfo.InvariantCulture), document.Published);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Key_sentences_lie_inside_body_spans(string page)
    {
        var expected = ReadExpected(page);
        var document = Clean(page);
        Assert.NotEmpty(expected.Body);
        foreach (var sentence in expected.Body)
        {
            var at = Occurrences(document.Text, sentence);
            Assert.True(at.Count > 0, $"not in the page text: {sentence}");
            var span = new TextSpan(at[0], at[0] + sentence.Length);
            Assert.True(document.Body.Any(b => b.Contains(span)), $"not in the body: {sentence}");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Furniture_and_comments_lie_outside_the_body(string page)
    {
        var expected = ReadExpected(page);
        var document = Clean(page);
        foreach (var furniture in expected.NotBody)
        {
            foreach (var at in Occurrences(document.Text, furniture))
            {
                var span = new TextSpan(at, at + furniture.Length);
                Assert.False(document.Body.Any(b => b.Overlaps(span)), $"in the body: {furniture}");
            }
        }
        foreach (var comment in expected.Comments)
        {
            var at = Occurrences(document.Text, comment);
            Assert.True(at.Count > 0, $"not in the page text: {comment}");
            var span = new TextSpan(at[0], at[0] + comment.Length);
            Assert.True(document.Comments.Any(c => c.Contains(span)), $"not a reader comment: {comment}");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Body_spans_are_ordered_and_inside_the_text(string page)
    {
        var document = Clean(page);
        Assert.NotEmpty(document.Body);
        var previousEnd = 0;
        foreach (var span in document.Body)
        {
            Assert.True(span.Start >= previousEnd && span.End <= document.Text.Length && !span.IsEmpty, $"bad body span {span}");
            previousEnd = span.End;
        }
    }
}
