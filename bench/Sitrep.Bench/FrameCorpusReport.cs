using Sitrep.Evaluation;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>The frame corpus accuracy table on stdout: the same scoring the FrameCorpus test asserts floors on.</summary>
internal static class FrameCorpusReport
{
    public static int Run(string[] args)
    {
        var path = BenchPaths.ArgumentAfter(args, "--frames") ?? BenchPaths.FindUp(Path.Combine("tests", "Sitrep.Tests", "data", "frames", "frames.jsonl"));
        if (path is null || !File.Exists(path)) { Console.Error.WriteLine("frame corpus not found (tests/Sitrep.Tests/data/frames/frames.jsonl)"); return 2; }
        var passages = FrameCorpus.Load(path);
        var rows = FrameCorpus.RunAll(SitrepDefaults.Create(), passages);
        Console.WriteLine($"frame corpus: {passages.Length} passages, {passages.Sum(p => p.Events.Length)} expected events, {passages.Count(p => p.Events.IsEmpty)} non-event passages, from {path}");
        Console.WriteLine($"pairing: {FrameCorpus.PairingMethod}");
        Console.WriteLine();
        Console.WriteLine(FrameCorpus.RenderScores(FrameCorpus.Score(rows)));
        if (args.Contains("--verbose")) Console.WriteLine(FrameCorpus.RenderDiffs(rows));
        return 0;
    }
}

/// <summary>Finding repository files from the bench binaries.</summary>
internal static class BenchPaths
{
    /// <summary>The value after a flag, when it is not itself a flag.</summary>
    public static string? ArgumentAfter(string[] args, string flag)
    {
        var i = Array.IndexOf(args, flag);
        return i >= 0 && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : null;
    }

    /// <summary>The first existing file at this relative path in the working directory, the binaries' directory or above them.</summary>
    public static string? FindUp(string relative)
    {
        if (File.Exists(relative)) return Path.GetFullPath(relative);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
