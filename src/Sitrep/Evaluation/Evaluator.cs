using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Events;

namespace Sitrep.Evaluation;

/// <summary>
/// Scores predictions against gold: events and claims (one-to-one on evidence overlap), event
/// fields on matched pairs, body characters, and predicted evidence outside the gold body.
/// </summary>
public static class Evaluator
{
    public const string MatchMethod =
        "evidence overlap, one-to-one, most pairs then optimal on evidence Jaccard + type/place/actor agreement (Hungarian)";

    /// <summary>Two locations closer than this count as the same place.</summary>
    public const double LocationToleranceKm = 25;

    // Pair score = evidence Jaccard (0..1) + these agreement bonuses.
    private const double SubTypeBonus = 1.0;
    private const double LocationBonus = 0.5;
    private const double Actor1Bonus = 0.5;

    public static class Fields
    {
        public const string EventType = "event_type";
        public const string SubEventType = "sub_event_type";
        public const string Actor1 = "actor1";
        public const string Actor2 = "actor2";
        public const string AssocActors = "assoc actors (sets)";
        public const string Location = "location within 25 km";
        public const string GeoPrecision = "geo_precision";
        public const string FatalitiesNumber = "fatalities (gold has number)";
        public const string FatalitiesBest = "fatalities best (incl. null)";
        public const string DateValue = "date value (gold has value)";
        public const string DatePrecision = "date precision";
        public const string Hedged = "hedged";
        public const string SourceKind = "attribution source_kind";

        public static readonly ImmutableArray<string> All =
        [
            EventType, SubEventType, Actor1, Actor2, AssocActors, Location, GeoPrecision,
            FatalitiesNumber, FatalitiesBest, DateValue, DatePrecision, Hedged, SourceKind,
        ];
    }

