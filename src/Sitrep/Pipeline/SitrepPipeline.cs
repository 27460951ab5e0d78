using System.Collections.Immutable;
using System.Diagnostics;
using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>The outcome of running one input: a document, or the reason it failed.</summary>
public sealed record DocumentResult(string Id, string Source, Document? Document, string? Error)
{
    public bool Succeeded => Document is not null;
}

/// <summary>
/// An immutable, thread-safe sequence of stages. <see cref="Run"/> processes one document;
/// <see cref="RunAll"/> processes many in parallel across cores, yielding results in input order.
/// </summary>
public sealed class SitrepPipeline
{
    private readonly long[] _ticks;
    private readonly long[] _bytes;

    internal SitrepPipeline(ICleaner cleaner, ImmutableArray<IStage> stages)
    {
        Cleaner = cleaner;
        Stages = stages;
        _ticks = new long[stages.Length + 1];
        _bytes = new long[stages.Length + 1];
    }

    public ICleaner Cleaner { get; }
    public ImmutableArray<IStage> Stages { get; }

    /// <summary>Runs every stage on one input. Throws on a failure inside a stage.</summary>
    public Document Run(RawDocument raw)
    {
        var start = Stopwatch.GetTimestamp();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var document = Cleaner.Clean(raw);
        Account(0, ref start, ref allocated);
        for (var i = 0; i < Stages.Length; i++)
        {
            document = Stages[i].Process(document);
            Account(i + 1, ref start, ref allocated);
        }
        return document;
    }

    /// <summary>Adds the time and managed allocation since the last mark to stage <paramref name="index"/>, and moves the mark.</summary>
    private void Account(int index, ref long start, ref long allocated)
    {
        var now = Stopwatch.GetTimestamp();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        Interlocked.Add(ref _ticks[index], now - start);
        Interlocked.Add(ref _bytes[index], bytes - allocated);
        start = now;
        allocated = bytes;
    }

    /// <summary>Runs one input, turning any exception into a per-document error.</summary>
    public DocumentResult TryRun(RawDocument raw)
    {
        try
        {
            return new DocumentResult(raw.Id, raw.Source, Run(raw), null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new DocumentResult(raw.Id, raw.Source, null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Processes inputs in parallel, in input order, with at most <paramref name="workers"/> threads.</summary>
    public IEnumerable<DocumentResult> RunAll(IEnumerable<RawDocument> inputs, int workers = 0, CancellationToken cancellationToken = default)
    {
        var degree = workers > 0 ? workers : Environment.ProcessorCount;
        if (degree == 1)
            return inputs.Select(TryRun);
        return inputs.AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(degree)
            .WithCancellation(cancellationToken)
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(TryRun);
    }

    /// <summary>Cumulative time spent in the cleaner and each stage since the pipeline was built.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Time)> StageTimes() => [.. StageCosts().Select(c => (c.Stage, c.Time))];

    /// <summary>Cumulative time and managed bytes allocated in the cleaner and each stage since the pipeline was built.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Time, long Allocated)> StageCosts()
    {
        var list = new List<(string, TimeSpan, long)>(Stages.Length + 1);
        for (var i = 0; i <= Stages.Length; i++)
            list.Add((i == 0 ? "clean" : Stages[i - 1].Name, Stopwatch.GetElapsedTime(0, Volatile.Read(ref _ticks[i])), Volatile.Read(ref _bytes[i])));
        return list;
    }
}
