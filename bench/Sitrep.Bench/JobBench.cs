using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Postgres;

/// <summary>
/// The whole extract job (ingest, pipeline, output files, store, fusion) on the FA-KES articles replicated
/// to N documents, with SQLite and with PostgreSQL, 1 and 2 workers. Each configuration runs in a child
/// process pinned to as many cores as workers (taskset), so its peak memory is its own and "per core" is
/// one core's work; process start and pipeline load are excluded from the time.
///   --job [--docs N] [--workers 1,2] [--pg CONNSTR] [--repeat 3]   the table (median of the repeats; the machine is shared)
///   --write-corpus FILE [--docs N]                      the replicated corpus as JSONL (for the crash test)
///   --store-save [--docs 800] [--rounds 12]             the SQLite save alone, on one thread
/// </summary>
internal static class JobBench
{
    public static int WriteCorpus(string input, string file, int docs)
    {
        if (BenchCorpus.Read(input) is not { } originals) return 1;
        using var writer = new StreamWriter(file);
        foreach (var d in Replicate(originals, docs))
            writer.WriteLine(JsonSerializer.Serialize(new { id = d.Id, title = d.Title, text = d.Content, outlet = d.Outlet, published = d.Published ?? "2017-04-05" }));
        Console.WriteLine($"{docs} documents written to {file}");
        return 0;
    }

    /// <summary>Copies with their own ids and a distinguishing first line, so every document is distinct content.</summary>
    public static IEnumerable<RawDocument> Replicate(List<RawDocument> originals, int docs) =>
        Enumerable.Range(0, docs).Select(i =>
        {
            var o = originals[i % originals.Count];
            var round = i / originals.Count;
            return round == 0 ? o : o with { Id = $"{o.Id}#{round}", Content = o.Content + $"\n\n(Copy {round}.)" };
        });