    public static EvalReport Evaluate(GoldSet gold, PredictionSet pred)
    {
        var notes = new List<string>(gold.Problems);
        notes.AddRange(pred.Notes);
        var eventsByDoc = pred.Events.ToLookup(e => e.DocumentId, StringComparer.Ordinal);
        var claimsByDoc = pred.Claims.ToLookup(c => c.DocumentId, StringComparer.Ordinal);
        var fieldCounts = Fields.All.ToDictionary(f => f, _ => (Correct: 0, Total: 0));
        var perDoc = ImmutableArray.CreateBuilder<DocumentScore>();
        var eventPairs = ImmutableArray.CreateBuilder<MatchedPair>();
        var claimPairs = ImmutableArray.CreateBuilder<MatchedPair>();
        PrfScore events = PrfScore.Zero, claims = PrfScore.Zero, body = PrfScore.Zero;
        int outsideTotal = 0, evidenceChecked = 0;

        foreach (var g in gold.Documents)
        {
            pred.Documents.TryGetValue(g.Id, out var pdoc);
            var text = pdoc?.Text;
            var convert = OffsetConversion(g, text, notes);
            var predEvents = eventsByDoc[g.Id].ToList();
            var predClaims = claimsByDoc[g.Id].ToList();
            if (pdoc is null && predEvents.Count == 0 && predClaims.Count == 0)
                notes.Add($"{g.Id}: no predictions for this gold document");

            var goldEvents = g.Events.Select(e => (Event: e, Evidence: SpanSet.Of(e.Evidence.Select(convert)))).ToList();
            var goldClaims = g.Claims.Select(c => (Claim: c, Evidence: SpanSet.Of(c.Evidence.Select(convert)))).ToList();
            var goldBody = SpanSet.Of(g.Body.Select(convert));

            // Events
            var predEventEvidence = predEvents.Select(e => SpanSet.Of(e.Evidence)).ToList();
            var eventScores = new double?[goldEvents.Count, predEvents.Count];
            for (var i = 0; i < goldEvents.Count; i++)
                for (var j = 0; j < predEvents.Count; j++)
                    if (goldEvents[i].Evidence.Overlaps(predEventEvidence[j]))
                        eventScores[i, j] = goldEvents[i].Evidence.Jaccard(predEventEvidence[j])
                                            + Agreement(goldEvents[i].Event, predEvents[j]);
            var eventMatches = OptimalAssignment.Maximise(eventScores);
            foreach (var (i, j) in eventMatches)
            {
                eventPairs.Add(new MatchedPair(g.Id, goldEvents[i].Event.Id, predEvents[j].Id, eventScores[i, j]!.Value));
                ScoreFields(goldEvents[i].Event, predEvents[j], fieldCounts);
            }
            var docEvents = new PrfScore(goldEvents.Count, predEvents.Count, eventMatches.Count);

            // Claims
            var predClaimEvidence = predClaims.Select(c => SpanSet.Of(c.Evidence)).ToList();
            var claimScores = new double?[goldClaims.Count, predClaims.Count];
            for (var i = 0; i < goldClaims.Count; i++)
                for (var j = 0; j < predClaims.Count; j++)
                    if (goldClaims[i].Evidence.Overlaps(predClaimEvidence[j]))
                        claimScores[i, j] = goldClaims[i].Evidence.Jaccard(predClaimEvidence[j]);
            var claimMatches = OptimalAssignment.Maximise(claimScores);
            foreach (var (i, j) in claimMatches)
                claimPairs.Add(new MatchedPair(g.Id, goldClaims[i].Claim.Id, predClaims[j].Id, claimScores[i, j]!.Value));
            var docClaims = new PrfScore(goldClaims.Count, predClaims.Count, claimMatches.Count);

            // Body characters
            var predBody = SpanSet.Of(pdoc?.Body ?? []);
            var docBody = new PrfScore(goldBody.Length, predBody.Length, goldBody.IntersectionLength(predBody));

            // Predicted evidence outside the gold body
            var outside = 0;
            foreach (var span in predEvents.SelectMany(e => e.Evidence).Concat(predClaims.SelectMany(c => c.Evidence)))
            {
                evidenceChecked++;
                if (LiesOutside(goldBody, span, text)) outside++;
            }
            outsideTotal += outside;

            events = events.Add(docEvents);
            claims = claims.Add(docClaims);
            body = body.Add(docBody);
            perDoc.Add(new DocumentScore(g.Id, docEvents, docClaims, docBody, outside));
        }

        var goldIds = gold.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var unscoredDocs = pred.Documents.Keys.Concat(pred.Events.Select(e => e.DocumentId)).Concat(pred.Claims.Select(c => c.DocumentId))
            .Where(id => !goldIds.Contains(id)).Distinct(StringComparer.Ordinal).Count();
        if (unscoredDocs > 0)
            notes.Add($"{unscoredDocs} predicted document(s) have no gold file and were not scored " +
                      $"({pred.Events.Count(e => !goldIds.Contains(e.DocumentId))} events, {pred.Claims.Count(c => !goldIds.Contains(c.DocumentId))} claims)");
        if (pred.Documents.Count == 0 && pred.Events.IsEmpty && pred.Claims.IsEmpty)
            notes.Add("no predictions at all: every score is zero");

        return new EvalReport
        {
            MatchMethod = MatchMethod,
            GoldDocuments = gold.Documents.Length,
            PredictedDocuments = pred.Documents.Count,
            Events = events,
            Claims = claims,
            Body = body,
            EvidenceOutsideGoldBody = outsideTotal,
            EvidenceSpansChecked = evidenceChecked,
            Fields = [.. Fields.All.Select(f => new FieldAccuracy(f, fieldCounts[f].Correct, fieldCounts[f].Total))],
            PerDocument = perDoc.ToImmutable(),
            EventPairs = eventPairs.ToImmutable(),
            ClaimPairs = claimPairs.ToImmutable(),
            MalformedLines = pred.MalformedLines,
            Notes = [.. notes],
        };
    }

    /// <summary>Great-circle distance in kilometres.</summary>
    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0088;
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static Func<TextSpan, TextSpan> OffsetConversion(GoldDocument g, string? text, List<string> notes)
    {
        if (text is null)
        {
            notes.Add($"{g.Id}: no document text in {PredictionSet.DocumentsFile}; gold code-point offsets used as UTF-16 offsets unchanged");
            return s => s;
        }
        var offsets = new CodePointOffsets(text);
        if (g.Title.Length > 0 && !text.Contains(g.Title, StringComparison.Ordinal))
            notes.Add($"{g.Id}: gold title not found in the predicted text; it may not be the gold document");
        var maxOffset = g.Body.Concat(g.Events.SelectMany(e => e.Evidence)).Concat(g.Claims.SelectMany(c => c.Evidence))
            .Select(s => s.End).DefaultIfEmpty(0).Max();
        if (maxOffset > offsets.CodePointLength)
            notes.Add($"{g.Id}: gold offsets reach {maxOffset} but the predicted text has {offsets.CodePointLength} code points; it may not be the gold document");
        return offsets.HasAstralCharacters ? offsets.ToUtf16 : s => s;
    }

