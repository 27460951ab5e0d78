using System.Diagnostics;
using Sitrep.Documents;
using Sitrep.Export;
using Sitrep.Fusion;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Postgres;

/// <summary>
/// <c>sitrep extract --pg</c>: one process of a scale-out run. It puts its inputs on the shared queue
/// (a no-op for content already there), then its workers claim batches with FOR UPDATE SKIP LOCKED until
/// the queue is empty, whoever enqueued them; any number of such processes can run against one
/// database. Finally it fuses the new events (under an advisory lock) and writes the output files for
/// its own inputs from the store, so they hold the same results whichever worker made them. A process
/// given no inputs only works the queue (a helper on a machine that does not have the files).
/// </summary>
public sealed class PostgresExtractJob(SitrepPipeline pipeline, PostgresStore store)
{
    /// <summary>How long an idle worker waits before looking again for rows other workers still hold.</summary>
    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public ExtractSummary Run(ExtractOptions options, Action<DocumentResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var version = SitrepDefaults.PipelineVersion;
        var failures = new List<ExtractFailure>();

        // 1. Enqueue (streamed, in chunks); ingest failures never reach the queue.
        var raws = new InputReader(options.Ingest).Read(options.Inputs).SelectMany(item =>
        {
            switch (item)
            {
                case IngestedDocument d:
                    return [d.Document with { Published = d.Document.Published ?? options.Published }];
                case IngestFailure f:
                    failures.Add(new ExtractFailure(f.Source, f.Reason));
                    lock (_report) onResult?.Invoke(new DocumentResult(f.Source, f.Source, null, f.Reason));
                    return Array.Empty<RawDocument>();
                default:
                    return [];
            }
        });
        var enqueued = store.Enqueue(raws.Where(r => !cancellationToken.IsCancellationRequested), version);

        // 2. Work the queue with N threads, each on its own connection.
        var degree = options.Workers > 0 ? options.Workers : Environment.ProcessorCount;
        var worker = $"{Environment.MachineName}:{Environment.ProcessId}";
        var threads = Enumerable.Range(0, degree).Select(i => new Thread(() => Work($"{worker}/{i}", options.BatchSize, version, onResult, cancellationToken))
        {
            IsBackground = true,
            Name = $"sitrep-worker-{i}",
        }).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_errors)
            if (_errors.Count > 0) throw new AggregateException("A worker failed.", _errors);

        // 3. Results of this process's inputs (a process without inputs: of what it processed), from the store.
        IReadOnlyList<string> mine = options.Inputs.Count > 0 ? enqueued.Ids : [.. _processed];
        failures.AddRange(store.Failures([.. mine]).Select(f => new ExtractFailure(f.Id, f.Error)));
        var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int documents = 0, events = 0, claims = 0;
        FusionSummary? fused = null;
        using (var output = OutputSet.Create(options.OutputDirectory))
        {
            foreach (var chunk in mine.Chunk(500))
                foreach (var document in store.GetDocuments(chunk))
                {
                    documents++;
                    output.Add(document);
                    events += document.Events.Length;
                    claims += document.Claims.Length;
                    foreach (var e in document.Events) byType[e.EventType] = byType.GetValueOrDefault(e.EventType) + 1;
                }
            output.Complete();
            if (options.Fuse) fused = new PostgresFusion(store, OutletRegistry.Default).Run(output.Directory);
        }
        return new ExtractSummary(documents, events, claims, enqueued.Unchanged, byType, failures, stopwatch.Elapsed, pipeline.StageTimes()) { Fusion = fused };
    }

    private readonly List<Exception> _errors = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _processed = new();
    private readonly Lock _report = new();

    private void Work(string worker, int batchSize, string version, Action<DocumentResult>? onResult, CancellationToken cancellationToken)
    {
        try
        {
            WorkQueue(worker, batchSize, version, onResult, cancellationToken);
        }
        catch (Exception ex)
        {
            lock (_errors) _errors.Add(ex);
        }
    }

    private void WorkQueue(string worker, int batchSize, string version, Action<DocumentResult>? onResult, CancellationToken cancellationToken)
    {
        var registry = OutletRegistry.Default;
        while (!cancellationToken.IsCancellationRequested)
        {
            using var batch = store.Claim(batchSize, worker);
            if (batch is null)
            {
                // Nothing free: done, unless other workers still hold rows (they may die and release them).
                if (store.CountQueue().Pending == 0) return;
                Thread.Sleep(PollInterval);
                continue;
            }
            var results = batch.Items.Select(pipeline.TryRun).ToList();
            batch.Complete(results, version, registry);
            foreach (var r in results) _processed.Enqueue(r.Id);
            if (onResult is not null)
                lock (_report)
                    foreach (var r in results) onResult(r);
        }
    }
}
