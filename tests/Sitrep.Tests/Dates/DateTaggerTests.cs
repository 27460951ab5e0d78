using System.Globalization;
using System.Text.Json;
using Sitrep.Dates;
using Sitrep.Documents;

namespace Sitrep.Tests.Dates;

public class DateTaggerTests
{
    public static IEnumerable<object[]> Phrases()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "dates", "phrases.tsv");
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            yield return [f[0], f[1], f[2], f[3], f[4], f[5]];
        }
    }

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Phrase_gives_the_expected_date(string text, string published, string span, string value, string precision, string relativeTo)
    {
        DateOnly? pub = published == "-" ? null : DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var found = DateTagger.Tag(text, pub);
        if (span == "none")
        {
            Assert.Empty(found);
            return;
        }
        Assert.NotEmpty(found);
        var m = found[0];
        Assert.Equal(span, text[m.Span.Start..m.Span.End]);
        Assert.Equal(value == "-" ? null : value, m.Value);
        Assert.Equal(precision, m.Precision);
        Assert.Equal(relativeTo == "-" ? null : relativeTo, m.RelativeTo);
    }

    [Theory]
    [InlineData("last April", "2020-06-10", "2020-04", "month")]
    [InlineData("5 October", "2023-12-06", "2023-10-05", "day")]
    [InlineData("yesterday", "2020-03-01", "2020-02-29", "day")]
    [InlineData("two days after the attack", "2020-03-01", null, "day")]
    public void Resolver_resolves_a_bare_phrase(string phrase, string published, string? value, string precision)
    {
        var r = DateResolver.Resolve(phrase, DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.NotNull(r);
        Assert.Equal(value, r.Value.Value);
        Assert.Equal(precision, r.Value.Precision);
    }

    [Theory]
    [InlineData("two days after the attack", "day", 2)]
    [InlineData("three weeks later", "week", 3)]
    [InlineData("two days before the offensive", "day", -2)]
    [InlineData("the next day", "day", 1)]
    [InlineData("the following day", "day", 1)]
    public void A_phrase_relative_to_another_event_carries_its_offset(string phrase, string unit, int offset)
    {
        var r = DateResolver.Resolve(phrase, new DateOnly(2020, 3, 1));
        Assert.NotNull(r);
        Assert.Equal((null, unit, DateResolver.Event, offset), (r.Value.Value, r.Value.Precision, r.Value.RelativeTo, r.Value.Offset));
    }

    [Theory]
    [InlineData("2023-06-23", 2, "day", "2023-06-25")]
    [InlineData("2023-12-30", 3, "day", "2024-01-02")]
    [InlineData("2023-06-23", -1, "week", "2023-06-16")]
    [InlineData("2023-06-23", 1, "month", "2023-07")]
    [InlineData("2023-06", 2, "day", null)]
    [InlineData(null, 2, "day", null)]
    public void An_event_relative_date_counts_from_its_anchor_day(string? anchor, int offset, string unit, string? expected) =>
        Assert.Equal(expected, DateResolver.FromEvent(anchor, offset, unit));

    [Fact]
    public void A_deictic_date_inside_a_quotation_is_not_resolved_against_publication()
    {
        const string text = "“Soldiers clashed near al-Sukhnah two days ago,” Amaq said. The army shelled the town yesterday.";
        var doc = new Document { Id = "q", Text = text, Published = new DateOnly(2023, 12, 7), Body = [new TextSpan(0, text.Length)] };
        var found = DateTagger.Tag(doc);
        Assert.Equal(2, found.Count);
        Assert.Equal(("two days ago", (string?)null, DateResolver.Publication), (text[found[0].Span.Start..found[0].Span.End], found[0].Value, found[0].RelativeTo));
        // after the quotation closes, "yesterday" counts from publication again
        Assert.Equal("2023-12-06", found[1].Value);
    }

    [Fact]
    public void Resolver_picks_the_previous_year_for_a_later_day_month()
    {
        var r = DateResolver.DayOfMonth(20, 12, null, new DateOnly(2023, 12, 6));
        Assert.Equal("2022-12-20", r?.Value);
        Assert.Null(DateResolver.DayOfMonth(30, 2, null, null));
    }

    [Fact]
    public void Stage_adds_date_mentions()
    {
        var doc = new Document { Id = "d", Text = "Clashes erupted yesterday.", Published = new DateOnly(2019, 3, 1), Body = [new TextSpan(0, 26)] };
        var tagger = new DateTagger();
        var m = Assert.Single(tagger.Process(doc).MentionsOf<DateMention>());
        Assert.Equal("2019-02-28", m.Value);
        Assert.Equal("dates", tagger.Name);
    }

    /// <summary>Every gold date text is found by the tagger in its own document (title line plus gold body spans).</summary>
    [Fact]
    public void Every_gold_date_text_is_found_in_its_document()
    {
        var root = RepoPaths.Root;
        var dir = Path.Combine(AppContext.BaseDirectory, "data", "gold");
        var texts = new HashSet<(string Doc, string Text)>();
        var missing = new List<string>();
        foreach (var file in Directory.GetFiles(dir, "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var docName = json.RootElement.GetProperty("doc").GetString()!;
            var text = File.ReadAllText(Path.Combine(root, "samples", "text", docName));
            var titleText = json.RootElement.GetProperty("title").GetString()!;
            var titleAt = text.IndexOf(titleText, StringComparison.Ordinal);
            var body = json.RootElement.GetProperty("body").EnumerateArray()
                .Select(b => new TextSpan(b.GetProperty("start").GetInt32(), b.GetProperty("end").GetInt32())).ToArray();
            var doc = new Document
            {
                Id = docName, Text = text, Body = [.. body],
                TitleSpan = titleAt >= 0 ? new TextSpan(titleAt, titleAt + titleText.Length) : null,
            };
            var mentions = DateTagger.Tag(doc);
            foreach (var ev in json.RootElement.GetProperty("events").EnumerateArray())
            {
                var phrase = ev.GetProperty("date").GetProperty("text").GetString();
                if (phrase is null || !texts.Add((docName, phrase))) continue;
                var spans = Occurrences(text, phrase).ToList();
                Assert.NotEmpty(spans);
                if (!spans.Any(s => mentions.Any(m => m.Span.Overlaps(s) && s.OverlapLength(m.Span) * 2 >= s.Length)))
                    missing.Add($"{docName}: '{phrase}'");
            }
        }
        Assert.True(texts.Count >= 8, $"only {texts.Count} distinct gold date texts");
        Assert.True(missing.Count == 0, "not found: " + string.Join("; ", missing));
    }

    private static IEnumerable<TextSpan> Occurrences(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            yield return new TextSpan(at, at + phrase.Length);
    }
}
