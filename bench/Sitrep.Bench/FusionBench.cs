using System.Diagnostics;
using System.Globalization;
using Sitrep.Events;
using Sitrep.Fusion;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// --fusion [--input FILE] [--events N] [--list N]: runs the pipeline over the input (FA-KES by default), fuses its
/// events and prints cluster statistics and the multi-report clusters; then synthesises N events by jittering the
/// real ones (place, date, document) and times fusing them on one thread.
/// </summary>
public static class FusionBench
{
    public static int Run(string[] args, string input)
    {
        var target = 100_000;
        var list = 40;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--events") target = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i] == "--list") list = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }
        var pipeline = SitrepDefaults.Create();
        var registry = OutletRegistry.Default;
        var docs = new InputReader(new IngestOptions()).Read([input]).OfType<IngestedDocument>()
            .Select(d => pipeline.Run(d.Document)).ToList();
        var reports = docs.SelectMany(d => { var fd = FusionDocument.From(d, registry); return d.Events.Select(e => EventReport.Create(e, fd, registry)); }).ToList();

        var fuser = new EventFuser();
        foreach (var r in FusionJob.Ordered(reports)) fuser.Add(r);
        var fused = FusionJob.Fuse(fuser);
        var multi = fused.Where(f => f.Reports.Select(r => r.Doc).Distinct().Count() > 1).ToList();
        Console.WriteLine($"input: {input}: {docs.Count} documents, {reports.Count} events -> {fused.Count} fused events");
        Console.WriteLine($"fused events with reports from >= 2 documents: {multi.Count} (covering {multi.Sum(f => f.Reports.Length)} events); largest: {fused.Max(f => f.Reports.Length)} reports");
        Console.WriteLine("by corroboration: " + string.Join(", ", fused.GroupBy(f => f.Corroboration).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        Console.WriteLine("multi-document by corroboration: " + string.Join(", ", multi.GroupBy(f => f.Corroboration).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        Console.WriteLine("multi-document by independent sources: " + string.Join(", ", multi.GroupBy(f => f.IndependentSources).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        Console.WriteLine($"copies detected (reports with copy_of): {fused.Sum(f => f.Reports.Count(r => r.CopyOf is not null))}");
        Console.WriteLine();
        foreach (var f in multi.OrderByDescending(f => f.Reports.Length).Take(list))
        {
            Console.WriteLine($"{f.Id} | {f.Date.Value} | {f.SubEventType} | {f.Actor1} vs {f.Actor2} | {f.Location?.Name} ({f.Location?.GeoPrecision}) | best {f.Fatalities.Best} [{f.Fatalities.Low}-{f.Fatalities.High}] | {f.IndependentSources} indep | {f.Corroboration} {string.Join(",", f.ContestedOn)}");
            foreach (var r in f.Reports.DistinctBy(r => r.Doc))
                Console.WriteLine($"    {r.Doc} ({r.Outlet}; voice {r.Voice}{(r.CopyOf is null ? "" : "; copy of " + r.CopyOf)}): {docs.First(d => d.Id == r.Doc).Title}");
        }

        // Synthesis: jitter real events in place (up to ~15 km), date (spread over ten years) and document.
        var random = new Random(6);
        var synthetic = new List<EventReport>(target);
        var located = reports.Where(r => r.Event.Location?.Lat is not null).ToList();
        var baseDay = new DateOnly(2014, 1, 1);
        for (var i = 0; i < target; i++)
        {
            var r = located[i % located.Count];
            var e = r.Event;
            var l = e.Location!;
            var day = baseDay.AddDays(random.Next(0, 3650));
            var jittered = e with
            {
                Id = $"syn-{i}",
                DocumentId = $"syn-doc-{i / 3}",
                Location = l with { Lat = l.Lat + (random.NextDouble() - 0.5) * 0.25, Lon = l.Lon + (random.NextDouble() - 0.5) * 0.25 },
                Date = new EventDate(null, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "day", null),
            };
            var doc = r.Document with { DocumentId = jittered.DocumentId, Published = day.AddDays(1) };
            synthetic.Add(r with { Event = jittered, Document = doc });
        }
        GC.Collect();
        var sw = Stopwatch.StartNew();
        var big = new EventFuser();
        foreach (var r in FusionJob.Ordered(synthetic)) big.Add(r);
        var clustered = sw.Elapsed;
        var bigFused = FusionJob.Fuse(big);
        sw.Stop();
        Console.WriteLine();
        Console.WriteLine($"fusion of {synthetic.Count:N0} synthetic events (one thread): clustering {clustered.TotalSeconds:0.00} s, + building fused events {(sw.Elapsed - clustered).TotalSeconds:0.00} s = {sw.Elapsed.TotalSeconds:0.00} s; {bigFused.Count:N0} fused events, {bigFused.Count(f => f.Reports.Length > 1):N0} with >1 report");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        return 0;
    }
}
