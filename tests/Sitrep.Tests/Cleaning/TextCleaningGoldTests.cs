using System.Text.Json;
using Sitrep.Cleaning;
using Sitrep.Documents;

namespace Sitrep.Tests.Cleaning;

/// <summary>Body character precision/recall against the hand-coded bodies of the five seed articles.</summary>
public class TextCleaningGoldTests
{
    private static readonly string GoldDir = Path.Combine(AppContext.BaseDirectory, "data", "gold");

    private sealed record Seed(string Name, string Text, JsonElement Gold);

    private static IEnumerable<Seed> Seeds()
    {
        foreach (var file in Directory.GetFiles(GoldDir, "*.json").Order(StringComparer.Ordinal))
        {
            var gold = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
            var name = gold.GetProperty("doc").GetString()!;
            yield return new Seed(name, File.ReadAllText(FindSample(name)), gold);
        }
    }

    private static string FindSample(string name) => Path.Combine(RepoPaths.SampleTexts, name);

    private static Document Clean(Seed seed) =>
        DocumentCleaner.LoadDefault().Clean(new RawDocument(seed.Name, seed.Name, DocumentFormat.Text, seed.Text));

    private static IEnumerable<TextSpan> GoldBody(Seed seed) =>
        seed.Gold.GetProperty("body").EnumerateArray().Select(s => new TextSpan(s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32()));

    [Fact]
    public void Seeds_have_no_astral_characters_so_python_offsets_are_utf16_offsets()
    {
        var seeds = Seeds().ToList();
        Assert.Equal(5, seeds.Count);
        foreach (var seed in seeds)
            Assert.DoesNotContain(seed.Text, char.IsSurrogate);
    }

    [Fact]
    public void Body_character_f1_on_the_seeds_is_at_least_0_99()
    {
        long tp = 0, fp = 0, fn = 0;
        foreach (var seed in Seeds())
        {
            var document = Clean(seed);
            var gold = new bool[seed.Text.Length];
            foreach (var span in GoldBody(seed))
                for (var i = span.Start; i < span.End; i++) gold[i] = true;
            var predicted = new bool[seed.Text.Length];
            foreach (var span in document.Body)
                for (var i = span.Start; i < span.End; i++) predicted[i] = true;
            for (var i = 0; i < gold.Length; i++)
            {
                if (gold[i] && predicted[i]) tp++;
                else if (predicted[i]) fp++;
                else if (gold[i]) fn++;
            }
        }
        var precision = (double)tp / (tp + fp);
        var recall = (double)tp / (tp + fn);
        var f1 = 2 * precision * recall / (precision + recall);
        Assert.True(f1 >= 0.99, $"P={precision:F4} R={recall:F4} F1={f1:F4}");
    }

    [Fact]
    public void No_gold_non_body_example_falls_inside_a_body_span()
    {
        foreach (var seed in Seeds())
        {
            var document = Clean(seed);
            var goldBody = GoldBody(seed).ToList();
            foreach (var example in seed.Gold.GetProperty("non_body_examples").EnumerateArray().Select(e => e.GetString()!))
            {
                var at = seed.Text.IndexOf(example, StringComparison.Ordinal);
                Assert.True(at >= 0, $"{seed.Name}: example not found: {example}");
                for (; at >= 0; at = seed.Text.IndexOf(example, at + 1, StringComparison.Ordinal))
                {
                    var span = new TextSpan(at, at + example.Length);
                    // "Deir Ezzur" is a heading on its own line and also a place inside body sentences.
                    if (goldBody.Any(b => b.Contains(span))) continue;
                    Assert.False(document.Body.Any(b => b.Overlaps(span)), $"{seed.Name}: '{example}' is in the body");
                }
            }
        }
    }

    [Fact]
    public void Titles_match_the_gold_title_line_and_text_is_the_raw_content()
    {
        foreach (var seed in Seeds())
        {
            var document = Clean(seed);
            Assert.Same(seed.Text, document.Text);
            Assert.Equal(seed.Gold.GetProperty("title").GetString(), document.Title);
            Assert.NotNull(document.TitleSpan);
            Assert.Equal(document.Title, document.Slice(document.TitleSpan!.Value));
        }
    }

    [Fact]
    public void Reader_comments_of_the_seeds_are_marked_as_comments()
    {
        var seeds = Seeds().ToDictionary(s => s.Name[..3]);
        var vt = Clean(seeds["000"]);
        Assert.Contains(vt.Comments, c => vt.Slice(c).Contains("Syrian Holocaust Museums", StringComparison.Ordinal));
        Assert.Contains(vt.Comments, c => vt.Slice(c).Contains("Tommy Apeiron", StringComparison.Ordinal));
        var southFront = Clean(seeds["003"]);
        Assert.Contains(southFront.Comments, c => southFront.Slice(c).StartsWith("The US base in al-Tanf", StringComparison.Ordinal));
        Assert.Equal("SouthFront", southFront.Outlet);
    }
}
