using System.Text.Json;
using Sitrep.Fusion;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Xunit;
using Xunit.Abstractions;

namespace Sitrep.Tests.Fusion;

/// <summary>The whole pipeline plus fusion over samples/fusion, scored against expected_clusters.json.</summary>
public sealed class FusionCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<(List<FusedEvent> Fused, List<Documents.Document> Docs)> Run = new(() =>
    {
        var pipeline = SitrepDefaults.Create();
        var docs = new InputReader(new IngestOptions()).Read([Path.Combine(RepoPaths.Samples, "fusion")])
            .OfType<IngestedDocument>().Select(d => pipeline.Run(d.Document)).ToList();
        return (Fuse(docs, null), docs);
    });

    private static List<FusedEvent> Fuse(IEnumerable<Documents.Document> docs, Func<string, bool>? keep)
    {
        var registry = OutletRegistry.Default;
        var fuser = new EventFuser();
        var reports = docs.Where(d => keep is null || keep(d.Id))
            .SelectMany(d => { var fd = FusionDocument.From(d, registry); return d.Events.Select(e => EventReport.Create(e, fd, registry)); });
        foreach (var r in FusionJob.Ordered(reports)) fuser.Add(r);
        return FusionJob.Fuse(fuser);
    }

    [Fact]
    public void ClusteringAllAtOnceMatchesAddingOneByOne()
    {
        var registry = OutletRegistry.Default;
        var reports = FusionJob.Ordered(Run.Value.Docs.SelectMany(d =>
        {
            var fd = FusionDocument.From(d, registry);
            return d.Events.Select(e => EventReport.Create(e, fd, registry));
        })).ToList();
        var one = new EventFuser();
        var sequential = reports.Select(r => one.Add(r).Id).ToList();
        var all = new EventFuser();
        var together = all.AddAll(reports).Select(c => c.Id).ToList();

        Assert.True(sequential.Distinct().Count() < sequential.Count, "the samples fuse some reports");
        Assert.Equal(sequential, together);
        Assert.Equal(one.Clusters.Select(c => c.Reports.Count), all.Clusters.Select(c => c.Reports.Count));
    }

    private sealed record Expected(string Event, string[] Docs, string[] Copies);

    private static List<Expected> LoadExpected()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.TestData("fusion", "expected_clusters.json")));
        return [.. json.RootElement.GetProperty("clusters").EnumerateArray().Select(c => new Expected(
            c.GetProperty("event").GetString()!,
            [.. c.GetProperty("docs").EnumerateArray().Select(d => d.GetString()!)],
            [.. c.GetProperty("copies").EnumerateArray().Select(d => d.GetString()!)]))];
    }

    [Fact]
    public void CorpusHasThirtyDocumentsAndEveryDocumentIsExpected()
    {
        var expected = LoadExpected().SelectMany(c => c.Docs).ToHashSet();
        Assert.True(Run.Value.Docs.Count >= 30, $"{Run.Value.Docs.Count} documents");
        Assert.All(Run.Value.Docs, d => Assert.Contains(d.Id, expected));
    }

    [Fact]
    public void PairwiseClusteringF1IsAtLeastNinety()
    {
        var expected = LoadExpected();
        var docs = expected.SelectMany(c => c.Docs).Distinct().Order(StringComparer.Ordinal).ToList();
        var truth = new HashSet<(string, string)>();
        foreach (var c in expected) foreach (var a in c.Docs) foreach (var b in c.Docs) if (string.CompareOrdinal(a, b) < 0) truth.Add((a, b));
        var predicted = new HashSet<(string, string)>();
        foreach (var f in Run.Value.Fused)
        {
            var ds = f.Reports.Select(r => r.Doc).Distinct().ToList();
            foreach (var a in ds) foreach (var b in ds) if (string.CompareOrdinal(a, b) < 0) predicted.Add((a, b));
        }
        var tp = predicted.Count(truth.Contains);
        var precision = predicted.Count == 0 ? 0 : tp / (double)predicted.Count;
        var recall = truth.Count == 0 ? 0 : tp / (double)truth.Count;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        output.WriteLine($"fusion corpus: {docs.Count} documents, {Run.Value.Fused.Count} fused events; pairs: {truth.Count} expected, {predicted.Count} predicted, {tp} correct; P={precision:0.000} R={recall:0.000} F1={f1:0.000}");
        Console.WriteLine($"fusion corpus pairwise F1 = {f1:0.000} (P={precision:0.000}, R={recall:0.000})");
        Assert.True(f1 >= 0.90, $"pairwise F1 {f1:0.000} (P={precision:0.000}, R={recall:0.000})");
    }

    [Fact]
    public void SyndicatedCopiesNeverRaiseIndependentSources()
    {
        var copies = LoadExpected().SelectMany(c => c.Copies).ToHashSet();
        var without = Fuse(Run.Value.Docs, id => !copies.Contains(id));
        foreach (var f in Run.Value.Fused.Where(f => f.Reports.Any(r => copies.Contains(r.Doc))))
        {
            var originals = f.Reports.Where(r => !copies.Contains(r.Doc)).Select(r => r.EventId).ToHashSet();
            if (originals.Count == 0) continue;
            var match = without.First(w => w.Reports.Any(r => originals.Contains(r.EventId)));
            Assert.True(f.IndependentSources <= match.IndependentSources,
                $"{f.Id}: {f.IndependentSources} independent sources with copies, {match.IndependentSources} without");
        }
        Assert.Contains(Run.Value.Fused, f => f.Reports.Any(r => r.CopyOf is not null));
    }

    [Fact]
    public void SameAttackFromFourVoicesIsOneContestedEventWithTheConservativeToll()
    {
        var ambush = Run.Value.Fused.Single(f => f.Reports.Any(r => r.Doc == "fus-a5-amaq"));
        Assert.Equal(7, ambush.Fatalities.Best);
        Assert.Equal(25, ambush.Fatalities.High);
        Assert.Equal(CorroborationLabels.Contested, ambush.Corroboration);
        Assert.Contains("fatalities", ambush.ContestedOn);
        Assert.DoesNotContain(ambush.Reports, r => r.Doc.StartsWith("fus-b", StringComparison.Ordinal));
    }

    [Fact]
    public void AmaqOnlyClaimIsOneSideOnly()
    {
        var claim = Run.Value.Fused.Single(f => f.Reports.Any(r => r.Doc == "fus-h1-amaq"));
        Assert.Equal(CorroborationLabels.OneSideOnly, claim.Corroboration);
        Assert.Equal(1, claim.IndependentSources);
    }

    [Fact]
    public void TwoMonitorsAgreeingIsCorroborated()
    {
        var shelling = Run.Value.Fused.Single(f => f.Reports.Any(r => r.Doc == "fus-d1-sohr"));
        Assert.Equal(CorroborationLabels.Corroborated, shelling.Corroboration);
        Assert.Equal(2, shelling.IndependentSources);
    }
}
