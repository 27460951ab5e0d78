using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Events;

namespace Sitrep.Fusion;

/// <summary>Derives the fused fields, the independent-source count and the corroboration label of a cluster.</summary>
public static class FusedEventBuilder
{
    /// <summary>Two tolls disagree when they differ by more than this share of the larger (and by more than 2).</summary>
    public const double TollTolerance = 0.25;

    public static FusedEvent Build(EventCluster cluster)
    {
        var reports = cluster.Reports;
        var events = reports.Select(r => r.Event).ToList();

        // Place: the best precision; among equals the one most reports name.
        var location = events.Where(e => e.Location is not null).Select(e => e.Location!)
            .GroupBy(l => (l.Name, l.GeoPrecision))
            .OrderBy(g => g.Key.GeoPrecision).ThenByDescending(g => g.Count()).ThenBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => g.First()).FirstOrDefault();

        // Date: the most precise; a range when day values differ.
        static int Rank(string p) => p switch { "day" => 0, "week" => 1, "month" => 2, _ => 3 };
        var date = events.Select(e => e.Date).Where(d => d.Value is not null)
            .OrderBy(d => Rank(d.Precision)).ThenBy(d => d.Value, StringComparer.Ordinal).FirstOrDefault() ?? EventDate.Unknown;
        var days = events.Select(e => e.Date).Where(d => d.Precision == "day" && d.Value is { Length: 10 }).Select(d => d.Value!).Distinct().Order(StringComparer.Ordinal).ToList();
        var range = days.Count > 1 ? new DateRange(days[0], days[^1]) : null;

