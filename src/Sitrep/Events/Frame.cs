using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Attribution;
using Sitrep.Dates;
using Sitrep.Documents;
using Sitrep.Places;
using Sitrep.Quantities;

namespace Sitrep.Events;

/// <summary>An event being assembled from one trigger; several frames of one event merge.</summary>
internal sealed class Frame(FrameContext context, int sentence, TextSpan trigger, string eventType, string subEventType)
{
    private readonly List<TextSpan> _evidence = [context.SentenceSpan(sentence)];
    private readonly List<ActorMention> _actor1Mentions = [];
    private readonly List<ActorMention> _actor2Mentions = [];
    private readonly List<string> _assoc1 = [];
    private readonly List<string> _assoc2 = [];
    private readonly List<QuantityMention> _killed = [];
    private readonly List<QuantityMention> _killedOrInjured = [];
    private readonly List<QuantityMention> _injured = [];
    private readonly List<QuantityMention> _materiel = [];

    public int Sentence { get; } = sentence;
    public TextSpan Trigger { get; } = trigger;
    public string EventType { get; } = eventType;
    public string SubEventType { get; } = subEventType;
    public ActorMention? Actor1 { get; init; }
    public ActorMention? Actor2 { get; init; }
    public PlaceMention? Place { get; set; }
    /// <summary>Whether the place is one of several the trigger's sentence lists, each an event of its own.</summary>
    public bool InPlaceList { get; init; }
    /// <summary>Whether the place was told in the event's own sentence (not inherited from its paragraph or article).</summary>
    public bool PlaceIsLocal { get; set; }
    public DateMention? Date { get; set; }
    /// <summary>Whether the date was told in the event's own sentence (not inherited from its paragraph or article).</summary>
    public bool DateIsLocal { get; set; }
    public AttributionMention? Attribution { get; set; }
    public bool Hedged { get; set; }

    public void AddSide1(ActorGroup? group, IEnumerable<ActorMention> supporters)
    {
        if (Actor1 is { IsSynthetic: false }) _actor1Mentions.Add(Actor1);
        if (group is not null)
            foreach (var m in group.Members)
            {
                if (!_actor1Mentions.Contains(m)) _actor1Mentions.Add(m);
                AddAssoc(_assoc1, m.Canonical, Actor1);
            }
        foreach (var s in supporters) AddAssoc(_assoc1, s.Canonical, Actor1);
    }

    public void AddSide2(ActorGroup? group, IEnumerable<ActorMention> supporters, bool infighting = false)
    {
        if (Actor2 is { IsSynthetic: false }) _actor2Mentions.Add(Actor2);
        foreach (var s in supporters) AddAssoc(_assoc2, s.Canonical, Actor2);
        if (group is null || infighting) return;
        foreach (var m in group.Members)
        {
            if (!_actor2Mentions.Contains(m)) _actor2Mentions.Add(m);
            AddAssoc(_assoc2, m.Canonical, Actor2);
        }
    }

    private static void AddAssoc(List<string> list, string canonical, ActorMention? main)
    {
        if (main is not null && canonical == main.EventActor) return;
        if (!list.Contains(canonical)) list.Add(canonical);
    }

    public void AddEvidence(TextSpan span)
    {
        if (!_evidence.Contains(span)) _evidence.Add(span);
    }

    public void AddQuantity(QuantityMention q)
    {
        var list = q.Kind switch
        {
            QuantityKind.Killed => _killed,
            QuantityKind.Injured => _injured,
            QuantityKind.KilledOrInjured => _killedOrInjured,
            QuantityKind.Materiel => _materiel,
            _ => null,
        };
        if (list is not null && !list.Contains(q)) list.Add(q);
    }

    /// <summary>How many sentences after a report naming only an area a report of a place inside it can still make it precise.</summary>
    public const int MaxPreciseGap = 6;

    internal string PlaceKey => Place is null ? "" : Place.GazetteerId ?? Place.Name.ToLowerInvariant();

    public bool HasSamePlace(Frame other) => Place is not null && PlaceKey == other.PlaceKey;

    /// <summary>Whether the frame's own place is only an area (a governorate, region or desert).</summary>
    public bool NamesOnlyArea => PlaceIsLocal && Place is not null && IsArea(Place);

    /// <summary>Whether <paramref name="other"/>'s place lies in the area this frame names.</summary>
    public bool PlaceLiesIn(Frame other) => Place is not null && other.Place is not null && Place.Admin1 is not null && other.Place.Admin1 == Place.Admin1;

    internal static bool IsArea(PlaceMention p) => p.FeatureType is "governorate" or "region" or "desert" or "district" or "subdistrict";

