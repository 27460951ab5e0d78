using System.Text.Json;
using Sitrep.Actors;
using Sitrep.Documents;
using Xunit.Abstractions;

namespace Sitrep.Tests.Actors;

/// <summary>Checks the tagger against every actor1/actor2 mention string of the gold events.</summary>
public class ActorGoldTests(ITestOutputHelper output)
{
    private sealed record GoldScore(int Total, int Strict, int WithParent, int WithAssoc, List<string> Misses);

    [Fact]
    public void ResolvesMostGoldActorMentionsToTheGoldActor()
    {
        var score = Score(ActorFixture.Tagger);
        output.WriteLine($"gold actor mentions: {score.Total}; resolved to the gold actor: {score.Strict}; " +
                         $"counting a faction's parent: {score.WithParent}; counting the event's assoc actors too: {score.WithAssoc}");
        foreach (var miss in score.Misses) output.WriteLine(miss);
        Assert.True(score.Total >= 120, $"only {score.Total} gold mentions were read");
        Assert.True(score.Strict >= 108, $"strict {score.Strict}/{score.Total}");
        Assert.True(score.WithAssoc >= 120, $"with assoc {score.WithAssoc}/{score.Total}");
    }

    private static GoldScore Score(ActorTagger tagger)
    {
        var goldDir = Path.Combine(AppContext.BaseDirectory, "data", "gold");
        var textDir = SampleTexts();
        int total = 0, strict = 0, withParent = 0, withAssoc = 0;
        var misses = new List<string>();
        foreach (var file in Directory.GetFiles(goldDir, "*.json").Order())
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            var name = root.GetProperty("doc").GetString()!;
            var text = File.ReadAllText(Path.Combine(textDir, name));
            var doc = new Document { Id = name, Text = text, Body = [.. Spans(root.GetProperty("body"))] };
            var mentions = tagger.Find(doc);
            foreach (var ev in root.GetProperty("events").EnumerateArray())
            {
                var evidence = Spans(ev.GetProperty("evidence")).ToList();
                foreach (var side in new[] { "1", "2" })
                {
                    if (ev.GetProperty("actor" + side).GetString() is not { } gold) continue;
                    var assoc = ev.GetProperty("assoc_actor_" + side).EnumerateArray().Select(a => a.GetString()).ToHashSet();
                    foreach (var surface in ev.GetProperty($"actor{side}_mentions").EnumerateArray().Select(m => m.GetString()!))
                    {
                        total++;
                        var spans = evidence
                            .Select(e => text.IndexOf(surface, e.Start, e.Length, StringComparison.Ordinal))
                            .Where(i => i >= 0).Select(i => new TextSpan(i, i + surface.Length)).ToList();
                        var hits = mentions.Where(m => spans.Any(s => s.Overlaps(m.Span))).ToList();
                        var isStrict = hits.Any(m => m.Canonical == gold);
                        var isParent = isStrict || hits.Any(m => tagger.Lexicon.ParentOf(m.Canonical) == gold);
                        var isAssoc = isParent || hits.Any(m => assoc.Contains(m.Canonical));
                        if (isStrict) strict++;
                        if (isParent) withParent++;
                        if (isAssoc) withAssoc++;
                        if (!isStrict)
                            misses.Add($"  {ev.GetProperty("id").GetString()} actor{side}={gold} '{surface}' -> " +
                                       string.Join("; ", hits.Select(h => $"{doc.Slice(h.Span)} => {h.Canonical}")));
                    }
                }
            }
        }
        return new GoldScore(total, strict, withParent, withAssoc, misses);
    }

    private static IEnumerable<TextSpan> Spans(JsonElement array) =>
        array.EnumerateArray().Select(s => new TextSpan(s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32()));

    /// <summary>The seed texts ship in the repository's samples/text folder.</summary>
    private static string SampleTexts() => RepoPaths.SampleTexts;
}
