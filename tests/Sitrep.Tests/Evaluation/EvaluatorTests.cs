using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Evaluation;
using Sitrep.Events;
using static Sitrep.Tests.Evaluation.EvalScratch;

namespace Sitrep.Tests.Evaluation;

public class EvaluatorTests
{
    private const string Doc = "a.txt";
    private const string Title = "Army Repels ISIS Attack Near Palmyra";
    private const string P1 = "ISIS fighters attacked army posts near Palmyra on Wednesday, and the army repelled them.";
    private const string P2 = "Russian jets then struck ISIS positions east of Palmyra, killing 12 militants.";
    private const string P3 = "Local sources said ISIS shelled the village of Arak, killing two soldiers.";
    private const string P4 = "The outlet says the US base at Al-Tanf shelters the militants.";
    private const string Comment = "Leave a Reply: great article!";
    private static readonly string Text = $"{Title}\n\n{P1}\n\n{P2}\n\n{P3}\n\n{P4}\n\n{Comment}";
    private static readonly TextSpan[] Body = [Find(Text, P1), Find(Text, P2), Find(Text, P3), Find(Text, P4)];

    private static ConflictEvent[] GoldEvents() =>
    [
        Event(Doc, "G1", "Armed clash", Find(Text, P1)),
        Event(Doc, "G2", "Air/drone strike", Find(Text, P2), actor1: "Military Forces of Russia", actor2: "Islamic State", best: 12, eventType: "Explosions/Remote violence"),
        Event(Doc, "G3", "Shelling/artillery/missile attack", Find(Text, P3), lat: 34.68, lon: 38.56, best: 2, eventType: "Explosions/Remote violence"),
        Event(Doc, "G4", "Government regains territory", Find(Text, "the army repelled them"), actor1: "Military Forces of Syria", actor2: "Islamic State", eventType: "Strategic developments"),
    ];

    private static Claim[] GoldClaims() => [ClaimOf(Doc, "C1", Find(Text, P4))];

    private static PredictedDocument PredDoc(TextSpan[]? body = null, string? text = null) =>
        new() { Id = Doc, Title = Title, Text = text ?? Text, Body = [.. body ?? Body], Comments = [Find(Text, Comment)] };

    private static ConflictEvent AsPrediction(ConflictEvent e, string id) => e with { Id = id };

    [Fact]
    public void PerfectPredictionScoresOneEverywhere()
    {
        using var s = new EvalScratch();
        s.WriteGold(Doc, Title, Body, GoldEvents(), GoldClaims());
        s.WritePredictions([PredDoc()], GoldEvents().Select((e, i) => AsPrediction(e, $"p{i}")), GoldClaims());

        var r = s.Evaluate();

        Assert.Equal((1.0, 1.0, 1.0), (r.Events.Precision, r.Events.Recall, r.Events.F1));
        Assert.Equal((1.0, 1.0, 1.0), (r.Claims.Precision, r.Claims.Recall, r.Claims.F1));
        Assert.Equal((1.0, 1.0, 1.0), (r.Body.Precision, r.Body.Recall, r.Body.F1));
        Assert.All(r.Fields.Where(f => f.Total > 0), f => Assert.Equal(1.0, f.Accuracy));
        Assert.Equal(4, r.Field(Evaluator.Fields.EventType).Total);
        Assert.Equal(2, r.Field(Evaluator.Fields.FatalitiesNumber).Total);
        Assert.Equal(0, r.EvidenceOutsideGoldBody);
        Assert.Equal(5, r.EvidenceSpansChecked);
        Assert.Empty(r.Notes);
        Assert.Equal(1.0, Assert.Single(r.PerDocument).Events.F1);
    }

    [Fact]
    public void MissingEventLowersRecallExactly()
    {
        using var s = new EvalScratch();
        s.WriteGold(Doc, Title, Body, GoldEvents(), GoldClaims());
        s.WritePredictions([PredDoc()], GoldEvents().Take(3).Select((e, i) => AsPrediction(e, $"p{i}")), GoldClaims());

        var r = s.Evaluate();

        Assert.Equal(new PrfScore(4, 3, 3), r.Events);
        Assert.Equal(1.0, r.Events.Precision);
        Assert.Equal(0.75, r.Events.Recall);
        Assert.Equal(2 * 0.75 / 1.75, r.Events.F1, 12);
    }

