using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Quantities;

namespace Sitrep.Tests.Quantities;

public class CasualtyTaggerTests
{
    private static readonly CasualtyTagger Tagger = new();

    public static IEnumerable<object[]> Phrases()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "quantities", "phrases.tsv");
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            yield return [f[0], int.Parse(f[1]), f[2], f.Length > 3 ? f[3] : "-", f.Length > 4 ? f[4] : "-",
                f.Length > 5 ? f[5] : "-", f.Length > 6 ? f[6] : "-", f.Length > 7 ? f[7] : "no"];
        }
    }

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Phrase_gives_the_expected_mention(string phrase, int index, string kind, string value, string low, string high, string who, string vague)
    {
        var found = Tagger.Tag(phrase);
        if (kind == "none")
        {
            Assert.Empty(found);
            return;
        }
        Assert.True(found.Count > index, $"only {found.Count} mention(s): {string.Join(" | ", found)}");
        var m = found[index];
        Assert.Equal(kind, m.Kind.ToString());
        Assert.Equal(Nullable(value), m.Value);
        Assert.Equal(Nullable(low), m.Low);
        Assert.Equal(Nullable(high), m.High);
        Assert.Equal(who == "-" ? null : who, m.Who);
        Assert.Equal(vague == "yes", m.IsVague);
    }

    [Fact]
    public void Included_subgroup_is_not_counted_twice()
    {
        var found = Tagger.Tag("12 people, including 4 children, were killed in the strike");
        var only = Assert.Single(found);
        Assert.Equal(12, only.Value);
    }

    [Fact]
    public void Span_covers_cue_count_and_noun()
    {
        const string text = "The jets struck, killing at least 25 militants of the group.";
        var m = Assert.Single(Tagger.Tag(text));
        Assert.Equal("killing at least 25 militants", text[m.Span.Start..m.Span.End]);
    }

    [Fact]
    public void Stage_adds_mentions_only_from_body_spans()
    {
        const string text = "Title: 9 soldiers were killed\n\nThree civilians were wounded.";
        var body = text.IndexOf("Three", StringComparison.Ordinal);
        var doc = new Document { Id = "d", Text = text, Body = [new TextSpan(body, text.Length)] };
        var tagged = Tagger.Process(doc);
        var m = Assert.Single(tagged.MentionsOf<QuantityMention>());
        Assert.Equal(QuantityKind.Injured, m.Kind);
        Assert.Equal(3, m.Value);
        Assert.Equal("quantities", Tagger.Name);
    }

    [Theory]
    [InlineData("25", 25, null, null, false)]
    [InlineData("1,200", 1200, null, null, false)]
    [InlineData("twenty-five", 25, null, null, false)]
    [InlineData("two hundred", 200, null, null, false)]
    [InlineData("two hundred and fifty", 250, null, null, false)]
    [InlineData("a dozen", 12, null, null, false)]
    [InlineData("at least 25", 25, 25, null, false)]
    [InlineData("about 40", 40, null, null, false)]
    [InlineData("around 40", 40, null, null, false)]
    [InlineData("some 40", 40, null, null, false)]
    [InlineData("over 120", 120, 120, null, false)]
    [InlineData("more than 120", 120, 120, null, false)]
    [InlineData("almost 30", 30, null, 30, false)]
    [InlineData("nearly 30", 30, null, 30, false)]
    [InlineData("up to 30", 30, null, 30, false)]
    [InlineData("between 5 and 7", 5, 5, 7, false)]
    [InlineData("tens of", null, null, null, true)]
    [InlineData("dozens", null, null, null, true)]
    [InlineData("scores of", null, null, null, true)]
    [InlineData("a number of", null, null, null, true)]
    [InlineData("several", null, null, null, true)]
    [InlineData("many", null, null, null, true)]
    [InlineData("a large number of", null, null, null, true)]
    public void NumberPhrase_parses_amounts(string text, int? value, int? low, int? high, bool vague)
    {
        var parsed = NumberPhrase.Parse(text);
        Assert.Equal(new CountPhrase(value, low, high, vague), parsed);
    }

    [Theory]
    [InlineData("third")]
    [InlineData("the third")]
    [InlineData("soldiers")]
    public void NumberPhrase_rejects_ordinals_and_words(string text) => Assert.Null(NumberPhrase.Parse(text));

    /// <summary>
    /// Each gold fatalities text is tagged where it stands in its document (body spans from the gold file);
    /// texts that paraphrase the article are tagged on their own.
    /// </summary>
    [Fact]
    public void Every_gold_fatality_text_gives_its_mention()
    {
        var root = RepoPaths.Root;
        var dir = Path.Combine(AppContext.BaseDirectory, "data", "gold");
        int inPlace = 0, alone = 0;
        foreach (var file in Directory.GetFiles(dir, "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var text = File.ReadAllText(Path.Combine(root, "samples", "text", json.RootElement.GetProperty("doc").GetString()!));
            var body = json.RootElement.GetProperty("body").EnumerateArray()
                .Select(b => new TextSpan(b.GetProperty("start").GetInt32(), b.GetProperty("end").GetInt32())).ToArray();
            var mentions = Tagger.Tag(new Document { Id = "g", Text = text, Body = [.. body] });
            foreach (var ev in json.RootElement.GetProperty("events").EnumerateArray())
            {
                var id = ev.GetProperty("id").GetString();
                var f = ev.GetProperty("fatalities");
                var phrase = f.GetProperty("text").GetString();
                if (phrase is null) continue;
                var at = text.IndexOf(phrase, StringComparison.Ordinal);
                QuantityMention? m;
                if (at >= 0)
                {
                    var span = new TextSpan(at, at + phrase.Length);
                    m = mentions.FirstOrDefault(x => x.Kind != QuantityKind.Materiel && x.Span.Overlaps(span));
                    inPlace++;
                }
                else
                {
                    m = Tagger.Tag(phrase).FirstOrDefault(x => x.Kind != QuantityKind.Materiel);
                    alone++;
                }
                Assert.True(m is not null, $"{id}: no casualty mention for '{phrase}'");
                var best = f.GetProperty("best");
                if (best.ValueKind == JsonValueKind.Null)
                {
                    // Vague or killed-or-wounded gold tolls: no invented fatality number.
                    Assert.True(m.IsVague || m.Kind == QuantityKind.KilledOrInjured, $"{id}: {m}");
                }
                else
                {
                    Assert.Equal(QuantityKind.Killed, m.Kind);
                    // Gold splits an aggregate toll across events; the mention carries the stated total.
                    var expected = phrase.StartsWith("A sum of", StringComparison.Ordinal) ? 50 : best.GetInt32();
                    Assert.True(m.Value == expected, $"{id}: expected {expected}, got {m}");
                    var low = f.GetProperty("low");
                    if (low.ValueKind != JsonValueKind.Null && !phrase.Contains("killing 28")) Assert.Equal(low.GetInt32(), m.Low);
                }
            }
        }
        Assert.True(inPlace >= 15, $"only {inPlace} gold texts found in their documents");
        Assert.True(inPlace + alone >= 20, $"only {inPlace + alone} gold texts checked");
    }


    private static int? Nullable(string s) => s == "-" ? null : int.Parse(s);
}