    private static bool LiesOutside(SpanSet goldBody, TextSpan span, string? text)
    {
        foreach (var part in goldBody.Outside(span))
        {
            if (text is null) return true;
            // Whitespace between two body paragraphs does not make a span leave the body.
            var start = Math.Clamp(part.Start, 0, text.Length);
            var end = Math.Clamp(part.End, start, text.Length);
            if (end - start < part.Length) return true;
            if (text.AsSpan(start, end - start).ContainsAnyExcept(Whitespace)) return true;
        }
        return false;
    }

    private static readonly System.Buffers.SearchValues<char> Whitespace =
        System.Buffers.SearchValues.Create(" \t\r\n\u00A0\u2028\u2029\u200B\u202F\u3000\uFEFF");

    private static double Agreement(ConflictEvent gold, ConflictEvent pred)
    {
        var bonus = 0.0;
        if (Same(gold.SubEventType, pred.SubEventType)) bonus += SubTypeBonus;
        if (WithinTolerance(gold.Location, pred.Location)) bonus += LocationBonus;
        if (gold.Actor1 is not null && Same(gold.Actor1, pred.Actor1)) bonus += Actor1Bonus;
        return bonus;
    }

    private static void ScoreFields(ConflictEvent gold, ConflictEvent pred, Dictionary<string, (int Correct, int Total)> counts)
    {
        void Count(string field, bool correct)
        {
            var (c, t) = counts[field];
            counts[field] = (c + (correct ? 1 : 0), t + 1);
        }

        Count(Fields.EventType, Same(gold.EventType, pred.EventType));
        Count(Fields.SubEventType, Same(gold.SubEventType, pred.SubEventType));
        Count(Fields.Actor1, Same(gold.Actor1, pred.Actor1));
        Count(Fields.Actor2, Same(gold.Actor2, pred.Actor2));
        Count(Fields.AssocActors, SameSet(gold.AssocActor1, pred.AssocActor1) && SameSet(gold.AssocActor2, pred.AssocActor2));
        if (gold.Location is { Lat: not null, Lon: not null })
            Count(Fields.Location, WithinTolerance(gold.Location, pred.Location));
        if (gold.Location is not null)
            Count(Fields.GeoPrecision, pred.Location is not null && pred.Location.GeoPrecision == gold.Location.GeoPrecision);
        if (gold.Fatalities.Best is not null)
            Count(Fields.FatalitiesNumber, pred.Fatalities.Best == gold.Fatalities.Best);
        Count(Fields.FatalitiesBest, pred.Fatalities.Best == gold.Fatalities.Best);
        if (gold.Date.Value is not null)
            Count(Fields.DateValue, Same(gold.Date.Value, pred.Date.Value));
        Count(Fields.DatePrecision, Same(gold.Date.Precision, pred.Date.Precision));
        Count(Fields.Hedged, gold.Hedged == pred.Hedged);
        Count(Fields.SourceKind, Same(gold.Attribution.SourceKind, pred.Attribution.SourceKind));
    }

    private static bool WithinTolerance(EventLocation? gold, EventLocation? pred) =>
        gold is { Lat: { } glat, Lon: { } glon } && pred is { Lat: { } plat, Lon: { } plon }
        && HaversineKm(glat, glon, plat, plon) <= LocationToleranceKm;

    private static bool Same(string? a, string? b) =>
        string.Equals(a?.Trim(), b?.Trim(), StringComparison.Ordinal);

    private static bool SameSet(ImmutableArray<string> a, ImmutableArray<string> b)
    {
        var sa = (a.IsDefault ? [] : a).Select(s => s.Trim()).ToHashSet(StringComparer.Ordinal);
        var sb = (b.IsDefault ? [] : b).Select(s => s.Trim()).ToHashSet(StringComparer.Ordinal);
        return sa.SetEquals(sb);
    }
}