        // Actors: the most reported pair (order-free), the rest as associated actors.
        var pair = events.Where(e => FusionRules.IsKnownActor(e.Actor1) || FusionRules.IsKnownActor(e.Actor2))
            .GroupBy(e => PairKey(e.Actor1, e.Actor2))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.First()).FirstOrDefault() ?? events[0];
        var assoc1 = events.SelectMany(e => e.AssocActor1).Where(a => a != pair.Actor1 && a != pair.Actor2).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        var assoc2 = events.SelectMany(e => e.AssocActor2).Where(a => a != pair.Actor1 && a != pair.Actor2).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();

        // Fatalities: the most conservative figure of the unhedged reports, low/high across every report.
        var tolls = events.Where(e => e.Fatalities.Best is not null).ToList();
        var credible = tolls.Where(e => !e.Hedged).ToList();
        if (credible.Count == 0) credible = tolls;
        Fatalities fatalities = Fatalities.None;
        if (tolls.Count > 0)
        {
            var best = credible.MinBy(e => e.Fatalities.Best!.Value)!;
            var low = tolls.Min(e => Math.Min(e.Fatalities.Low ?? int.MaxValue, e.Fatalities.Best!.Value));
            var high = tolls.Max(e => Math.Max(e.Fatalities.High ?? 0, e.Fatalities.Best!.Value));
            fatalities = new Fatalities(best.Fatalities.Best, low, high, best.Fatalities.Text, best.Fatalities.Who);
        }

        var (independent, copyOf) = IndependentSources(reports);
        var contested = Disagreements(reports);
        var voices = reports.GroupBy(r => r.Voice.Ownership).Select(g => g.First().Voice).ToList();
        var alignments = voices.Select(v => v.Alignment).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        var sides = voices.Select(v => v.Side).Distinct().ToList();
        var oneSide = sides.Count == 1 && sides[0] is not null;

        string label;
        if (contested.Length > 0 && independent >= 2) label = CorroborationLabels.Contested;
        else if (oneSide) label = CorroborationLabels.OneSideOnly;
        else label = independent >= 2 ? CorroborationLabels.Corroborated : CorroborationLabels.SingleSource;

        // Weight: the first voice of each alignment counts 1, further voices of a seen alignment 0.5; capped by the independent count.
        var weight = 0.0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in voices) weight += seen.Add(v.Alignment) ? 1 : 0.5;
        weight = Math.Min(weight, independent + 0.5 * Math.Max(0, alignments.Length - 1));
        var score = 1 - Math.Pow(0.5, weight);
        if (label == CorroborationLabels.Contested) score *= 0.6;
        if (label == CorroborationLabels.OneSideOnly) score *= 0.7;

        var fused = new FusedEvent
        {
            Id = "fused-" + cluster.Id.ToString(CultureInfo.InvariantCulture),
            EventType = pair.EventType,
            SubEventType = events.GroupBy(e => e.SubEventType).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key,
            Actor1 = pair.Actor1,
            Actor2 = pair.Actor2,
            AssocActor1 = assoc1,
            AssocActor2 = assoc2,
            Location = location,
            Date = date,
            DateRange = range,
            Fatalities = fatalities,
            Hedged = events.All(e => e.Hedged),
            Reports = [.. reports.Select(r => new FusedReport
            {
                Doc = r.Document.DocumentId,
                Outlet = r.Document.Outlet ?? r.Document.Publisher.Name,
                EventId = r.Event.Id,
                Evidence = r.Event.Evidence.IsDefault ? [] : r.Event.Evidence,
                Publisher = r.Document.Publisher.Key,
                Voice = r.Voice.Key,
                VoiceType = r.Voice.Type,
                Alignment = r.Voice.Alignment,
                CopyOf = copyOf.GetValueOrDefault(r.Document.DocumentId),
                Actor1 = r.Event.Actor1,
                Actor2 = r.Event.Actor2,
                Location = r.Event.Location?.Name,
                Date = r.Event.Date.Value,
                Fatalities = r.Event.Fatalities.Best,
                SourceText = r.Event.Attribution.SourceText,
            })],
            IndependentSources = independent,
            Corroboration = label,
            CorroborationScore = Math.Round(score, 2),
            ContestedOn = contested,
            Alignments = alignments,
        };
        return fused with { Notes = Notes(fused) };
    }

    /// <summary>
    /// Documents joined when one copies the other's text (SHA-256 or MinHash) or when their voices share an owner;
    /// the number of groups is the number of independent sources. Also says which document each copy repeats.
    /// </summary>
    public static (int Count, Dictionary<string, string> CopyOf) IndependentSources(IReadOnlyList<EventReport> reports)
    {
        var docs = reports.GroupBy(r => r.Document.DocumentId, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var parent = Enumerable.Range(0, docs.Count).ToArray();
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        void Union(int a, int b) { a = Find(a); b = Find(b); if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b); }

        var copyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < docs.Count; i++)
        {
            if (owners.TryGetValue(docs[i].Voice.Ownership, out var j)) Union(i, j);
            else owners[docs[i].Voice.Ownership] = i;
            // The publisher's owner too: two pages of one group are one source whatever they cite.
            if (owners.TryGetValue("publisher:" + docs[i].Document.Publisher.Ownership, out var k)) Union(i, k);
            else owners["publisher:" + docs[i].Document.Publisher.Ownership] = i;
            for (var k2 = 0; k2 < i; k2++)
            {
                if (docs[i].Document.Fingerprint is { } fi && docs[k2].Document.Fingerprint is { } fk && fi.IsCopyOf(fk))
                {
                    Union(i, k2);
                    copyOf.TryAdd(docs[i].Document.DocumentId, docs[k2].Document.DocumentId);
                }
            }
        }
        var roots = new HashSet<int>();
        for (var i = 0; i < docs.Count; i++) roots.Add(Find(i));
        return (roots.Count, copyOf);
    }

    /// <summary>What independent voices disagree on: the toll beyond the tolerance, the perpetrator, a precise place.</summary>
    public static ImmutableArray<string> Disagreements(IReadOnlyList<EventReport> reports)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        bool toll = false, perpetrator = false, place = false;
        for (var i = 0; i < reports.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var a = reports[i]; var b = reports[j];
                if (a.Voice.Ownership == b.Voice.Ownership || a.Document.DocumentId == b.Document.DocumentId) continue;
                if (a.Event.Fatalities.Best is { } fa && b.Event.Fatalities.Best is { } fb)
                {
                    var diff = Math.Abs(fa - fb);
                    if (diff > 2 && diff > TollTolerance * Math.Max(fa, fb)) toll = true;
                }
                var pa = FusionRules.KnownActors(a.Event).Where(x => !FusionRules.IsCivilian(x)).ToArray();
                var pb = FusionRules.KnownActors(b.Event).Where(x => !FusionRules.IsCivilian(x)).ToArray();
                if (pa.Length > 0 && pb.Length > 0 && !pa.Intersect(pb).Any()) perpetrator = true;
                if (a.Event.Location is { GeoPrecision: 1, Lat: { } la, Lon: { } loa } && b.Event.Location is { GeoPrecision: 1, Lat: { } lb, Lon: { } lob }
                    && FusionRules.Kilometres(la, loa, lb, lob) > 5) place = true;
            }
        }
        if (toll) result.Add("fatalities");
        if (perpetrator) result.Add("perpetrator");
        if (place) result.Add("place");
        return result.ToImmutable();
    }

    private static string PairKey(string? a, string? b) =>
        string.CompareOrdinal(a ?? "", b ?? "") <= 0 ? (a ?? "") + "|" + (b ?? "") : (b ?? "") + "|" + (a ?? "");

    private static string Notes(FusedEvent f)
    {
        var what = f.SubEventType + (f.Actor1 is null ? "" : " by " + f.Actor1) + (f.Actor2 is null ? "" : " against " + f.Actor2);
        var where = f.Location is null ? "" : " near " + f.Location.Name;
        var when = f.DateRange is { } r ? $" between {r.From} and {r.To}" : f.Date.Value is { } v ? " on " + v : "";
        var toll = f.Fatalities.Best is { } best
            ? f.Fatalities.Low != f.Fatalities.High ? $"; {best} fatalities ({f.Fatalities.Low}-{f.Fatalities.High} across reports)" : $"; {best} fatalities"
            : "";
        var contested = f.ContestedOn.Length > 0 ? " Sources disagree on " + string.Join(", ", f.ContestedOn) + "." : "";
        return $"{what}{where}{when}{toll}. {f.Reports.Length} reports, {f.IndependentSources} independent source(s): {f.Corroboration}.{contested}";
    }
}
