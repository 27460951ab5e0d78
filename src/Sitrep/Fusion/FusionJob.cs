using System.Collections.Immutable;
using System.Text.Json;
using Sitrep.Events;
using Sitrep.Export;
using Sitrep.Storage;

namespace Sitrep.Fusion;

/// <summary>What a fusion pass did.</summary>
public sealed record FusionSummary(int Reports, int NewReports, int FusedEvents, int MultiReportEvents);

/// <summary>
/// Fuses events for <c>sitrep extract</c>: with a store, over everything stored (clusters remembered in the store
/// are restored as they are; only events without a cluster are scored); without one, over the run's documents.
/// </summary>
public sealed class FusionJob(OutletRegistry registry, FusionOptions? options = null)
{
    // only what fusion needs is kept for the whole run (not the documents with their text, tokens and mentions)
    private readonly List<(ImmutableArray<ConflictEvent> Events, FusionDocument Fusion)> _run = [];

    /// <summary>Remembers a document of this run (its events, publisher and fingerprint).</summary>
    public void Add(Documents.Document document) => _run.Add((document.Events, FusionDocument.From(document, registry)));

    /// <summary>Remembers a document whose fusion view (fingerprint, publisher) was computed already, e.g. on a worker thread.</summary>
    public void Add(Documents.Document document, FusionDocument fusion) => _run.Add((document.Events, fusion));

    /// <summary>The registry publishers are recognised with.</summary>
    public OutletRegistry Registry => registry;

    /// <summary>
    /// Fuses and writes fused_events.* to <paramref name="outputDirectory"/>. <paramref name="fingerprintsSaved"/>: the
    /// run's document fingerprints are in the store already (the extract job saves them with each batch).
    /// </summary>
    public FusionSummary Run(SqliteStore? store, string outputDirectory, bool fingerprintsSaved = false)
    {
        var fuser = new EventFuser(options);
        // This run's events are all fresh (a re-processed document lost its old events and their clusters) and in memory.
        var fresh = _run.SelectMany(d => d.Events.Select(e => EventReport.Create(e, d.Fusion, registry))).ToList();
        Task? members = null;
        if (store is null)
        {
            fuser.AddAll([.. Ordered(fresh)]);
        }
        else
        {
            if (!fingerprintsSaved)
                store.SaveFusionDocuments(_run.Select(d => d.Fusion.ToStored()));
            // only earlier runs' events are read back
            var inRun = _run.Select(d => d.Fusion.DocumentId).ToHashSet(StringComparer.Ordinal);
            var documents = new Dictionary<string, FusionDocument>(StringComparer.Ordinal);
            foreach (var row in store.ReadFusionReports(inRun.Contains))
            {
                if (!documents.TryGetValue(row.DocumentId, out var doc))
                {
                    var published = DateOnly.TryParseExact(row.Published, "yyyy-MM-dd", out var p) ? p : (DateOnly?)null;
                    documents[row.DocumentId] = doc = FusionDocument.FromStored(
                        row.DocumentId, row.Outlet, row.Url, published, row.Publisher, row.TextSha256, row.MinHash, row.Text, registry);
                }
                var report = EventReport.Create(row.Event, doc, registry);
                if (row.ClusterId is { } id) fuser.Restore(report, id);
                else fresh.Add(report);
            }
            var ordered = Ordered(fresh).ToList();
            var clusters = fuser.AddAll(ordered);
            // the store records the memberships while the fused events are built
            members = Task.Run(() => store.SaveFusionMembers(ordered.Select((r, i) => (r.Event.Id, clusters[i].Id))));
        }
        var fused = Fuse(fuser);
        var json = new string[fused.Count];
        Parallel.For(0, fused.Count, i => json[i] = JsonSerializer.Serialize(fused[i], SitrepJson.Options));
        // the dashboard and API read the fused view from the store; the files are written meanwhile
        var replaced = store is null ? Task.CompletedTask : Task.Run(() =>
        {
            members!.GetAwaiter().GetResult();
            store.ReplaceFusedEvents(fused.Select((f, i) => (f.Id, json[i])));
        });
        try
        {
            FusedEventWriter.Write(outputDirectory, fused, json);
        }
        finally
        {
            // a store error surfaces (and the store is not used by two threads once this returns)
            replaced.GetAwaiter().GetResult();
        }
        return new FusionSummary(fuser.ReportCount, store is null ? fuser.ReportCount : fresh.Count, fused.Count, fused.Count(f => f.Reports.Length > 1));
    }

    /// <summary>The fused events of every cluster, newest first (built on all cores).</summary>
    public static List<FusedEvent> Fuse(EventFuser fuser)
    {
        ArgumentNullException.ThrowIfNull(fuser);
        var clusters = fuser.Clusters.Where(c => c.Reports.Count > 0).ToList();
        var built = new FusedEvent[clusters.Count];
        Parallel.For(0, clusters.Count, i => built[i] = FusedEventBuilder.Build(clusters[i]));
        return [.. built.OrderByDescending(f => f.Date.Value ?? "", StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal)];
    }

    /// <summary>Deterministic order: by date, then document and event id, so a run fuses the same way every time.</summary>
    public static IEnumerable<EventReport> Ordered(IEnumerable<EventReport> reports) =>
        reports.OrderBy(r => r.Event.Date.Value ?? r.Document.Published?.ToString("yyyy-MM-dd") ?? "9999", StringComparer.Ordinal)
            .ThenBy(r => r.Document.DocumentId, StringComparer.Ordinal).ThenBy(r => r.Event.Id, StringComparer.Ordinal);
}
