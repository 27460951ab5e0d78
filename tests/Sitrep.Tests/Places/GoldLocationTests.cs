using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Places;
using Xunit.Abstractions;

namespace Sitrep.Tests.Places;

public class GoldLocationTests(ITestOutputHelper output)
{
    private static string? SamplesDir() => RepoPaths.SampleTexts;

    [Fact]
    public void FindsAndResolvesGoldLocations()
    {
        var samples = SamplesDir();
        Assert.NotNull(samples);
        int total = 0, found = 0, within = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "gold"), "*.json").Order())
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            var doc = root.GetProperty("doc").GetString()!;
            var text = File.ReadAllText(Path.Combine(samples, doc));
            var body = root.GetProperty("body").EnumerateArray()
                .Select(b => new TextSpan(b.GetProperty("start").GetInt32(), b.GetProperty("end").GetInt32())).ToArray();
            var document = new Document { Id = doc, Text = text, Body = [.. body] };
            var mentions = PlacesFixture.Tagger.Process(document).MentionsOf<PlaceMention>().ToList();
            var seen = new HashSet<string>();
            foreach (var ev in root.GetProperty("events").EnumerateArray())
            {
                var loc = ev.GetProperty("location");
                var surface = loc.GetProperty("surface").GetString()!;
                if (!seen.Add(surface)) continue;
                total++;
                double lat = loc.GetProperty("lat").GetDouble(), lon = loc.GetProperty("lon").GetDouble();
                var hits = mentions.Where(m => surface.Contains(text[m.Span.Start..m.Span.End], StringComparison.OrdinalIgnoreCase)).ToList();
                if (hits.Count == 0) { output.WriteLine($"MISS  {doc[..3]} {surface}"); continue; }
                found++;
                var best = hits.Where(h => h.IsResolved)
                    .Select(h => (h, d: Gazetteer.DistanceKm(lat, lon, h.Lat!.Value, h.Lon!.Value))).OrderBy(x => x.d).FirstOrDefault();
                if (best.h is not null && best.d <= 25) within++;
                output.WriteLine($"{(best.h is not null && best.d <= 25 ? "OK   " : "FAR  ")} {doc[..3]} {surface} -> {best.h?.Name} {best.d:F0} km p{best.h?.GeoPrecision} (gold p{loc.GetProperty("geo_precision").GetInt32()})");
            }
        }
        output.WriteLine($"gold locations {total}, found {found}, resolved within 25 km {within}");
        Assert.True(within * 2 >= total, $"only {within} of {total} gold locations resolved within 25 km");
    }
}