    public static int Run(string[] args, string input)
    {
        var docs = BenchArgs.Int(args, "--docs", 10_000);
        var workers = (BenchArgs.Value(args, "--workers") ?? "1,2").Split(',').Select(int.Parse).ToArray();
        var pg = BenchArgs.Value(args, "--pg") ?? Environment.GetEnvironmentVariable("SITREP_PG");
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-jobbench-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        var corpus = Path.Combine(dir, "corpus.jsonl");
        if (WriteCorpus(input, corpus, docs) != 0) return 1;

        var repeat = BenchArgs.Int(args, "--repeat", 3);
        Console.WriteLine();
        Console.WriteLine($"Each configuration runs {repeat} times in a fresh process; documents/s is the median run (the best in brackets), the other columns are from the median run.");
        Console.WriteLine();
        Console.WriteLine($"| store | workers | documents/s | documents/s per core | events | failed | peak memory (MB) | time (s) | GC pauses (s) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var stores = pg is null ? new[] { "sqlite" } : ["sqlite", "pg"];
        var stageTables = new List<string>();
        var gcLines = new List<string>();
        foreach (var store in stores)
        {
            var label = store == "pg" ? "PostgreSQL" : "SQLite";
            // the repeats interleave the worker counts, so a slow spell on the shared machine hits them alike
            var runs = workers.ToDictionary(w => w, _ => new List<(double Rate, JsonDocument Result)>());
            for (var r = 0; r < repeat; r++)
                foreach (var w in workers)
                {
                    var target = store == "sqlite" ? Path.Combine(dir, $"s{w}-{r}.db") : FreshDatabase(pg!, $"sitrep_bench_{w}");
                    var result = Child(["--job-one", store, target, corpus, w.ToString(CultureInfo.InvariantCulture), Path.Combine(dir, $"out-{store}-{w}-{r}")], w);
                    if (result is null) return 1;
                    runs[w].Add((result.RootElement.GetProperty("docs").GetDouble() / result.RootElement.GetProperty("seconds").GetDouble(), result));
                }
            double? single = null;
            foreach (var w in workers)
            {
                var list = runs[w];
                list.Sort((a, b) => a.Rate.CompareTo(b.Rate));
                var (rate, median) = list[list.Count / 2];
                var best = list[^1].Rate;
                single ??= rate;
                var scaling = w > 1 ? $" ({rate / single.Value:0.00}x)" : "";
                var m = median.RootElement;
                Console.WriteLine($"| {label} | {w} | {rate:0} [{best:0}]{scaling} | {rate / w:0} | {m.GetProperty("events").GetInt32()} | {m.GetProperty("failed").GetInt32()} | {m.GetProperty("peak_mb").GetDouble():0} | {m.GetProperty("seconds").GetDouble():0.00} | {m.GetProperty("gc_pause_seconds").GetDouble():0.00} |");
                gcLines.Add($"{label}, {w} worker(s): {m.GetProperty("gc").GetString()}");
                if (w == 1) stageTables.Add(store + ": " + m.GetProperty("stages").GetString());
            }
        }
        Console.WriteLine();
        Console.WriteLine("Stop-the-world collections of the median runs (count x total pause, by generation collected):");
        foreach (var g in gcLines) Console.WriteLine(g);
        Console.WriteLine();
        Console.WriteLine("Cost of each stage (1 worker; seconds of CPU in the stage, share of the pipeline):");
        foreach (var t in stageTables) Console.WriteLine(t);
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        return 0;
    }

    /// <summary>The cost of the output files, the store and fusion: the job with each added in turn (in this process).</summary>
    public static int Breakdown(string input, int docs, int workers)
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-breakdown-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        var corpus = Path.Combine(dir, "corpus.jsonl");
        if (WriteCorpus(input, corpus, docs) != 0) return 1;
        var pipeline = SitrepDefaults.Create();
        Console.WriteLine($"| workers | output files | + SQLite store | + fusion | documents/s |");
        Console.WriteLine("|---:|---|---|---|---:|");
        var i = 0;
        foreach (var (db, fuse) in new[] { (false, false), (true, false), (true, true) })
        {
            var options = new ExtractOptions { Inputs = [corpus], OutputDirectory = Path.Combine(dir, "out"), DatabasePath = db ? Path.Combine(dir, $"b{i++}.db") : null, Workers = workers, Fuse = fuse };
            var sw = Stopwatch.StartNew();
            var summary = new ExtractJob(pipeline).Run(options);
            Console.WriteLine($"| {workers} | yes | {(db ? "yes" : "no")} | {(fuse ? "yes" : "no")} | {summary.Documents / sw.Elapsed.TotalSeconds:0} |");
        }
        // where the store's time goes, on one thread
        var processed = pipeline.RunAll(BenchCorpus.Read(corpus)!.Take(2000), workers).Select(r => r.Document!).ToList();
        var t = Stopwatch.StartNew();
        long chars = 0;
        foreach (var d in processed)
        {
            foreach (var m in d.Mentions) chars += JsonSerializer.Serialize(m, m.GetType(), Sitrep.Export.SitrepJson.Options).Length;
        }
        var mentionsJson = t.Elapsed.TotalMilliseconds; t.Restart();
        foreach (var d in processed)
        {
            foreach (var e in d.Events) chars += JsonSerializer.Serialize(e, Sitrep.Export.SitrepJson.Options).Length;
            foreach (var c in d.Claims) chars += JsonSerializer.Serialize(c, Sitrep.Export.SitrepJson.Options).Length;
        }
        var eventsJson = t.Elapsed.TotalMilliseconds; t.Restart();
        foreach (var d in processed) Sitrep.Fusion.FusionDocument.From(d, Sitrep.Fusion.OutletRegistry.Default);
        var fingerprints = t.Elapsed.TotalMilliseconds; t.Restart();
        using (var store = Sitrep.Storage.SqliteStore.Open(Path.Combine(dir, "t.db")))
        {
            foreach (var chunk in processed.Take(500).Chunk(64)) store.Save(chunk, "warm-up");
            t.Restart();
            foreach (var chunk in processed.Skip(500).Chunk(64)) store.Save(chunk, "bench");
        }
        var save = t.Elapsed.TotalMilliseconds * processed.Count / (processed.Count - 500);
        Console.WriteLine($"per document (ms, one thread): mention JSON {mentionsJson / processed.Count:0.000}, event+claim JSON {eventsJson / processed.Count:0.000}, fusion fingerprint {fingerprints / processed.Count:0.000}, SQLite save (all) {save / processed.Count:0.000}; {processed.Average(d => d.Mentions.Length):0} mentions/document");
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        return 0;
    }

