using Sitrep.Text;

namespace Sitrep.Tests.Text;

public class PhraseMatcherTests
{
    private static readonly PhraseMatcher<string> Matcher = new([
        ("air raids", "long"), ("air", "short"), ("the amaq news agency", "amaq"), ("ISIS", "isis"), ("al-Tanf", "tanf"),
    ]);

    [Fact]
    public void Longest_match_wins_and_matches_do_not_overlap()
    {
        const string text = "Russian jets carried out air raids near al-Tanf, and the air defence fired.";
        var found = Matcher.FindAll(text, Tokenizer.Tokenize(text));
        Assert.Equal(["long", "tanf", "short"], found.Select(f => f.Value).ToArray());
        Assert.Equal("air raids", text[found[0].Span.Start..found[0].Span.End]);
    }

    [Fact]
    public void Matching_ignores_case_and_curly_apostrophes()
    {
        var matcher = new PhraseMatcher<int>([("the group's fighters", 1)]);
        const string text = "THE GROUP’S FIGHTERS attacked.";
        var found = matcher.FindAll(text, Tokenizer.Tokenize(text));
        Assert.Single(found);
        Assert.Equal(0, found[0].Span.Start);
    }

    [Fact]
    public void A_phrase_is_not_matched_across_the_range_limit()
    {
        const string text = "The Amaq news agency said";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Empty(Matcher.FindAll(text, tokens, 0, 3));
        Assert.Single(Matcher.FindAll(text, tokens));
    }
}