    [Fact]
    public void ExtraEventLowersPrecisionExactly()
    {
        using var s = new EvalScratch();
        s.WriteGold(Doc, Title, Body.ToArray(), GoldEvents().Take(3).ToArray(), GoldClaims());
        var extra = Event(Doc, "p-extra", "Armed clash", Find(Text, "killing 12 militants"));
        s.WritePredictions([PredDoc()], [.. GoldEvents().Take(3).Select((e, i) => AsPrediction(e, $"p{i}")), extra], GoldClaims());

        var r = s.Evaluate();

        Assert.Equal(new PrfScore(3, 4, 3), r.Events);
        Assert.Equal(0.75, r.Events.Precision);
        Assert.Equal(1.0, r.Events.Recall);
        Assert.DoesNotContain(r.EventPairs, p => p.PredictedId == "p-extra");
    }

    [Fact]
    public void AssignmentLetsSubTypeDecideWhenGoldEventsShareAParagraph()
    {
        using var s = new EvalScratch();
        var para = Find(Text, P1);
        ConflictEvent[] gold =
        [
            Event(Doc, "G-clash", "Armed clash", para),
            Event(Doc, "G-regain", "Government regains territory", para, eventType: "Strategic developments"),
        ];
        s.WriteGold(Doc, Title, Body, gold);
        // Listed in the opposite order, so first-come matching would pair them wrongly.
        s.WritePredictions([PredDoc()],
        [
            Event(Doc, "p-regain", "Government regains territory", para, eventType: "Strategic developments"),
            Event(Doc, "p-clash", "Armed clash", para),
        ]);

        var r = s.Evaluate();

        var pairs = r.EventPairs.ToDictionary(p => p.GoldId, p => p.PredictedId);
        Assert.Equal("p-clash", pairs["G-clash"]);
        Assert.Equal("p-regain", pairs["G-regain"]);
        Assert.Equal(new FieldAccuracy(Evaluator.Fields.SubEventType, 2, 2), r.Field(Evaluator.Fields.SubEventType));
    }

    [Fact]
    public void PredictionsMatchOnlyOverlappingEvidenceAndOneToOne()
    {
        using var s = new EvalScratch();
        s.WriteGold(Doc, Title, Body, [Event(Doc, "G1", "Armed clash", Find(Text, P1))]);
        s.WritePredictions([PredDoc()],
        [
            Event(Doc, "p-elsewhere", "Armed clash", Find(Text, P2)),
            Event(Doc, "p-same1", "Armed clash", Find(Text, P1)),
            Event(Doc, "p-same2", "Armed clash", Find(Text, P1)),
        ]);

        var r = s.Evaluate();

        Assert.Equal(new PrfScore(1, 3, 1), r.Events);
        Assert.NotEqual("p-elsewhere", Assert.Single(r.EventPairs).PredictedId);
    }

    [Theory]
    [InlineData(20.0, true)]
    [InlineData(24.0, true)]
    [InlineData(40.0, false)]
    [InlineData(100.0, false)]
    public void LocationCountsCorrectWithin25Km(double kmNorth, bool correct)
    {
        using var s = new EvalScratch();
        var gold = Event(Doc, "G1", "Armed clash", Find(Text, P1), lat: 34.56, lon: 38.27);
        s.WriteGold(Doc, Title, Body, [gold]);
        var shiftedLat = 34.56 + kmNorth / 6371.0088 * 180 / Math.PI;
        s.WritePredictions([PredDoc()], [Event(Doc, "p1", "Armed clash", Find(Text, P1), lat: shiftedLat, lon: 38.27)]);

        var r = s.Evaluate();

        Assert.Equal(kmNorth, Evaluator.HaversineKm(34.56, 38.27, shiftedLat, 38.27), 6);
        Assert.Equal(new FieldAccuracy(Evaluator.Fields.Location, correct ? 1 : 0, 1), r.Field(Evaluator.Fields.Location));
    }

