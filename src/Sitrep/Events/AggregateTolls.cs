using Sitrep.Quantities;

namespace Sitrep.Events;

/// <summary>
/// Tolls that cover several events. ACLED divides an aggregate fatality count evenly among the
/// events it covers, the remainder going one each to the first of them ("50 killed in attacks on
/// four positions" is 13/13/12/12); the aggregate phrase stays the evidence of every share.
/// An event whose own report gives a figure of its own keeps it, and only the rest is shared.
/// </summary>
internal static class AggregateTolls
{
    /// <summary>How many sentences may separate a summary from the first event it sums up, and those events from each other.</summary>
    private const int MaxSentenceGap = 2;

    /// <summary>
    /// "Over 50 were killed in clashes in Northern Aleppo. ... clashes in al-Bab ... the main clash occurred in
    /// Awlan and Sousyan": a report placed only in an area, with a toll, followed by events at named places
    /// inside that area, is their summary. It is one event with each of them: its sentences and toll join
    /// them and it is no event of its own. Runs on the frames in text order, before restatements merge
    /// (a merge would fold the summary into its first detail only).
    /// </summary>
    public static void FoldSummaries(List<Frame> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var summary = events[i];
            if (!summary.PlaceIsLocal || summary.Place is not { Admin1: not null } area || !Frame.IsArea(area) || !summary.HasCasualties) continue;
            var details = new List<Frame>();
            var last = summary.Sentence;
            for (var j = i + 1; j < events.Count; j++)
            {
                var next = events[j];
                if (next.Sentence - last > MaxSentenceGap || next.EventType != summary.EventType) break;
                if (!next.PlaceIsLocal || next.Place is null || next.HasSamePlace(summary) || next.Place.Admin1 != area.Admin1) break;
                details.Add(next);
                last = next.Sentence;
            }
            // several named places; or one, told in the very next sentence as the same kind of event ("ambushed militants
            // in Western Aleppo, killing almost 30. The Kurdish fighters stormed the militants near Dar al-Izzah, killing 28")
            var places = details.Select(d => d.PlaceKey).Distinct().Count();
            var restated = places == 1 && details[0].Sentence == summary.Sentence + 1 && details.All(d => d.SubEventType == summary.SubEventType);
            if (places < 2 && !restated) continue;
            foreach (var detail in details) detail.AbsorbSummary(summary);
            events.RemoveAt(i);
            i--;
        }
    }

    /// <summary>
    /// Shares every numbered toll held by several events among them. <paramref name="isFocus"/> marks the events
    /// the report calls the main or heaviest fighting: they take the remainder first, then the others in text order.
    /// </summary>
    public static void Distribute(List<Frame> events, Func<Frame, bool> isFocus)
    {
        var holders = new Dictionary<QuantityMention, List<Frame>>();
        foreach (var e in events)
            foreach (var q in e.Killed)
                if (q.Value is not null)
                {
                    if (!holders.TryGetValue(q, out var list)) holders[q] = list = [];
                    if (!list.Contains(e)) list.Add(e);
                }

        var shared = holders.Where(h => h.Value.Count > 1).OrderBy(h => h.Key.Span.Start).ToList();
        if (shared.Count == 0) return;
        var aggregates = shared.Select(h => h.Key).ToHashSet();

        // a figure equal to a shared total, told in one of its events ("a sum of 30 gunmen and 20 civilians"), restates that total
        foreach (var (total, group) in shared)
            foreach (var e in group)
                foreach (var q in e.Killed.ToList())
                    if (!aggregates.Contains(q) && q.Value == total.Value && holders[q].Count == 1)
                    {
                        aggregates.Add(q);
                        holders[q] = group;
                        foreach (var other in group) if (other != e) other.AddQuantity(q);
                    }

        foreach (var total in aggregates.OrderBy(q => q.Span.Start))
        {
            var group = holders[total];
            // events with a figure of their own keep it; the rest of the total is theirs to share
            var own = group.Where(e => e.Killed.Any(q => q.Value is not null && !aggregates.Contains(q))).ToList();
            var sharing = group.Except(own).OrderByDescending(isFocus).ThenBy(e => e.Trigger.Start).ToList();
            foreach (var e in own) e.RemoveKilled(total);
            if (sharing.Count == 0) continue;
            var rest = Math.Max(0, total.Value!.Value - own.Sum(e => e.Killed.Where(q => q.Value is not null && !aggregates.Contains(q)).Min(q => q.Value!.Value)));
            for (var k = 0; k < sharing.Count; k++)
            {
                var share = rest / sharing.Count + (k < rest % sharing.Count ? 1 : 0);
                sharing[k].ReplaceKilled(total, total with { Value = share, Low = null, High = null });
            }
        }
    }
}
