using System.Text.Json;
using Sitrep.Evaluation;

namespace Sitrep.Tests.Evaluation;

/// <summary>The real gold folder, turned into a prediction folder, must score perfectly against itself.</summary>
public class GoldRoundTripTests
{
    private static readonly string GoldDir = Path.Combine(AppContext.BaseDirectory, "data", "gold");

    private static string SampleTextDir() => RepoPaths.SampleTexts;

    [Fact]
    public void RealGoldLoads()
    {
        var gold = GoldSet.Load(GoldDir);

        Assert.Empty(gold.Problems);
        Assert.Equal(5, gold.Documents.Length);
        Assert.Equal(45, gold.Documents.Sum(d => d.Events.Length));
        var e = gold.Documents.Single(d => d.Id == "002_addd7965deaf0006.txt").Events.Single(x => x.Id == "002-E2");
        Assert.Equal("Air/drone strike", e.SubEventType);
        Assert.Equal(40, e.Fatalities.Best);
        Assert.Equal("2023-12-06", e.Date.Value);
        Assert.Equal("correspondent", e.Attribution.SourceKind);
        Assert.NotNull(e.Location?.Lat);
    }

    [Fact]
    public void GoldAgainstItselfScoresOne()
    {
        var gold = GoldSet.Load(GoldDir);
        var textDir = SampleTextDir();
        var pred = Path.Combine(Path.GetTempPath(), "sitrep-eval-gold-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(pred);
        try
        {
            File.WriteAllLines(Path.Combine(pred, PredictionSet.DocumentsFile), gold.Documents.Select(d =>
                JsonSerializer.Serialize(new PredictedDocument
                {
                    Id = d.Id,
                    Title = d.Title,
                    Text = File.ReadAllText(Path.Combine(textDir, d.Id)),
                    Body = d.Body,
                })));
            File.WriteAllLines(Path.Combine(pred, PredictionSet.EventsFile),
                gold.Documents.SelectMany(d => d.Events).Select(e => JsonSerializer.Serialize(e)));
            File.WriteAllLines(Path.Combine(pred, PredictionSet.ClaimsFile),
                gold.Documents.SelectMany(d => d.Claims).Select(c => JsonSerializer.Serialize(c)));

            var r = Evaluator.Evaluate(GoldSet.Load(GoldDir), PredictionSet.Load(pred));

            Assert.Equal(1.0, r.Events.F1);
            Assert.Equal(45, r.Events.Matched);
            Assert.Equal(1.0, r.Claims.F1);
            Assert.Equal(1.0, r.Body.F1);
            Assert.Equal(0, r.EvidenceOutsideGoldBody);
            Assert.All(r.Fields.Where(f => f.Total > 0), f => Assert.Equal(1.0, f.Accuracy));
            Assert.All(r.EventPairs, p => Assert.Equal(p.GoldId, p.PredictedId));
            Assert.All(r.ClaimPairs, p => Assert.Equal(p.GoldId, p.PredictedId));
            Assert.Empty(r.Notes);
            Assert.Empty(r.MalformedLines);
        }
        finally
        {
            Directory.Delete(pred, recursive: true);
        }
    }
}
