using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Tests.Text;

public class SentenceSplitterTests
{
    [Theory]
    [InlineData("ISIS attacked the army. Eight soldiers were killed.", 2)]
    [InlineData("The U.S. base at al-Tanf was hit. No one was hurt.", 2)]
    [InlineData("Lt. Col. Ahmed said 3.5 tonnes were seized. He left.", 2)]
    [InlineData("“We will fight,” he said. The army advanced.", 2)]
    [InlineData("Was it an accident? Nobody knows!", 2)]
    [InlineData("Residents fled approx. five km east of the town.", 1)]
    [InlineData("J. Smith reported the raid. It lasted hours.", 2)]
    [InlineData("The attack, claimed by the group (Amaq said so.) ended. Troops returned.", 2)]
    [InlineData("No terminator at all", 1)]
    [InlineData("Raids hit the area (55 km) to the south. Al-Raqqa), and the Sukhna area.", 1)]
    [InlineData("Clashes erupted in the countryside of Raqqa… The army sent reinforcements.", 2)]
    public void Splits_real_phrasings(string text, int expected)
    {
        var sentences = SentenceSplitter.Split(text, new TextSpan(0, text.Length)).ToList();
        Assert.Equal(expected, sentences.Count);
        Assert.All(sentences, s => Assert.False(char.IsWhiteSpace(text[s.Start]) || char.IsWhiteSpace(text[s.End - 1])));
    }

    [Fact]
    public void Sentences_never_cross_paragraphs_and_keep_their_paragraph_index()
    {
        const string text = "Title line\n\nFirst paragraph. Second sentence.\n\nThird paragraph without dot";
        var p1 = text.IndexOf("First", StringComparison.Ordinal);
        var p2 = text.IndexOf("Third", StringComparison.Ordinal);
        var body = new[] { new TextSpan(p1, text.IndexOf('\n', p1)), new TextSpan(p2, text.Length) };
        var doc = new Document { Id = "d", Text = text, Body = [.. body] };
        var result = new SentenceSplitter().Process(doc);
        Assert.Equal(["First paragraph.", "Second sentence.", "Third paragraph without dot"], result.Sentences.Select(s => result.Slice(s.Span)).ToArray());
        Assert.Equal([0, 0, 1], result.Sentences.Select(s => s.Paragraph).ToArray());
        Assert.DoesNotContain(result.Tokens, t => t.Span.Start < p1);
    }

    [Theory]
    [InlineData("al-Sukhnah", new[] { "al-Sukhnah" })]
    [InlineData("Ma’arrat al-Numan", new[] { "Ma’arrat", "al-Numan" })]
    [InlineData("killing 1,200 fighters", new[] { "killing", "1,200", "fighters" })]
    [InlineData("a 4×4 vehicle", new[] { "a", "4×4", "vehicle" })]
    [InlineData("the T-4 airbase", new[] { "the", "T-4", "airbase" })]
    [InlineData("(55 km)", new[] { "(", "55", "km", ")" })]
    [InlineData("دير الزور", new[] { "دير", "الزور" })]
    public void Tokenizes_names_numbers_and_punctuation(string text, string[] expected)
    {
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(expected, tokens.Select(t => text[t.Span.Start..t.Span.End]).ToArray());
    }
}