    [Fact]
    public void MissingPredictedCoordinatesAreWrongWhenGoldHasThem()
    {
        using var s = new EvalScratch();
        s.WriteGold(Doc, Title, Body, [Event(Doc, "G1", "Armed clash", Find(Text, P1))]);
        s.WritePredictions([PredDoc()], [Event(Doc, "p1", "Armed clash", Find(Text, P1)) with { Location = null }]);

        var r = s.Evaluate();

        Assert.Equal(new FieldAccuracy(Evaluator.Fields.Location, 0, 1), r.Field(Evaluator.Fields.Location));
        Assert.Equal(new FieldAccuracy(Evaluator.Fields.GeoPrecision, 0, 1), r.Field(Evaluator.Fields.GeoPrecision));
    }

    [Fact]
    public void FieldAccuracyCountsEachFieldOnMatchedEvents()
    {
        using var s = new EvalScratch();
        s.WriteGold(Doc, Title, Body, GoldEvents());
        var pred = GoldEvents().Select((e, i) => AsPrediction(e, $"p{i}")).ToArray();
        pred[1] = pred[1] with { Fatalities = new Fatalities(10, 10, null, null, null), Hedged = true };  // G2 gold best 12
        pred[2] = pred[2] with { Fatalities = Fatalities.None, AssocActor1 = ["Hezbollah"] };            // G3 gold best 2
        pred[3] = pred[3] with { Attribution = EventAttribution.OutletItself, Date = EventDate.Unknown };
        s.WritePredictions([PredDoc()], pred);

        var r = s.Evaluate();

        Assert.Equal(new FieldAccuracy(Evaluator.Fields.FatalitiesNumber, 0, 2), r.Field(Evaluator.Fields.FatalitiesNumber));
        Assert.Equal(new FieldAccuracy(Evaluator.Fields.FatalitiesBest, 2, 4), r.Field(Evaluator.Fields.FatalitiesBest));
        Assert.Equal(new FieldAccuracy(Evaluator.Fields.Hedged, 3, 4), r.Field(Evaluator.Fields.Hedged));
        Assert.Equal(new FieldAccuracy(Evaluator.Fields.AssocActors, 3, 4), r.Field(Evaluator.Fields.AssocActors));
        Assert.Equal(new FieldAccuracy(Evaluator.Fields.SourceKind, 3, 4), r.Field(Evaluator.Fields.SourceKind));
        Assert.Equal(new FieldAccuracy(Evaluator.Fields.DatePrecision, 3, 4), r.Field(Evaluator.Fields.DatePrecision));
        Assert.Equal(new FieldAccuracy(Evaluator.Fields.DateValue, 0, 0), r.Field(Evaluator.Fields.DateValue));
        Assert.Equal(new FieldAccuracy(Evaluator.Fields.EventType, 4, 4), r.Field(Evaluator.Fields.EventType));
    }

    [Fact]
    public void BodyCharacterScoresMatchHandComputedSpans()
    {
        using var s = new EvalScratch();
        // Gold body: [40,60) and [100,130) = 50 chars. Predicted: [50,110) and [125,140) = 75 chars.
        // Shared: [50,60) + [100,110) + [125,130) = 25 chars. P = 25/75, R = 25/50, F1 = 0.4.
        s.WriteGold(Doc, Title, [new(40, 60), new(100, 130)], []);
        s.WritePredictions([PredDoc(body: [new(50, 110), new(125, 140)])], []);

        var r = s.Evaluate();

        Assert.Equal(new PrfScore(50, 75, 25), r.Body);
        Assert.Equal(1.0 / 3, r.Body.Precision, 12);
        Assert.Equal(0.5, r.Body.Recall, 12);
        Assert.Equal(0.4, r.Body.F1, 12);
    }

