using Sitrep.Cleaning;
using Sitrep.Documents;

namespace Sitrep.Tests.Cleaning;

public class TextCleanerTests
{
    private static readonly DocumentCleaner Cleaner = DocumentCleaner.LoadDefault();

    private const string Lead = "Government forces shelled the outskirts of Idlib on Monday, killing four civilians, a monitor said.";
    private const string Second = "The Syrian Observatory for Human Rights reported that the strikes hit a market in the town of Ariha.";

    private static Document Clean(string text, DocumentFormat format = DocumentFormat.Text) =>
        Cleaner.Clean(new RawDocument("t", "t", format, text));

    private static string[] Bodies(Document d) => d.Body.Select(d.Slice).ToArray();

    [Theory]
    [InlineData("1,000 $")]
    [InlineData("$250")]
    [InlineData("Support Enab Baladi")]
    [InlineData("Share this article")]
    [InlineData("Subscribe to our newsletter")]
    [InlineData("Read More")]
    [InlineData("Illustrative image")]
    [InlineData("Photo: AFP")]
    [InlineData("Video also available on Rumble:")]
    [InlineData("Back to top button")]
    [InlineData("Follow us on Telegram")]
    [InlineData("Related Articles")]
    [InlineData("Eastern Ghouta")]
    [InlineData("The views expressed in this article do not necessarily reflect those of the publisher.")]
    [InlineData("© 2024 North Press Agency. All rights reserved.")]
    public void Furniture_between_paragraphs_is_boilerplate(string furniture)
    {
        var document = Clean($"Headline of the report\n\n{Lead}\n\n{furniture}\n\n{Second}\n");
        Assert.Equal([Lead, Second], Bodies(document));
        Assert.Contains(document.Boilerplate, s => document.Slice(s) == furniture);
    }

    [Theory]
    [InlineData("Notify of")]
    [InlineData("3 Comments")]
    [InlineData("12 thoughts on “Regime shells Idlib”")]
    [InlineData("Leave a Reply")]
    [InlineData("Newest Most Voted")]
    [InlineData("View all comments")]
    public void A_comment_marker_turns_the_rest_into_comments(string marker)
    {
        var rant = "I have been saying this for years, you people never listen to the truth about what happens there.";
        var document = Clean($"Headline of the report\n\n{Lead}\n\n{Second}\n\n{marker}\n\n{rant}\n\nAnother reader here: totally agree with you, great comment.\n");
        Assert.Equal([Lead, Second], Bodies(document));
        Assert.Contains(document.Comments, s => document.Slice(s) == rant);
    }

    [Fact]
    public void A_comment_count_before_the_article_does_not_swallow_the_body()
    {
        var document = Clean($"Headline of the report\n\n4 Comments\n\n{Lead}\n\n{Second}\n");
        Assert.Equal([Lead, Second], Bodies(document));
        Assert.Empty(document.Comments);
    }

    [Fact]
    public void An_indented_numbered_thread_with_replies_is_comments()
    {
        var text = $"Headline of the report\n\n{Lead}\n\n{Second}\n\n  1. Why does nobody report the real story here? It is always the same lies.\n    • You are right, they never tell us who is paying for all of this.\n\n  2. God protect the people of Idlib from all of them.\n";
        var document = Clean(text);
        Assert.Equal([Lead, Second], Bodies(document));
        Assert.Equal(3, document.Comments.Length);
    }

    [Fact]
    public void Comments_are_closed_marks_the_thread_above_it()
    {
        var text = $"Headline of the report\n\n{Lead}\n\n{Second}\n\n   Great article, thanks for reporting what others will not.\n\nComments are closed.\n";
        var document = Clean(text);
        Assert.Equal([Lead, Second], Bodies(document));
        Assert.Contains(document.Comments, s => document.Slice(s).StartsWith("Great article", StringComparison.Ordinal));
    }

    [Fact]
    public void The_title_is_the_first_line_that_is_not_furniture_and_a_repeat_is_boilerplate()
    {
        var text = $"0 $\n500 $\n\nArmy Repels Attack Near Palmyra\n\nSupport Our Work\n\nArmy Repels Attack Near Palmyra\n\n{Lead}\n";
        var document = Clean(text);
        Assert.Equal("Army Repels Attack Near Palmyra", document.Title);
        Assert.Equal(document.Title, document.Slice(document.TitleSpan!.Value));
        Assert.Equal([Lead], Bodies(document));
        Assert.Equal(2, document.Boilerplate.Count(s => document.Slice(s).EndsWith('$')));
        Assert.Contains(document.Boilerplate, s => document.Slice(s) == "Army Repels Attack Near Palmyra");
    }

    [Fact]
    public void TextBody_has_no_title_line_and_keeps_the_given_title()
    {
        var raw = new RawDocument("j1", "feed.jsonl:1", DocumentFormat.TextBody, $"{Lead}\n{Second}") { Title = "Shelling in Idlib", Outlet = "SANA" };
        var document = Cleaner.Clean(raw);
        Assert.Same(raw.Content, document.Text);
        Assert.Equal("Shelling in Idlib", document.Title);
        Assert.Null(document.TitleSpan);
        Assert.Equal("SANA", document.Outlet);
        Assert.Equal([Lead, Second], Bodies(document));
    }

    [Fact]
    public void Paragraph_spans_are_trimmed_of_outer_whitespace_including_nbsp()
    {
        var document = Clean($"Headline of the report\n\n\u00a0 {Lead}\u00a0 \r\n");
        Assert.Equal([Lead], Bodies(document));
    }

    [Fact]
    public void Hard_wrapped_lines_of_one_paragraph_are_joined()
    {
        var text = "Headline of the report\n\nGovernment forces shelled the outskirts of Idlib on Monday and\nkilled four civilians, the monitor said.\n";
        var document = Clean(text);
        Assert.Single(document.Body);
        Assert.EndsWith("the monitor said.", Bodies(document)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Content_hash_is_lowercase_sha256_of_the_utf8_content()
    {
        var document = Clean("abc");
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", document.ContentHash);
    }

    [Fact]
    public void A_document_without_body_gets_a_warning()
    {
        var document = Clean("Title only\n\nShare\n");
        Assert.Empty(document.Body);
        Assert.Contains("no body text found", document.Warnings);
    }

    [Theory]
    [InlineData("2023-10-05", 2023, 10, 5)]
    [InlineData("2015-07-24T05:36:09+01:00", 2015, 7, 24)]
    [InlineData("2015-02-24T19:56:33.374Z", 2015, 2, 24)]
    [InlineData("Tue, 10 Jun 2003 04:00:00 GMT", 2003, 6, 10)]
    [InlineData("Thu, 05 Oct 2023 14:10:00 +0300", 2023, 10, 5)]
    [InlineData("Sun, 7 Jan 2018 09:00:00 EST", 2018, 1, 7)]
    [InlineData("June 25, 2020", 2020, 6, 25)]
    public void Published_dates_parse_from_iso_and_rfc822(string value, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), PublishedDate.Parse(value));
        var document = Cleaner.Clean(new RawDocument("p", "p", DocumentFormat.TextBody, Lead) { Published = value });
        Assert.Equal(new DateOnly(y, m, d), document.Published);
    }

    [Theory]
    [InlineData("not a date")]
    [InlineData("")]
    [InlineData(null)]
    public void Unparseable_dates_are_null(string? value) => Assert.Null(PublishedDate.Parse(value));
}
