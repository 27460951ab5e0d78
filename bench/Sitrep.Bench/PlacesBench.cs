using System.Diagnostics;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Bench;

/// <summary>Place resolution alone: gazetteer load time and memory, then tagging throughput on one thread.</summary>
public static class PlacesBench
{
    public static int Run(string input, int docsWanted)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var load = Stopwatch.StartNew();
        var gazetteer = Gazetteer.LoadDefault();
        load.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"gazetteer load: {load.Elapsed.TotalMilliseconds:0} ms, {gazetteer.Entries.Count} entries, " +
                          $"retained {retained / (1024.0 * 1024):0.0} MB, allocated while loading {allocated / (1024.0 * 1024):0} MB");
        var tagger = new PlaceTagger(gazetteer);

        // Clean and split once; only the place stage is timed.
        var prepare = new PipelineBuilder().UseCleaner(Sitrep.Cleaning.DocumentCleaner.LoadDefault()).UseSentences().Build();
        if (BenchCorpus.Read(input) is not { } raw) return 1;
        var originals = raw.Select(prepare.Run).ToList();
        var corpus = Enumerable.Range(0, docsWanted).Select(i => originals[i % originals.Count]).ToList();
        var chars = corpus.Sum(d => (long)d.Body.Sum(b => b.Length));
        Console.WriteLine($"corpus: {corpus.Count} documents ({originals.Count} distinct), {chars / 1e6:0.0} M body characters, from {input}");

        foreach (var doc in originals.Take(500)) tagger.Process(doc);
        var best = double.MaxValue;
        long mentions = 0, resolved = 0;
        for (var round = 0; round < 3; round++)
        {
            GC.Collect();
            mentions = resolved = 0;
            var sw = Stopwatch.StartNew();
            foreach (var doc in corpus)
            {
                var tagged = tagger.Process(doc);
                foreach (var m in tagged.Mentions)
                    if (m is PlaceMention p) { mentions++; if (p.IsResolved) resolved++; }
            }
            sw.Stop();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"places stage, 1 thread: {corpus.Count / best:0} documents/s ({chars / best / 1e6:0.0} M chars/s), " +
                          $"{mentions} place mentions ({resolved} resolved), best of 3 rounds {best:0.000} s");
        return 0;
    }
}
