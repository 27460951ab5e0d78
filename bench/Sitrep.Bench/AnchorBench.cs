using Sitrep.Dates;
using Sitrep.Pipeline;

/// <summary>
/// How well anchor events put a year on dates: runs the FA-KES articles with their publication dates hidden and
/// compares every calendar phrase that got a year from an anchor with the value the real publication date gives.
/// </summary>
internal static class AnchorBench
{
    public static int Run(string input, bool verbose)
    {
        if (BenchCorpus.Read(input) is not { } documents) return 1;
        var pipeline = SitrepDefaults.Create();
        int needing = 0, resolved = 0, sameYear = 0, sameValue = 0, docsWithAnchor = 0;
        var byAnchor = new Dictionary<string, (int Count, int Right)>();
        foreach (var raw in documents)
        {
            if (raw.Published is null) continue;
            var truth = pipeline.Run(raw);
            var hidden = pipeline.Run(raw with { Published = null });
            var known = truth.MentionsOf<DateMention>().ToDictionary(m => m.Span, m => m.Value);
            var any = false;
            foreach (var m in hidden.MentionsOf<DateMention>())
            {
                if (m.CalendarMonth == 0) continue;
                needing++;
                if (m.YearFrom is null || m.Value is null) continue;
                any = true;
                resolved++;
                var expected = known.GetValueOrDefault(m.Span);
                var yearOk = expected is not null && expected[..4] == m.Value[..4];
                if (yearOk) sameYear++;
                if (expected == m.Value) sameValue++;
                var (c, r) = byAnchor.GetValueOrDefault(m.YearFrom);
                byAnchor[m.YearFrom] = (c + 1, r + (yearOk ? 1 : 0));
                if (verbose && !yearOk)
                    Console.WriteLine($"  {raw.Id}: '{hidden.Slice(m.Span)}' -> {m.Value} from {m.YearFrom}, publication gives {expected ?? "-"}");
            }
            if (any) docsWithAnchor++;
        }
        Console.WriteLine($"documents: {documents.Count}; with a year from an anchor: {docsWithAnchor}");
        Console.WriteLine($"calendar phrases without a year (publication hidden): {needing}; given a year by an anchor: {resolved} ({(double)resolved / Math.Max(needing, 1):P1})");
        Console.WriteLine($"of those, same year as the real publication date gives: {sameYear} ({(double)sameYear / Math.Max(resolved, 1):P1}); same value: {sameValue} ({(double)sameValue / Math.Max(resolved, 1):P1})");
        Console.WriteLine("most used anchors (uses, right year): " + string.Join(", ", byAnchor.OrderByDescending(p => p.Value.Count).Take(verbose ? 10_000 : 12).Select(p => $"{p.Key} {p.Value.Count}/{p.Value.Right}")));
        return 0;
    }
}
