using Sitrep.Bench;
using System.Diagnostics;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;

// Throughput of the pipeline on real articles (FA-KES), replicated to a target count; or a quality report.
// Usage: dotnet run -c Release --project bench/Sitrep.Bench -- [--docs N] [--workers 1,2] [--input FILE|FOLDER] [--stage all|clean|places]
//        --stage clean / places   times one stage alone on one thread (documents/s per core)
//        ... -- --frames [FILE]   frame corpus accuracy (tests/Sitrep.Tests/data/frames/frames.jsonl)
//        ... -- --rams [FILE] [--verbose]   RAMS Conflict.Attack attacker/target role accuracy (bench/data/rams/attack.jsonl)
if (args.Contains("--frames")) return FrameCorpusReport.Run(args);
//        ... -- --job [--docs N] [--workers 1,2] [--pg CONNSTR] [--repeat 3]   the whole extract job with SQLite (and PostgreSQL) stores
//        ... -- --write-corpus FILE [--docs N]   the replicated FA-KES corpus as JSONL
if (args.Length >= 6 && args[0] == "--job-one") return JobBench.RunOne(args[1], args[2], args[3], int.Parse(args[4]), args[5]);
//        ... -- --map-query --pg CONNSTR [--events N]   box + date query time over N (1,000,000) stored events
if (args.Contains("--map-query")) return MapQueryBench.Run(args);
if (args.Contains("--store-save")) return JobBench.StoreSave(FindInput(), BenchArgs.Int(args, "--docs", 800), BenchArgs.Int(args, "--rounds", 12));
if (args.Contains("--job-breakdown")) return JobBench.Breakdown(FindInput(), BenchArgs.Int(args, "--docs", 10000), BenchArgs.Int(args, "--workers", 1));
if (args.Contains("--job")) return JobBench.Run(args, BenchArgs.Value(args, "--input") ?? FindInput());
if (BenchArgs.Value(args, "--write-corpus") is { } corpusFile)
    return JobBench.WriteCorpus(BenchArgs.Value(args, "--input") ?? FindInput(), corpusFile,
        BenchArgs.Int(args, "--docs", 10000));
if (args.Contains("--rams")) return RamsBenchmark.Run(args);
//        ... -- --anchors [--input FILE] [--verbose]   years put on dates by anchor events, checked against the hidden publication dates
if (args.Contains("--anchors")) return AnchorBench.Run(BenchArgs.Value(args, "--input") ?? FindInput(), args.Contains("--verbose"));
//        ... -- --fusion [--input FILE] [--events N] [--list N]   cluster statistics of the input and the time to fuse N (100k) jittered events
if (args.Contains("--fusion"))
{
    var fusionInput = BenchArgs.Value(args, "--input") ?? FindInput();
    return FusionBench.Run(args, fusionInput);
}
var docsWanted = 10_000;
var stageName = "all";
var workerCounts = new[] { 1, 2 };
var input = FindInput();
for (var i = 0; i < args.Length - 1; i++)
{
    switch (args[i])
    {
        case "--docs": docsWanted = int.Parse(args[++i]); break;
        case "--workers": workerCounts = args[++i].Split(',').Select(int.Parse).ToArray(); break;
        case "--input": input = args[++i]; break;
        case "--stage": stageName = args[++i]; break;
    }
}
switch (stageName)
{
    case "all": break;
    case "clean": return CleaningBench.Run(input, docsWanted);
    case "places": return PlacesBench.Run(input, docsWanted);
    default: Console.Error.WriteLine($"unknown stage '{stageName}' (all, clean, places)"); return 2;
}

var load = Stopwatch.StartNew();
var pipeline = SitrepDefaults.Create();
load.Stop();
Console.WriteLine($"pipeline load: {load.Elapsed.TotalMilliseconds:0} ms (gazetteer, lexicons)");

if (BenchCorpus.Read(input) is not { } originals) return 1;
var corpus = Enumerable.Range(0, docsWanted).Select(i => originals[i % originals.Count] with { Id = $"{originals[i % originals.Count].Id}#{i / originals.Count}" }).ToList();
var chars = corpus.Sum(d => (long)d.Content.Length);
Console.WriteLine($"corpus: {corpus.Count} documents ({originals.Count} distinct), {chars / 1e6:0.0} M characters, from {input}");

// Warm-up: JIT and caches.
foreach (var doc in corpus.Take(200)) pipeline.Run(doc);

Console.WriteLine();
Console.WriteLine("| workers | documents/s | documents/s per core | events | time (s) |");
Console.WriteLine("|---:|---:|---:|---:|---:|");
double? single = null;
foreach (var workers in workerCounts)
{
    var fresh = SitrepDefaults.Create();
    GC.Collect();
    var (gc0, gc1, gc2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    var sw = Stopwatch.StartNew();
    var events = fresh.RunAll(corpus, workers).Sum(r => r.Document?.Events.Length ?? 0);
    sw.Stop();
    var rate = corpus.Count / sw.Elapsed.TotalSeconds;
    single ??= rate;
    Console.WriteLine($"| {workers} | {rate:0} | {rate / workers:0} | {events} | {sw.Elapsed.TotalSeconds:0.00} |");
    Console.WriteLine($"garbage collections: gen0 {GC.CollectionCount(0) - gc0}, gen1 {GC.CollectionCount(1) - gc1}, gen2 {GC.CollectionCount(2) - gc2}, paused {(GC.GetTotalPauseDuration() - pause).TotalSeconds:0.00} s");
    if (workers == 1)
    {
        Console.WriteLine();
        Console.WriteLine("| stage | time (s) | documents/s (stage alone) | share | allocated (KB/document) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var stages = fresh.StageCosts();
        var total = stages.Sum(s => s.Time.TotalSeconds);
        foreach (var (stage, time, allocated) in stages)
            Console.WriteLine($"| {stage} | {time.TotalSeconds:0.000} | {corpus.Count / Math.Max(time.TotalSeconds, 1e-9):0} | {time.TotalSeconds / total:P0} | {allocated / 1024.0 / corpus.Count:0.0} |");
        Console.WriteLine();
    }
    else if (single is not null)
        Console.WriteLine($"scaling 1 -> {workers} workers: {rate / single.Value:0.00}x");
}
Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
return 0;

static string FindInput()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "bench", "data", "fakes", "fakes.jsonl");
        if (File.Exists(candidate)) return candidate;
    }
    return "bench/data/fakes/fakes.jsonl";
}
