using System.Text.Json;
using Sitrep.Evaluation;
using Sitrep.Pipeline;
using Xunit.Abstractions;

namespace Sitrep.Tests.Evaluation;

/// <summary>
/// Runs the whole default pipeline on the sample articles and scores it against the gold: the
/// suite fails when quality drops below the floor recorded in data/ratchet.json.
/// </summary>
public class GoldRatchetTests(ITestOutputHelper output)
{
    private static readonly Lazy<EvalReport> Report = new(() =>
    {
        var outDir = Directory.CreateTempSubdirectory("sitrep-gold-").FullName;
        try
        {
            var job = new ExtractJob(SitrepDefaults.Create());
            var summary = job.Run(new ExtractOptions { Inputs = [RepoPaths.SampleTexts], OutputDirectory = outDir, DatabasePath = null });
            Assert.Empty(summary.Failures);
            return Evaluator.Evaluate(GoldSet.Load(RepoPaths.GoldDir), PredictionSet.Load(outDir));
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    });

    private static JsonElement Floor(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.TestData("ratchet.json")));
        return json.RootElement.GetProperty(name).Clone();
    }

    [Fact]
    public void Event_f1_stays_at_or_above_the_recorded_floor()
    {
        output.WriteLine(Report.Value.ToText());
        Assert.True(Report.Value.Events.F1 >= Floor("event_f1").GetDouble(),
            $"event F1 {Report.Value.Events.F1:0.000} fell below {Floor("event_f1").GetDouble():0.000}");
    }

    [Fact]
    public void Claims_f1_stays_at_or_above_the_recorded_floor() =>
        Assert.True(Report.Value.Claims.F1 >= Floor("claims_f1").GetDouble(), $"claims F1 {Report.Value.Claims.F1:0.000}");

    [Fact]
    public void Body_f1_stays_at_or_above_the_recorded_floor() =>
        Assert.True(Report.Value.Body.F1 >= Floor("body_f1").GetDouble(), $"body F1 {Report.Value.Body.F1:0.000}");

    [Fact]
    public void Location_accuracy_stays_at_or_above_the_recorded_floor()
    {
        var location = Report.Value.Field(Evaluator.Fields.Location);
        Assert.True(location.Total > 0);
        Assert.True(location.Accuracy >= Floor("location_within_25km").GetDouble(), $"location within 25 km {location.Accuracy:0.000}");
    }

    [Fact]
    public void Geo_precision_accuracy_stays_at_or_above_the_recorded_floor()
    {
        var precision = Report.Value.Field(Evaluator.Fields.GeoPrecision);
        Assert.True(precision.Total > 0);
        Assert.True(precision.Accuracy >= Floor("geo_precision").GetDouble(), $"geo precision {precision.Accuracy:0.000}");
    }

    [Fact]
    public void No_evidence_lies_outside_the_gold_body() =>
        Assert.True(Report.Value.EvidenceOutsideGoldBody <= Floor("evidence_outside_gold_body").GetInt32(),
            $"{Report.Value.EvidenceOutsideGoldBody} evidence spans outside the gold body");

    public static IEnumerable<object[]> FieldFloors()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.TestData("ratchet.json")));
        foreach (var field in json.RootElement.GetProperty("fields").EnumerateObject())
            if (field.Value.ValueKind == JsonValueKind.Number) yield return [field.Name, field.Value.GetDouble()];
    }

    [Theory]
    [MemberData(nameof(FieldFloors))]
    public void Field_accuracy_on_matched_events_stays_at_or_above_its_floor(string field, double floor)
    {
        var accuracy = Report.Value.Field(field);
        Assert.True(accuracy.Total > 0, $"no gold events scored on {field}");
        Assert.True(accuracy.Accuracy >= floor, $"{field} {accuracy.Accuracy:0.000} fell below {floor:0.000}");
    }
}