    [Fact]
    public void OverlappingPredictedBodySpansAreNotCountedTwice()
    {
        using var s = new EvalScratch();
        s.WriteGold(Doc, Title, [new(40, 60)], []);
        s.WritePredictions([PredDoc(body: [new(40, 55), new(50, 60)])], []);

        Assert.Equal(new PrfScore(20, 20, 20), s.Evaluate().Body);
    }

    [Fact]
    public void GoldCodePointOffsetsAreConvertedToUtf16WhenAnEmojiPrecedesTheSpan()
    {
        const string title = "Army Repels Attack 🔥 Near Palmyra";
        var text = $"{title}\n\n{P1}\n\n{P2}";
        Assert.Equal(title.Length - 1, title.EnumerateRunes().Count()); // one astral character
        var utf16P1 = Find(text, P1);
        var utf16P2 = Find(text, P2);
        var cp = (TextSpan u) => new TextSpan(u.Start - 1, u.End - 1);

        using var s = new EvalScratch();
        s.WriteGold(Doc, title, [cp(utf16P1), cp(utf16P2)],
            [Event(Doc, "G1", "Armed clash", cp(utf16P1)), Event(Doc, "G2", "Air/drone strike", cp(Find(text, "killing 12 militants")))]);
        s.WritePredictions(
            [new PredictedDocument { Id = Doc, Text = text, Body = [utf16P1, utf16P2] }],
            [Event(Doc, "p1", "Armed clash", utf16P1), Event(Doc, "p2", "Air/drone strike", Find(text, "killing 12 militants"))]);

        var r = s.Evaluate();

        Assert.Equal(new PrfScore(utf16P1.Length + utf16P2.Length, utf16P1.Length + utf16P2.Length, utf16P1.Length + utf16P2.Length), r.Body);
        Assert.Equal(new PrfScore(2, 2, 2), r.Events);
        Assert.All(r.EventPairs, p => Assert.Equal(3.0, p.Score, 12)); // Jaccard 1 + all agreement bonuses
        Assert.Equal(0, r.EvidenceOutsideGoldBody);
    }

    [Theory]
    [InlineData("plain text", 4, 4)]
    [InlineData("a😀b", 2, 3)]
    [InlineData("a😀b", 3, 4)]
    [InlineData("😀😀x", 2, 4)]
    [InlineData("😀😀x", 3, 5)]
    [InlineData("😀😀x", 99, 5)]
    public void CodePointOffsetsMapToUtf16Indices(string text, int codePoint, int utf16)
    {
        Assert.Equal(utf16, new CodePointOffsets(text).ToUtf16(codePoint));
    }

    [Fact]
    public void EvidenceOutsideGoldBodyIsCounted()
    {
        using var s = new EvalScratch();
        s.WriteGold(Doc, Title, Body, [], []);
        var acrossParagraphs = new TextSpan(Find(Text, P1).Start, Find(Text, P2).End); // only whitespace between
        s.WritePredictions([PredDoc()],
        [
            Event(Doc, "in-body", "Armed clash", Find(Text, P1)),
            Event(Doc, "in-title", "Armed clash", Find(Text, "Repels ISIS Attack")),
            Event(Doc, "across", "Armed clash", acrossParagraphs),
            Event(Doc, "title-into-body", "Armed clash", new TextSpan(Find(Text, "Palmyra").Start, Find(Text, P1).Start + 10)),
        ],
        [ClaimOf(Doc, "in-comment", Find(Text, "great article"))]);

        var r = s.Evaluate();

        Assert.Equal(3, r.EvidenceOutsideGoldBody);
        Assert.Equal(5, r.EvidenceSpansChecked);
        Assert.Contains("evidence outside gold body: 3", r.ToText());
    }