    /// <summary>
    /// Same event unit: same sub-type and actor pair (either order for a clash), and the same place
    /// or a place inside the area the other names ("the countryside of Raqqa" and "near Rusafa").
    /// </summary>
    public bool SameEventAs(Frame other) =>
        SubEventType == other.SubEventType
        && SameActors(other)
        && SamePlace(other)
        // an unknown date does not tell two reports apart; two known, different ones do
        && (Date?.Value is null || other.Date?.Value is null || !DateIsLocal || !other.DateIsLocal || Date.Value == other.Date.Value);

    /// <summary>Whether the two frames name at least one party in common (either side).</summary>
    public bool SharesActor(Frame other)
    {
        var mine = new[] { Actor1?.EventActor, Actor2?.EventActor };
        return mine.Any(a => a is not null && (a == other.Actor1?.EventActor || a == other.Actor2?.EventActor));
    }

    private bool SameActors(Frame other)
    {
        if (Actor1?.EventActor == other.Actor1?.EventActor && Actor2?.EventActor == other.Actor2?.EventActor) return true;
        return SubEventType == "Armed clash" && Actor1?.EventActor == other.Actor2?.EventActor && Actor2?.EventActor == other.Actor1?.EventActor;
    }

    private bool SamePlace(Frame other)
    {
        if (other.Place is null || PlaceKey == other.PlaceKey) return true;
        // an inherited place does not tell two events apart, when they are told close together
        if (!other.PlaceIsLocal || Place is null || !PlaceIsLocal) return true;
        // "air raids on X, Y and the desert of Z": each place of a list is an event of its own
        // (a list of governorates, "attacks in Raqqa and Deir Ezzor provinces", sums up the events told around it)
        if (other.InPlaceList && other.Place.GeoPrecision < 3) return false;
        // the other report names only the area this place lies in: a later summary ("battles in the countryside of Raqqa"),
        // or an earlier vague report that this one makes precise, when it was told just before
        if (other.Sentence < Sentence && Sentence - other.Sentence > MaxPreciseGap) return false;
        return IsArea(other.Place) && other.Place.Admin1 is not null && other.Place.Admin1 == Place.Admin1;
    }

    /// <summary>The counts of people killed this event holds (its own and any it shares with other events).</summary>
    public IReadOnlyList<QuantityMention> Killed => _killed;

    /// <summary>Whether the event holds a count of people killed (or killed or wounded), numbered or vague.</summary>
    public bool HasCasualties => _killed.Count > 0 || _killedOrInjured.Count > 0;

    /// <summary>Replaces a shared aggregate count with this event's share of it (same phrase, smaller number).</summary>
    public void ReplaceKilled(QuantityMention aggregate, QuantityMention share)
    {
        var i = _killed.IndexOf(aggregate);
        if (i >= 0) _killed[i] = share;
    }

    /// <summary>Drops a shared aggregate count from this event (it keeps a figure of its own).</summary>
    public void RemoveKilled(QuantityMention aggregate) => _killed.Remove(aggregate);

    /// <summary>
    /// A summary report ("over 50 were killed in clashes in Northern Aleppo") told before the specific
    /// events it sums up: its sentences and its toll join this event; actors, place and type stay this event's own.
    /// </summary>
    public void AbsorbSummary(Frame summary)
    {
        foreach (var e in summary._evidence) AddEvidence(e);
        foreach (var q in summary._killed.Concat(summary._killedOrInjured)) AddQuantity(q);
        if (Date is null || (!DateIsLocal && summary.DateIsLocal))
        {
            Date = summary.Date;
            DateIsLocal = summary.DateIsLocal;
        }
        Attribution ??= summary.Attribution;
        Hedged |= summary.Hedged;
    }

    /// <summary>"the clashes that spilled over to X": the event told before fights on at a new place, with the same sides.</summary>
    public void InheritSides(Frame antecedent)
    {
        // the mentions are the antecedent's words, outside this event's evidence
        _actor1Mentions.RemoveAll(m => !_evidence.Any(e => e.Contains(m.Span)));
        _actor2Mentions.RemoveAll(m => !_evidence.Any(e => e.Contains(m.Span)));
        foreach (var a in antecedent._assoc1) AddAssoc(_assoc1, a, Actor1);
        foreach (var a in antecedent._assoc2) AddAssoc(_assoc2, a, Actor2);
    }

    /// <summary>Takes the counts of another frame of the same act (killed, injured, materiel).</summary>
    public void TakeCasualties(Frame other)
    {
        foreach (var q in other._killed.Concat(other._injured).Concat(other._killedOrInjured).Concat(other._materiel)) AddQuantity(q);
    }

