using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sitrep.Evaluation;
using Sitrep.Events;
using Sitrep.Pipeline;
using Xunit.Abstractions;

namespace Sitrep.Tests.Events;

/// <summary>
/// The frame corpus (data/frames/frames.jsonl): hand-written passages in many registers, run through the
/// whole pipeline. Per-field accuracy must stay at or above the floors in data/frames/floors.json, and the
/// non-event passages listed there as must_pass must keep producing no event. The per-row diff table is
/// printed to the test output.
/// </summary>
public class FrameCorpusTests(ITestOutputHelper output)
{
    private static readonly ImmutableArray<FramePassage> Passages = FrameCorpus.Load(RepoPaths.TestData("frames", "frames.jsonl"));

    private static readonly Lazy<ImmutableArray<FrameRowResult>> Rows = new(() => FrameCorpus.RunAll(SitrepDefaults.Create(), Passages));

    private static readonly Lazy<JsonElement> Floors = new(() =>
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.TestData("frames", "floors.json")));
        return json.RootElement.Clone();
    });

    private static readonly string[] EventTypes =
        ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"];

    private static readonly Dictionary<string, string[]> SubTypes = new()
    {
        ["Battles"] = ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
        ["Explosions/Remote violence"] = ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED", "Grenade"],
        ["Violence against civilians"] = ["Sexual violence", "Attack", "Abduction/forced disappearance"],
        ["Protests"] = ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
        ["Riots"] = ["Violent demonstration", "Mob violence"],
        ["Strategic developments"] = ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
            "Looting/property destruction", "Non-violent transfer of territory", "Other"],
    };

    private static readonly string[] Kinds =
    [
        SourceKinds.OfficialGovernment, SourceKinds.Military, SourceKinds.Correspondent, SourceKinds.MilitantMedia, SourceKinds.Monitor,
        SourceKinds.LocalSources, SourceKinds.Anonymous, SourceKinds.Expert, SourceKinds.OutletItself, SourceKinds.Wire, SourceKinds.Other,
    ];

    public static TheoryData<string> MustPass()
    {
        var data = new TheoryData<string>();
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.TestData("frames", "floors.json")));
        foreach (var id in json.RootElement.GetProperty("must_pass").EnumerateArray()) data.Add(id.GetString()!);
        return data;
    }

    [Fact]
    public void Corpus_covers_the_registers_and_non_events()
    {
        Assert.True(Passages.Length >= 80, $"{Passages.Length} passages");
        Assert.True(Passages.Count(p => p.Events.IsEmpty) >= 15, "non-event passages");
        Assert.True(Passages.Select(p => p.Register).Distinct().Count() >= 8, "registers");
        Assert.Contains(Passages, p => p.Text.Contains("No casualties were reported", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_expected_frame_uses_acled_types_lexicon_actors_and_known_source_kinds()
    {
        var canonical = File.ReadLines(DataDirectory.PathOf(Path.Combine("actors", "actors.tsv")))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t')[0])
            .ToHashSet(StringComparer.Ordinal);
        foreach (var passage in Passages)
        {
            Assert.True(DateOnly.TryParseExact(passage.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                $"{passage.Id}: published '{passage.Published}'");
            foreach (var e in passage.Events)
            {
                Assert.True(SubTypes.TryGetValue(e.EventType, out var subs) && subs.Contains(e.SubEventType),
                    $"{passage.Id}: {e.EventType} / {e.SubEventType}");
                foreach (var actor in new[] { e.Actor1, e.Actor2 }.OfType<string>())
                    Assert.True(canonical.Contains(actor), $"{passage.Id}: actor '{actor}' is not a canonical name in actors.tsv");
                Assert.Contains(e.SourceKind, Kinds);
            }
        }
        Assert.All(SubTypes.Keys, t => Assert.Contains(t, EventTypes));
    }

    [Fact]
    public void Field_accuracy_stays_at_or_above_the_floors()
    {
        var scores = FrameCorpus.Score(Rows.Value);
        output.WriteLine($"{Passages.Length} passages, {Passages.Sum(p => p.Events.Length)} expected events; {FrameCorpus.PairingMethod}");
        output.WriteLine(FrameCorpus.RenderScores(scores));
        output.WriteLine(FrameCorpus.RenderDiffs(Rows.Value));

        var floors = Floors.Value.GetProperty("fields");
        var failures = new List<string>();
        foreach (var field in FrameCorpus.Fields)
        {
            Assert.True(floors.TryGetProperty(field, out var floor), $"floors.json has no floor for {field}");
            if (scores[field].Accuracy < floor.GetDouble())
                failures.Add($"{field} {scores[field].Accuracy:0.000} < floor {floor.GetDouble():0.000}");
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Theory]
    [MemberData(nameof(MustPass))]
    public void Non_event_passage_gives_no_event(string id)
    {
        var passage = Passages.Single(p => p.Id == id);
        Assert.Empty(passage.Events);
        var row = Rows.Value.Single(r => r.Passage.Id == id);
        Assert.True(row.Predicted.IsEmpty,
            $"{id}: '{passage.Text}' gave {string.Join(", ", row.Predicted.Select(e => $"{e.SubEventType} {e.Actor1}/{e.Actor2}"))}");
    }

    private static ConflictEvent Predicted(string subType, string? actor1, string? location, int? killed) => new()
    {
        DocumentId = "t",
        Id = "t-E",
        EventType = subType == "Armed clash" ? "Battles" : "Explosions/Remote violence",
        SubEventType = subType,
        Actor1 = actor1,
        Actor2 = "Military Forces of Syria",
        Location = location is null ? null : new EventLocation(location, location, null, "Syria", null, null, 1),
        Fatalities = new Fatalities(killed, killed, killed, null, null),
    };

    [Fact]
    public void Scoring_pairs_by_agreement_and_counts_a_missing_event_as_wrong_on_every_field()
    {
        var passage = new FramePassage
        {
            Id = "t", Register = "wire", Published = "2019-01-01", Text = "",
            Events =
            [
                new ExpectedFrame { EventType = "Battles", SubEventType = "Armed clash", Actor1 = "Islamic State", Actor2 = "Military Forces of Syria", Location = "Palmyra|Tadmor", Fatalities = 12 },
                new ExpectedFrame { EventType = "Explosions/Remote violence", SubEventType = "Air/drone strike", Actor1 = "Military Forces of Russia", Actor2 = "Military Forces of Syria", Location = "Sukhnah" },
                new ExpectedFrame { EventType = "Explosions/Remote violence", SubEventType = "Suicide bomb", Actor1 = "Islamic State", Actor2 = "Military Forces of Syria", Location = "Homs", Fatalities = 4 },
            ],
        };
        // Listed in the wrong order, a diacritic spelling, one wrong toll, one expected event missing.
        var row = FrameCorpus.Compare(passage,
            [Predicted("Air/drone strike", "Military Forces of Russia", "Sukhnah", 3), Predicted("Armed clash", "Islamic State", "Tadmor", null)]);
        Assert.Equal("fatalities", Assert.Single(row.Pairs[0].Wrong));
        Assert.Equal("fatalities", Assert.Single(row.Pairs[1].Wrong));
        Assert.Null(row.Pairs[2].Predicted);
        var scores = FrameCorpus.Score([row]);
        Assert.Equal(new FieldScore(0, 1), scores["event_count"]);
        Assert.Equal(new FieldScore(2, 3), scores["actor1"]);
        Assert.Equal(new FieldScore(0, 3), scores["fatalities"]);
        Assert.Equal(new FieldScore(0, 0), scores["non_event"]);
    }

    [Fact]
    public void Location_names_match_across_case_diacritics_and_listed_alternatives()
    {
        var passage = new FramePassage
        {
            Id = "t", Register = "wire", Published = "2019-01-01", Text = "",
            Events = [new ExpectedFrame { EventType = "Battles", SubEventType = "Armed clash", Actor1 = "Islamic State", Actor2 = "Military Forces of Syria", Location = "Samarra|Samarrah" }],
        };
        Assert.DoesNotContain("location", FrameCorpus.Compare(passage, [Predicted("Armed clash", "Islamic State", "Sāmarrā’", null)]).Pairs[0].Wrong);
        Assert.Contains("location", FrameCorpus.Compare(passage, [Predicted("Armed clash", "Islamic State", "Samawa", null)]).Pairs[0].Wrong);
        Assert.Contains("location", FrameCorpus.Compare(passage, [Predicted("Armed clash", "Islamic State", null, null)]).Pairs[0].Wrong);
    }
}
