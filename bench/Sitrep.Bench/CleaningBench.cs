using System.Diagnostics;
using Sitrep.Cleaning;
using Sitrep.Documents;
using Sitrep.Ingest;

/// <summary>Times the Clean stage alone, on one thread, over a replicated corpus.</summary>
internal static class CleaningBench
{
    public static int Run(string input, int docsWanted)
    {
        var load = Stopwatch.StartNew();
        var cleaner = DocumentCleaner.LoadDefault();
        load.Stop();
        Console.WriteLine($"cleaner load: {load.Elapsed.TotalMilliseconds:0} ms (boilerplate lexicon)");

        if (BenchCorpus.Read(input) is not { } originals) return 1;
        var corpus = new RawDocument[docsWanted];
        for (var i = 0; i < corpus.Length; i++) corpus[i] = originals[i % originals.Count];
        var chars = corpus.Sum(d => (long)d.Content.Length);
        var formats = string.Join(", ", originals.GroupBy(d => d.Format).Select(g => $"{g.Count()} {g.Key}"));
        Console.WriteLine($"corpus: {corpus.Length} documents ({originals.Count} distinct: {formats}), {chars / 1e6:0.0} M characters, from {input}");

        // Warm-up: JIT and tiered compilation.
        for (var round = 0; round < 3; round++)
            foreach (var doc in originals) cleaner.Clean(doc);

        Console.WriteLine();
        Console.WriteLine("| run | documents/s (1 thread) | M chars/s | empty bodies | time (s) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        var rates = new List<double>();
        for (var run = 1; run <= 3; run++)
        {
            GC.Collect();
            var empty = 0;
            var sw = Stopwatch.StartNew();
            foreach (var doc in corpus)
                if (cleaner.Clean(doc).Body.IsEmpty) empty++;
            sw.Stop();
            var rate = corpus.Length / sw.Elapsed.TotalSeconds;
            rates.Add(rate);
            Console.WriteLine($"| {run} | {rate:0} | {chars / 1e6 / sw.Elapsed.TotalSeconds:0.0} | {empty} | {sw.Elapsed.TotalSeconds:0.00} |");
        }
        rates.Sort();
        Console.WriteLine();
        Console.WriteLine($"cleaning, median of 3: {rates[1]:0} documents/s per core");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        return 0;
    }
}