    /// <summary>
    /// The SQLite store's save alone, on one thread: the documents are processed once, then saved in batches of 64
    /// into a fresh store, round after round (for a profiler: the rounds dominate the run).
    /// </summary>
    public static int StoreSave(string input, int docs, int rounds)
    {
        if (BenchCorpus.Read(input) is not { } originals) return 1;
        var pipeline = SitrepDefaults.Create();
        var processed = pipeline.RunAll(Replicate(originals, docs), 1).Where(r => r.Succeeded)
            .Select(r => (r.Document!, Sitrep.Storage.SerializedDocument.Of(r.Document!))).ToList();
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-storesave-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var f in Directory.GetFiles(dir)) File.Delete(f);
            var sw = Stopwatch.StartNew();
            using (var store = Sitrep.Storage.SqliteStore.Open(Path.Combine(dir, "save.db")))
                foreach (var chunk in processed.Chunk(64)) store.Save(chunk, "bench");
            Console.WriteLine($"round {round + 1}: {sw.Elapsed.TotalMilliseconds / processed.Count:0.000} ms per document");
        }
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        return 0;
    }

    /// <summary>Runs one configuration in this process and prints its figures as one JSON line.</summary>
    public static int RunOne(string store, string target, string corpus, int workers, string outDir)
    {
        var pipeline = SitrepDefaults.Create();
        using var gc = new GcPauseListener();
        var options = new ExtractOptions { Inputs = [corpus], OutputDirectory = outDir, DatabasePath = store == "sqlite" ? target : null, Workers = workers, Fuse = true };
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var pause = GC.GetTotalPauseDuration();
        var sw = Stopwatch.StartNew();
        ExtractSummary summary;
        if (store == "pg")
        {
            using var pg = PostgresStore.Open(target);
            summary = new PostgresExtractJob(pipeline, pg).Run(options);
        }
        else
        {
            summary = new ExtractJob(pipeline).Run(options);
        }
        sw.Stop();
        var stages = summary.StageTimes;
        var total = stages.Sum(s => s.Time.TotalSeconds);
        var stageText = string.Join(", ", stages.Select(s => $"{s.Stage} {s.Time.TotalSeconds:0.00} s ({s.Time.TotalSeconds / total:P0})"));
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            docs = summary.Documents,
            events = summary.Events,
            failed = summary.Failures.Count,
            seconds = sw.Elapsed.TotalSeconds,
            peak_mb = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,
            cpu_seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,
            gc_pause_seconds = (GC.GetTotalPauseDuration() - pause).TotalSeconds,
            gc = gc.Summary(),
            stages = stageText,
        }));
        return summary.Documents > 0 ? 0 : 1;
    }

    /// <summary>Runs a configuration in a child process pinned to as many cores as it has workers (taskset), so "per core" means one core.</summary>
    private static JsonDocument? Child(string[] args, int cores)
    {
        var self = Environment.ProcessPath!;
        var pin = File.Exists("/usr/bin/taskset") && cores <= Environment.ProcessorCount;
        var start = new ProcessStartInfo(pin ? "/usr/bin/taskset" : self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (pin)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cores == 1 ? "0" : $"0-{cores - 1}");
            start.ArgumentList.Add(self);
        }
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(JobBench).Assembly.Location);
        // as the sitrep launcher sets it (see ./sitrep): count calls for promotion to optimised code from the start
        start.Environment.TryAdd("DOTNET_TC_CallCountingDelayMs", "0");
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
        if (process.ExitCode != 0 || line is null)
        {
            Console.Error.WriteLine($"benchmark child failed ({process.ExitCode}): {output}");
            return null;
        }
        return JsonDocument.Parse(line);
    }

    private static string FreshDatabase(string admin, string name)
    {
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
