using Sitrep.Dates;
using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Tests.Dates;

public class AnchorDatingTests
{
    /// <summary>Two made-up anchors, so the rules are tested apart from the shipped knowledge base.</summary>
    private static readonly AnchorEvents Test = new(
    [
        (new AnchorEvent("harbour-bombing", new DateOnly(2021, 3, 14), true, "Harbour bombing", ""),
            [["harbour", "port"], ["bombing", "blast", "explosion"], ["qarnayn", "qarnain"]]),
        (new AnchorEvent("fall-of-zabadi", new DateOnly(2016, 7, 1), false, "Fall of Zabadi", ""),
            [["zabadi"], ["fall", "fell", "capture"]]),
    ]);

    private static List<DateMention> Tag(string text, DateOnly? published = null, AnchorEvents? anchors = null)
    {
        var sentences = new List<Sentence>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '.' || (i + 1 < text.Length && text[i + 1] != ' ')) continue;
            sentences.Add(new Sentence(new TextSpan(start, i + 1), 0));
            start = i + 2;
        }
        if (start < text.Length) sentences.Add(new Sentence(new TextSpan(start, text.Length), 0));
        var doc = new Document
        {
            Id = "a", Text = text, Published = published, Body = [new TextSpan(0, text.Length)],
            Sentences = [.. sentences], Tokens = Tokenizer.Tokenize(text),
        };
        return DateTagger.Tag(doc, anchors ?? Test);
    }

    private static DateMention At(List<DateMention> found, string text, string phrase) =>
        Assert.Single(found, m => text[m.Span.Start..m.Span.End] == phrase);

    [Fact]
    public void A_phrase_with_the_anchors_own_day_is_the_anchor()
    {
        const string text = "On 14 March a bombing in the port of al-Qarnayn killed nine people.";
        var m = At(Tag(text), text, "14 March");
        Assert.Equal("2021-03-14", m.Value);
        Assert.Equal("harbour-bombing", m.YearFrom);
        Assert.Equal(DateResolver.Publication, m.RelativeTo);
    }

    [Fact]
    public void After_the_anchor_a_phrase_is_its_first_occurrence_on_or_after_it()
    {
        const string text = "Raids resumed last February, after the fall of Zabadi.";
        Assert.Equal("2017-02", At(Tag(text), text, "last February").Value);
    }

    [Fact]
    public void Before_the_anchor_a_phrase_is_its_last_occurrence_on_or_before_it()
    {
        const string text = "The siege tightened in September, before the fall of Zabadi.";
        Assert.Equal("2015-09", At(Tag(text), text, "September").Value);
    }

    [Fact]
    public void With_no_relation_word_a_phrase_beside_an_anchor_stays_open()
    {
        const string text = "On 2 January the port explosion in Qarnain was investigated by the army.";
        Assert.Null(At(Tag(text), text, "2 January").Value);
    }

    [Fact]
    public void Elsewhere_the_publication_is_taken_to_follow_the_latest_confirmed_anchor()
    {
        const string text = "On 14 March the bombing of the harbour of Qarnayn killed nine. Militants attacked a checkpoint on 20 May. Guards were shot on 1 July.";
        var found = Tag(text);
        // both dates are their occurrence nearest the confirmed anchor, 2021-03-14
        Assert.Equal("2021-05-20", At(found, text, "20 May").Value);
        Assert.Equal("2021-07-01", At(found, text, "1 July").Value);
        Assert.All(found, m => Assert.Equal("harbour-bombing", m.YearFrom));
    }

    [Fact]
    public void An_anchor_named_without_its_date_does_not_date_the_rest_of_the_report()
    {
        const string text = "The bombing of the harbour of Qarnayn is not forgotten. Militants attacked a checkpoint on 20 May.";
        Assert.Null(At(Tag(text), text, "20 May").Value);
    }

    [Fact]
    public void A_later_explicit_year_makes_the_anchors_history_and_leaves_other_dates_open()
    {
        const string text = "On 14 March the bombing of the harbour of Qarnayn killed nine. In March 2023 a shell hit the market. Then on 4 June a car bomb exploded.";
        var found = Tag(text);
        Assert.Null(At(found, text, "4 June").Value);
    }

    [Fact]
    public void A_relation_word_that_belongs_to_the_date_is_not_a_relation_to_the_anchor()
    {
        const string text = "Shelling has gone on since late September, the month of the capture of Zabadi.";
        // "since" governs "late September"; no word relates the date to the anchor, and the months differ
        Assert.Null(At(Tag(text), text, "late September").Value);
    }

    [Fact]
    public void A_date_far_from_the_confirmed_anchor_takes_the_nearer_year()
    {
        const string text = "On 14 March the bombing of the harbour of Qarnayn killed nine. A convoy was hit on 20 December.";
        Assert.Equal("2020-12-20", At(Tag(text), text, "20 December").Value);
    }

    [Fact]
    public void A_known_publication_date_is_never_overridden()
    {
        const string text = "On 14 March a bombing in the port of al-Qarnayn killed nine people.";
        Assert.Equal("2024-03-14", At(Tag(text, new DateOnly(2024, 5, 1)), text, "14 March").Value);
    }

    [Fact]
    public void Without_an_anchor_a_year_less_phrase_stays_open()
    {
        const string text = "On 14 March a bombing in the port killed nine people.";
        var m = At(Tag(text), text, "14 March");
        Assert.Null(m.Value);
        Assert.Equal((3, 14), (m.CalendarMonth, m.CalendarDay));
    }

    [Fact]
    public void Every_cue_group_must_appear_in_the_same_sentence()
    {
        const string text = "Zabadi was calm on 3 August. The capture of the hills followed.";
        Assert.Null(At(Tag(text), text, "3 August").Value);
    }

    [Theory]
    [InlineData("Al-Baghouz")]
    [InlineData("al‑Baghouz")]
    [InlineData("BAGHOUZ")]
    public void Cues_match_whole_words_with_the_article_folded(string surface)
    {
        var anchors = new AnchorEvents([(new AnchorEvent("b", new DateOnly(2019, 3, 23), true, "B", ""), [["baghouz"], ["fall", "breaking"]])]);
        var text = $"After the breaking of ISIS in {surface} the cells regrouped.";
        var found = anchors.Find(text, Tokenizer.Tokenize(text), 0, Tokenizer.Tokenize(text).Length);
        Assert.Equal("b", Assert.Single(found).Anchor.Id);
        const string other = "After the breaking of ISIS in Baghouzi the cells regrouped.";
        Assert.Empty(anchors.Find(other, Tokenizer.Tokenize(other), 0, Tokenizer.Tokenize(other).Length));
    }

    [Fact]
    public void Multi_word_cues_need_every_word_in_order()
    {
        var anchors = new AnchorEvents([(new AnchorEvent("m", new DateOnly(2023, 10, 5), true, "M", ""), [["military college", "military academy"], ["homs"]])]);
        const string yes = "A drone hit the military academy in Homs.";
        const string no = "A drone hit the academy of military medicine in Homs.";
        Assert.Single(anchors.Find(yes, Tokenizer.Tokenize(yes), 0, Tokenizer.Tokenize(yes).Length));
        Assert.Empty(anchors.Find(no, Tokenizer.Tokenize(no), 0, Tokenizer.Tokenize(no).Length));
    }

    public static IEnumerable<object[]> AnchoredCases()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "dates", "anchored.tsv");
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            yield return [f[0], f[1], f[2], f[3]];
        }
    }

    /// <summary>Reports in several registers, dated by the shipped anchor events (data/dates/anchors.tsv).</summary>
    [Theory]
    [MemberData(nameof(AnchoredCases))]
    public void The_shipped_anchors_date_reports_without_a_publication_date(string text, string phrase, string value, string anchor)
    {
        var m = At(Tag(text, anchors: AnchorEvents.LoadDefault()), text, phrase);
        Assert.Equal(value == "-" ? null : value, m.Value);
        Assert.Equal(anchor == "-" ? null : anchor, m.YearFrom);
    }

    [Fact]
    public void The_shipped_knowledge_base_loads_with_unique_ids_and_specific_cues()
    {
        var anchors = AnchorEvents.LoadDefault();
        Assert.True(anchors.Count >= 200, $"only {anchors.Count} anchors");
        Assert.Equal(anchors.Count, anchors.All.Select(a => a.Id).Distinct().Count());
        Assert.All(anchors.All, a => Assert.InRange(a.Date.Year, 2011, 2025));
        // every anchor needs two cue groups: a place or name alone never dates a report
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "data", "dates", "anchors.tsv")).Where(l => l.Length > 0 && l[0] != '#'))
            Assert.True(line.Split('\t')[2].Contains(" + "), line);
    }
}
