using System.Collections.Concurrent;
using System.Diagnostics;
using Sitrep.Documents;
using Sitrep.Export;
using Sitrep.Fusion;
using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Pipeline;

public sealed record ExtractOptions
{
    public required IReadOnlyList<string> Inputs { get; init; }
    public string OutputDirectory { get; init; } = "out";
    /// <summary>SQLite file; null to skip the store.</summary>
    public string? DatabasePath { get; init; } = "sitrep.db";
    /// <summary>Publication date for documents whose input gives none (YYYY-MM-DD).</summary>
    public string? Published { get; init; }
    public int Workers { get; init; }
    public IngestOptions Ingest { get; init; } = new();
    /// <summary>Documents per store transaction; a killed run loses at most the batches not yet committed (up to six).</summary>
    public int BatchSize { get; init; } = 64;
    /// <summary>Write fused_events.* (over the whole store when there is one, else over the run).</summary>
    public bool Fuse { get; init; } = true;
}

public sealed record ExtractFailure(string Source, string Reason);

/// <summary>What a run did, for the closing summary.</summary>
public sealed record ExtractSummary(
    int Documents,
    int Events,
    int Claims,
    int Unchanged,
    IReadOnlyDictionary<string, int> EventsByType,
    IReadOnlyList<ExtractFailure> Failures,
    TimeSpan Elapsed,
    IReadOnlyList<(string Stage, TimeSpan Time)> StageTimes)
{
    /// <summary>What fusion made of the events (null when fusion was off).</summary>
    public Fusion.FusionSummary? Fusion { get; init; }
}

/// <summary>
/// The main job: read inputs, run the pipeline in parallel, write the output files and the
/// store. A bad input becomes a failure in the summary and never stops the run; the store is
/// committed in batches, so a killed run loses at most the batch in flight.
/// </summary>
public sealed class ExtractJob(SitrepPipeline pipeline)
{
    public ExtractSummary Run(ExtractOptions options, Action<DocumentResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var failures = new List<ExtractFailure>();
        var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int documents = 0, events = 0, claims = 0, unchanged = 0;
        var version = SitrepDefaults.PipelineVersion;

        using var store = options.DatabasePath is null ? null : SqliteStore.Open(options.DatabasePath);
        using var output = OutputSet.Create(options.OutputDirectory);
        var fusion = options.Fuse ? new FusionJob(OutletRegistry.Default) : null;

        // The store is written on its own thread, a batch at a time, so the single SQLite writer
        // overlaps with the pipeline workers instead of stalling the thread that collects results.
        using var batches = new BlockingCollection<List<(Document, SerializedDocument)>>(boundedCapacity: 4);
        var writer = store is null ? null : Task.Factory.StartNew(() =>
        {
            foreach (var list in batches.GetConsumingEnumerable())
            {
                Interlocked.Add(ref unchanged, store.SaveChanged(list, version));
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var batch = new List<(Document, SerializedDocument)>(options.BatchSize);
        void Hand(List<(Document, SerializedDocument)> full)
        {
            // a writer that failed takes no more: its error ends the run
            while (!batches.TryAdd(full, 100, cancellationToken))
                if (writer!.IsCompleted) writer.GetAwaiter().GetResult();
        }

        var items = new InputReader(options.Ingest).Read(options.Inputs);
        var degree = options.Workers > 0 ? options.Workers : Environment.ProcessorCount;
        // Per-document work that does not need the shared writers (the fusion fingerprint) runs on the workers too.
        // Results come back in input order; a worker at most a window of documents ahead of the writers waits.
        var results = OrderedParallel.Map(items, item =>
            {
                var result = item switch
                {
                    IngestedDocument d => pipeline.TryRun(d.Document with { Published = d.Document.Published ?? options.Published }),
                    IngestFailure f => new DocumentResult(f.Source, f.Source, null, f.Reason),
                    _ => new DocumentResult(item.Source, item.Source, null, "unknown input"),
                };
                var view = fusion is not null && result.Document is { } doc ? FusionDocument.From(doc, fusion.Registry) : null;
                // the records as the store and the output files write them, serialised here rather than on the single writers
                // with the fusion fingerprint, which the store saves with the document
                var json = result.Document is { } done ? SerializedDocument.Of(done) with { Fusion = view?.ToStored() } : null;
                return (result, view, json);
            }, degree, window: Math.Max(degree * 32, 64), cancellationToken);

        try
        {
            foreach (var (result, view, json) in results)
            {
                if (result.Document is { } document)
                {
                    documents++;
                    output.Add(document, json);
                    if (fusion is not null) fusion.Add(document, view!);
                    events += document.Events.Length;
                    claims += document.Claims.Length;
                    foreach (var e in document.Events)
                        byType[e.EventType] = byType.GetValueOrDefault(e.EventType) + 1;
                    if (store is not null)
                    {
                        // the store needs neither the tokens nor the mentions (their JSON is made): while the batch
                        // waits for the writer they are garbage, not survivors every collection copies
                        batch.Add((document with { Sentences = [], Tokens = [], Mentions = [] }, json!));
                        if (batch.Count >= options.BatchSize)
                        {
                            Hand(batch);
                            batch = new List<(Document, SerializedDocument)>(options.BatchSize);
                        }
                    }
                }
                else
                {
                    failures.Add(new ExtractFailure(result.Source, result.Error ?? "failed"));
                }
                onResult?.Invoke(result);
            }
            if (store is not null && batch.Count > 0) Hand(batch);
        }
        finally
        {
            batches.CompleteAdding();
            // what was handed over is committed (or its error surfaces) before the run goes on
            writer?.GetAwaiter().GetResult();
        }
        output.Complete();
        var fused = fusion?.Run(store, output.Directory, fingerprintsSaved: store is not null);
        return new ExtractSummary(documents, events, claims, unchanged, byType, failures, stopwatch.Elapsed, pipeline.StageTimes()) { Fusion = fused };
    }
}