    public void Absorb(Frame other)
    {
        foreach (var e in other._evidence) AddEvidence(e);
        foreach (var m in other._actor1Mentions) if (!_actor1Mentions.Contains(m)) _actor1Mentions.Add(m);
        foreach (var m in other._actor2Mentions) if (!_actor2Mentions.Contains(m)) _actor2Mentions.Add(m);
        foreach (var a in other._assoc1) AddAssoc(_assoc1, a, Actor1);
        foreach (var a in other._assoc2) AddAssoc(_assoc2, a, Actor2);
        foreach (var q in other._killed.Concat(other._injured).Concat(other._killedOrInjured).Concat(other._materiel)) AddQuantity(q);
        if (Place is null || (!PlaceIsLocal && other.PlaceIsLocal)
            || (other.Place is not null && IsArea(Place) && !IsArea(other.Place) && other.Place.Admin1 == Place.Admin1))
        {
            Place = other.Place;
            PlaceIsLocal = other.PlaceIsLocal;
        }
        if (Date is null || (!DateIsLocal && other.DateIsLocal))
        {
            Date = other.Date;
            DateIsLocal = other.DateIsLocal;
        }
        Attribution ??= other.Attribution;
        Hedged |= other.Hedged;
    }

    public ConflictEvent ToEvent(Document document, string id)
    {
        var evidence = _evidence.OrderBy(e => e.Start).ToImmutableArray();
        return new ConflictEvent
        {
            DocumentId = document.Id,
            Id = id,
            Evidence = evidence,
            EventType = EventType,
            SubEventType = SubEventType,
            Actor1 = Actor1?.EventActor,
            AssocActor1 = [.. _assoc1.Where(a => a != Actor2?.EventActor)],
            Actor2 = Actor2?.EventActor,
            AssocActor2 = [.. _assoc2.Where(a => a != Actor1?.EventActor)],
            Actor1Mentions = [.. _actor1Mentions.Select(m => document.Slice(m.Span)).Distinct()],
            Actor2Mentions = [.. _actor2Mentions.Select(m => document.Slice(m.Span)).Distinct()],
            Location = Place is null ? null : new EventLocation(Place.Name, document.Slice(Place.Phrase), Place.Admin1, CountryNames.Of(Place.Country), Place.Lat, Place.Lon, Place.GeoPrecision)
            {
                Admin2 = Place.Admin2,
                GazetteerId = Place.GazetteerId,
                Span = Place.Phrase,
            },
            Date = Date is null ? EventDate.Unknown : new EventDate(document.Slice(Date.Span), Date.Value, Date.Precision, Date.RelativeTo) { Span = Date.Span, YearFrom = Date.YearFrom },
            Fatalities = BuildFatalities(document),
            Injured = _injured.Where(q => q.Value is not null).Select(q => q.Value).Min(),
            Materiel = [.. _materiel.Select(q => document.Slice(q.Span))],
            Attribution = Attribution is null
                ? EventAttribution.OutletItself
                : new EventAttribution(document.Slice(Attribution.Span), Attribution.SourceKind) { Span = Attribution.Span },
            Hedged = Hedged,
            Trigger = Trigger,
            Notes = Notes(document),
        };
    }

    /// <summary>ACLED's conservative rule: the lowest stated figure is best; the range keeps the rest.</summary>
    private Fatalities BuildFatalities(Document document)
    {
        var numbered = _killed.Where(q => q.Value is not null).ToList();
        if (numbered.Count > 0)
        {
            var best = numbered.Min(q => q.Value!.Value);
            var low = numbered.Where(q => q.Low is not null).Select(q => q.Low).Min() ?? (numbered.Count > 1 ? best : null);
            var high = numbered.Select(q => q.High ?? q.Value).Max();
            var first = numbered.First(q => q.Value == best);
            return new Fatalities(best, low, numbered.Count > 1 || numbered.Any(q => q.High is not null) ? high : null,
                document.Slice(first.Span), first.Who) { Span = first.Span };
        }
        var vague = _killed.FirstOrDefault() ?? _killedOrInjured.FirstOrDefault();
        return vague is null ? Fatalities.None : new Fatalities(null, null, null, document.Slice(vague.Span), vague.Who) { Span = vague.Span };
    }

    private string Notes(Document document)
    {
        var who = Actor1?.EventActor ?? "Unidentified actor";
        var target = Actor2 is null ? "" : $" against {Actor2.EventActor}";
        var where = Place is null ? "" : $" near {Place.Name}";
        return $"{SubEventType}: {who}{target}{where} (trigger '{document.Slice(Trigger)}').";
    }
}