    [Fact]
    public void EmptyPredictionFolderScoresZeroWithANote()
    {
        using var s = new EvalScratch();
        s.WriteGold(Doc, Title, Body, GoldEvents(), GoldClaims());

        var r = s.Evaluate();

        Assert.Equal(new PrfScore(4, 0, 0), r.Events);
        Assert.Equal((0.0, 0.0, 0.0), (r.Events.Precision, r.Events.Recall, r.Events.F1));
        Assert.Equal(0.0, r.Claims.F1);
        Assert.Equal(0.0, r.Body.F1);
        Assert.Contains(r.Notes, n => n.Contains("events.jsonl missing", StringComparison.Ordinal));
        Assert.Contains(r.Notes, n => n.Contains("no predictions at all", StringComparison.Ordinal));
        Assert.Contains("no predictions at all", r.ToText());
    }

    [Fact]
    public void NonexistentPredictionFolderIsNotACrash()
    {
        using var s = new EvalScratch();
        s.WriteGold(Doc, Title, Body, GoldEvents());

        var r = Evaluator.Evaluate(GoldSet.Load(s.GoldDir), PredictionSet.Load(Path.Combine(s.Root, "nowhere")));

        Assert.Equal(0.0, r.Events.F1);
        Assert.Contains(r.Notes, n => n.StartsWith("prediction folder not found", StringComparison.Ordinal));
    }

    [Fact]
    public void MalformedLinesAreCountedAndTheRestIsScored()
    {
        using var s = new EvalScratch();
        s.WriteGold(Doc, Title, Body, GoldEvents().Take(1).ToArray());
        s.WritePredictions([PredDoc()], []);
        s.WriteLines(PredictionSet.EventsFile,
        [
            JsonSerializer.Serialize(AsPrediction(GoldEvents()[0], "p1")),
            "{not json",
            "{\"id\":\"no-doc-or-type\"}",
            "",
            "[1,2,3]",
        ]);

        var r = s.Evaluate();

        Assert.Equal(new PrfScore(1, 1, 1), r.Events);
        Assert.Equal(3, r.MalformedLines[PredictionSet.EventsFile]);
        Assert.Contains("events.jsonl: 3 malformed line(s) skipped", r.ToText());
    }

    [Fact]
    public void TextThatIsNotTheGoldDocumentIsFlagged()
    {
        using var s = new EvalScratch();
        s.WriteGold(Doc, Title, Body, GoldEvents());
        s.WritePredictions([PredDoc(text: "Something else entirely.")], []);

        var r = s.Evaluate();

        Assert.Contains(r.Notes, n => n.Contains("gold title not found", StringComparison.Ordinal));
        Assert.Contains(r.Notes, n => n.Contains("may not be the gold document", StringComparison.Ordinal) && n.Contains("code points", StringComparison.Ordinal));
    }

    [Fact]
    public void PredictionsForDocumentsWithoutGoldAreNotScored()
    {
        using var s = new EvalScratch();
        s.WriteGold(Doc, Title, Body, GoldEvents().Take(1).ToArray());
        s.WritePredictions([PredDoc()],
            [AsPrediction(GoldEvents()[0], "p1"), Event("other.txt", "x1", "Armed clash", new TextSpan(0, 10))]);

        var r = s.Evaluate();

        Assert.Equal(new PrfScore(1, 1, 1), r.Events);
        Assert.Contains(r.Notes, n => n.StartsWith("1 predicted document(s) have no gold file", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportRendersTextAndJson()
    {
        using var s = new EvalScratch();
        s.WriteGold(Doc, Title, Body, GoldEvents(), GoldClaims());
        s.WritePredictions([PredDoc()], GoldEvents().Take(3).Select((e, i) => AsPrediction(e, $"p{i}")), GoldClaims());

        var r = s.Evaluate();
        var text = r.ToText();
        using var json = JsonDocument.Parse(r.ToJson());

        Assert.Contains("match: evidence overlap, one-to-one", text);
        Assert.Contains(Evaluator.Fields.FatalitiesNumber, text);
        Assert.Contains(Doc, text);
        Assert.Equal(0.75, json.RootElement.GetProperty("events").GetProperty("recall").GetDouble());
        Assert.Equal(3, json.RootElement.GetProperty("event_pairs").GetArrayLength());
        Assert.Equal(Evaluator.Fields.All.Length, json.RootElement.GetProperty("fields").GetArrayLength());
    }
}
