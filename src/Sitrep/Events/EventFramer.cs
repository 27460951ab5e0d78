using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Attribution;
using Sitrep.Dates;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Places;
using Sitrep.Quantities;

namespace Sitrep.Events;

/// <summary>
/// Frames events and claims from the mentions the earlier stages found. For every trigger in a
/// body sentence it reads the roles from the voice of the construction, then links the place,
/// date, casualties, source and hedges that the sentence (or, failing that, its paragraph) gives.
/// Restatements of the same event in one article are merged (ACLED's event unit: date, place,
/// actor pair, sub-type).
/// </summary>
public sealed class EventFramer(EventLexicon lexicon) : IStage
{
    public string Name => "events";
    public IReadOnlyList<string> Provides => [Produces.Events, Produces.Claims];
    public IReadOnlyList<string> Requires =>
        [Produces.Sentences, Produces.Actors, Produces.Places, Produces.Quantities, Produces.Dates, Produces.Attributions];

    public Document Process(Document document)
    {
        var context = new FrameContext(document, lexicon);
        var frames = new List<Frame>();
        var strongParagraphs = new HashSet<int>();
        var candidates = new List<(int Sentence, Text.PhraseMatch<TriggerDefinition> Trigger)>();

        for (var si = 0; si < document.Sentences.Length; si++)
        {
            var (first, _) = context.TokenRange(si);
            foreach (var trigger in context.TriggersOf(si))
            {
                if (context.IsNegatedOrIrrealis(trigger.TokenIndex, first)) continue;
                if (context.IsAggregate(si, trigger.Span)) continue;
                if (context.InsideActor(trigger.Span) && trigger.Value.Role != TriggerRole.Noun) continue;
                candidates.Add((si, trigger));
                if (!trigger.Value.Weak) strongParagraphs.Add(document.Sentences[si].Paragraph);
            }
        }

        var accepted = new List<(int Sentence, Text.PhraseMatch<TriggerDefinition> Trigger)>();
        var spreading = new HashSet<TextSpan>();
        foreach (var (si, trigger) in candidates)
        {
            if (trigger.Value.Weak && strongParagraphs.Contains(document.Sentences[si].Paragraph)) continue;
            if (context.IsPartOfAnotherTrigger(trigger, candidates.Where(c => c.Sentence == si).Select(c => c.Trigger))) continue;
            // "the attack", "the clashes": a definite noun names an event already told, not a new one,
            // unless it spreads to a new place ("the clashes that spilled over to the camp of X")
            if ((accepted.Count > 0 || si > 0) && trigger.Value.Role is TriggerRole.Noun or TriggerRole.Mutual && context.IsDefiniteReference(trigger))
            {
                if (accepted.Count == 0 || !context.SpreadsToPlace(si, trigger.Span)) continue;
                spreading.Add(trigger.Span);
            }
            accepted.Add((si, trigger));
        }
        context.Accept(accepted);
        foreach (var (si, trigger) in accepted)
        {
            var antecedent = spreading.Contains(trigger.Span) ? frames.LastOrDefault(f => f.EventType == trigger.Value.EventType) : null;
            frames.AddRange(context.Frame(si, trigger, antecedent));
        }

        // "suicide bombers attacked the base": the specific weapon names the event; the generic attack is the same act
        foreach (var f in frames.Where(f => f.SubEventType == "Armed clash").ToList())
        {
            var weapon = frames.FirstOrDefault(g => g != f && g.Sentence == f.Sentence
                && g.EventType == "Explosions/Remote violence" && g.Actor1?.EventActor == f.Actor1?.EventActor);
            if (weapon is null) continue;
            // the casualties told with the generic attack are the weapon's
            weapon.TakeCasualties(f);
            frames.Remove(f);
        }
        // "fended off ISIL's heavy attack near X": a trigger inside the object of another, of one sub-type and place and
        // with a party in common, tells the same event
        for (var i = 0; i < frames.Count; i++)
            for (var j = frames.Count - 1; j > i; j--)
                if (frames[j].Sentence == frames[i].Sentence && frames[j].SubEventType == frames[i].SubEventType
                    && frames[i].HasSamePlace(frames[j]) && frames[i].SharesActor(frames[j])
                    && context.IsObjectOf(frames[i].Trigger, frames[j].Trigger))
                {
                    frames[i].Absorb(frames[j]);
                    frames.RemoveAt(j);
                }
        context.AttachStrayQuantities(frames);
        AggregateTolls.FoldSummaries(frames);
        var merged = Merge(frames);
        AggregateTolls.Distribute(merged, context.IsFocus);
        AnchorRelativeDates(merged);
        var events = merged.Select((f, i) => f.ToEvent(document, $"{document.Id}-E{i + 1}")).ToImmutableArray();
        var claims = new ClaimFinder(lexicon, context).Find();
        return document with { Events = events, Claims = claims };
    }

    /// <summary>
    /// "Two days after the attack", "the next day": a date told relative to another event lies on the date of the
    /// last event told before it that has a full day (when that one is known).
    /// </summary>
    private static void AnchorRelativeDates(List<Frame> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Date is not { RelativeTo: DateResolver.Event, Value: null, Offset: { } offset } relative) continue;
            var anchor = events.Take(i).LastOrDefault(e => e.Date is { Value.Length: 10 } d && d.Span != relative.Span);
            if (DateResolver.FromEvent(anchor?.Date?.Value, offset, relative.Precision) is { } value)
                events[i].Date = relative with { Value = value, YearFrom = anchor!.Date!.YearFrom };
        }
    }

    /// <summary>One event per (sub-type, place, actor pair): restatements add evidence to the first report.</summary>
    private static List<Frame> Merge(List<Frame> frames)
    {
        var merged = new List<Frame>();
        // frames that tell their own place first; then those whose place is inherited join the report they restate
        foreach (var frame in frames.Where(f => f.PlaceIsLocal).OrderBy(f => f.Trigger.Start))
        {
            var same = merged.FirstOrDefault(m => m.SameEventAs(frame)) ?? merged.FirstOrDefault(m => frame.SameEventAs(m));
            // a report naming only an area restates the latest event of its kind in that area, not an older one
            if (same is not null && !same.HasSamePlace(frame) && frame.NamesOnlyArea)
            {
                var latest = merged.Where(m => m.SubEventType == frame.SubEventType && m.Sentence <= frame.Sentence && frame.PlaceLiesIn(m)).MaxBy(m => m.Sentence);
                if (latest is not null && latest != same && latest.Sentence > same.Sentence)
                    same = latest.SameEventAs(frame) || frame.SameEventAs(latest) ? latest
                        : frame.Sentence - same.Sentence <= Frame.MaxPreciseGap ? same : null;
            }
            if (same is null) merged.Add(frame);
            else same.Absorb(frame);
        }
        foreach (var frame in frames.Where(f => !f.PlaceIsLocal).OrderBy(f => f.Trigger.Start))
        {
            var candidates = merged.Where(m => m.SameEventAs(frame) || frame.SameEventAs(m)).ToList();
            var same = candidates.FirstOrDefault(m => m.HasSamePlace(frame))
                ?? candidates.Where(m => m.Sentence <= frame.Sentence).MaxBy(m => m.Sentence)
                ?? candidates.FirstOrDefault();
            if (same is null) merged.Add(frame);
            else same.Absorb(frame);
        }
        return merged.OrderBy(f => f.Trigger.Start).ToList();
    }
}

/// <summary>Everything the framer needs about one document, indexed once.</summary>
internal sealed class FrameContext
{
    private const string AirSubType = "Air/drone strike";
    private const string ExplosionsType = "Explosions/Remote violence";

    private readonly EventLexicon _lexicon;
    private readonly int[] _sentenceFirstToken;
    private readonly int[] _sentenceEndToken;

    public FrameContext(Document document, EventLexicon lexicon)
    {
        Document = document;
        _lexicon = lexicon;
        Actors = [.. document.MentionsOf<ActorMention>()];
        Places = [.. document.MentionsOf<PlaceMention>()];
        Quantities = [.. document.MentionsOf<QuantityMention>()];
        Dates = [.. document.MentionsOf<DateMention>()];
        Attributions = [.. document.MentionsOf<AttributionMention>()];
        Hedges = [.. document.MentionsOf<HedgeMention>()];
        Cues = lexicon.Cues.FindAll(document.Text, document.Tokens);
        FocusCountry = CountryNames.Of(Places.Where(p => p.Country is not null).GroupBy(p => p.Country!)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault()) ?? "Syria";

        _sentenceFirstToken = new int[document.Sentences.Length];
        _sentenceEndToken = new int[document.Sentences.Length];
        var t = 0;
        var tokens = document.Tokens;
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var span = document.Sentences[s].Span;
            while (t < tokens.Length && tokens[t].Span.Start < span.Start) t++;
            _sentenceFirstToken[s] = t;
            var e = t;
            while (e < tokens.Length && tokens[e].Span.End <= span.End) e++;
            _sentenceEndToken[s] = e;
            t = e;
        }
    }

    public Document Document { get; }
    public List<ActorMention> Actors { get; }
    public List<PlaceMention> Places { get; }
    public List<QuantityMention> Quantities { get; }
    public List<DateMention> Dates { get; }
    public List<AttributionMention> Attributions { get; }
    public List<HedgeMention> Hedges { get; }
    public List<Text.PhraseMatch<string>> Cues { get; }
    public string FocusCountry { get; }

    public (int First, int End) TokenRange(int sentence) => (_sentenceFirstToken[sentence], _sentenceEndToken[sentence]);

    public TextSpan SentenceSpan(int sentence) => Document.Sentences[sentence].Span;

    public TextSpan ParagraphOf(int sentence) => Document.Body[Document.Sentences[sentence].Paragraph];

    /// <summary>Whether <paramref name="inner"/> follows <paramref name="outer"/> within its object: a few words, no comma or "and".</summary>
    public bool IsObjectOf(TextSpan outer, TextSpan inner)
    {
        var (first, second) = outer.Start <= inner.Start ? (outer, inner) : (inner, outer);
        if (second.Start < first.End || second.Start - first.End > 30) return false;
        var gap = Document.Text.AsSpan(first.End, second.Start - first.End);
        if (gap.IndexOfAny(',', ';', '.') >= 0) return false;
        foreach (var word in gap.Split(' '))
            if (gap[word] is "and" or "or" or "while" or "then") return false;
        return true;
    }

    public bool InsideActor(TextSpan span) => Actors.Any(a => a.Span.Contains(span));

    public static IEnumerable<T> Within<T>(IEnumerable<T> mentions, TextSpan span) where T : Mention =>
        mentions.Where(m => span.Contains(m.Span));

    /// <summary>"over the past year, have killed hundreds", "a wave of attacks": a tally or trend, not one event.</summary>
    public bool IsAggregate(int sentence, TextSpan trigger)
    {
        var clause = ClauseOf(SentenceSpan(sentence), trigger);
        foreach (var cue in Cues)
            if (cue.Value == "aggregate" && clause.Contains(cue.Span)) return true;
        return false;
    }

    /// <summary>"did not attack", "plans to attack", "denied shelling": no event.</summary>
    public bool IsNegatedOrIrrealis(int triggerToken, int sentenceFirst)
    {
        // "an attack to retake lost regions": a purpose, not a deed ("managed to retake" is a deed)
        if (triggerToken - 1 >= sentenceFirst && TokenIs(triggerToken - 1, "to")
            && !(triggerToken - 2 >= sentenceFirst && (TokenIs(triggerToken - 2, "managed") || TokenIs(triggerToken - 2, "able") || TokenIs(triggerToken - 2, "succeeded"))))
            return true;
        var from = Math.Max(sentenceFirst, triggerToken - 5);
        var start = Document.Tokens[from].Span.Start;
        var end = Document.Tokens[triggerToken].Span.Start;
        if (Cues.Any(c => c.Span.Start >= start && c.Span.End <= end && c.Value is "negation" or "irrealis")) return true;
        // "denied reports that its aircraft had bombed": a denial governs everything after it in the sentence
        var sentenceStart = Document.Tokens[sentenceFirst].Span.Start;
        return Cues.Any(c => c.Value == "denial" && c.Span.Start >= sentenceStart && c.Span.End <= end);
    }

    private bool TokenIs(int index, string word) =>
        Document.Text.AsSpan(Document.Tokens[index].Span.Start, Document.Tokens[index].Span.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool CueBefore(TextSpan span, string kind, int maxGap)
    {
        foreach (var cue in Cues)
        {
            if (cue.Value != kind || cue.Span.End > span.Start) continue;
            var gap = Document.Text.AsSpan(cue.Span.End, span.Start - cue.Span.End);
            if (gap.Length <= maxGap && gap.IndexOfAny('.', ';') < 0 && gap.IndexOf(',') < 0) return true;
        }
        return false;
    }

    private bool WordBefore(TextSpan span, params string[] words)
    {
        var text = Document.Text;
        var i = span.Start - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        // skip a determiner: "by the Russian army"
        foreach (var skip in new[] { "the", "a", "an" })
        {
            var s = i - skip.Length + 1;
            if (s >= 0 && text.AsSpan(s, skip.Length).Equals(skip, StringComparison.OrdinalIgnoreCase) && (s == 0 || !char.IsLetter(text[s - 1])))
            {
                i = s - 1;
                while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
                break;
            }
        }
        foreach (var w in words)
        {
            var s = i - w.Length + 1;
            if (s >= 0 && text.AsSpan(s, w.Length).Equals(w, StringComparison.OrdinalIgnoreCase) && (s == 0 || !char.IsLetter(text[s - 1])))
                return true;
        }
        return false;
    }

    /// <summary>The clause holding a trigger: the sentence cut at "while", "after", ";" and similar joints.</summary>
    public TextSpan ClauseOf(TextSpan sentence, TextSpan trigger)
    {
        var start = sentence.Start;
        var end = sentence.End;
        foreach (var cue in Cues)
        {
            if (cue.Value != "clause" || !sentence.Contains(cue.Span)) continue;
            if (cue.Span.End <= trigger.Start) start = Math.Max(start, cue.Span.End);
            else if (cue.Span.Start >= trigger.End) end = Math.Min(end, cue.Span.Start);
        }
        return new TextSpan(start, end);
    }

    /// <summary>Whether the trigger's clause names aircraft ("air") or heavy weapons ("heavy").</summary>
    public bool HasContext(TextSpan sentence, TextSpan trigger, string kind)
    {
        var clause = ClauseOf(sentence, trigger);
        foreach (var cue in Cues)
            if (cue.Value == kind && clause.Contains(cue.Span)) return true;
        return false;
    }

    /// <summary>"the attack", "the ISIS attack", "these clashes": a determiner opens the noun phrase of the trigger.</summary>
    public bool IsDefiniteReference(Text.PhraseMatch<TriggerDefinition> trigger)
    {
        var tokens = Document.Tokens;
        var counted = false;
        for (var k = trigger.TokenIndex - 1; k >= 0 && k >= trigger.TokenIndex - 3; k--)
        {
            var word = Document.Text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length);
            if (word.Equals("the", StringComparison.OrdinalIgnoreCase) || word.Equals("this", StringComparison.OrdinalIgnoreCase)
                || word.Equals("these", StringComparison.OrdinalIgnoreCase) || word.Equals("that", StringComparison.OrdinalIgnoreCase))
                return k == trigger.TokenIndex - 1 || counted || Actors.Any(a => a.Span.Start >= tokens[k].Span.Start && a.Span.End <= trigger.Span.Start);
            // "both attacks"; "the two attacks" counts events already told
            if (word.Equals("both", StringComparison.OrdinalIgnoreCase)) return k == trigger.TokenIndex - 1;
            if (k == trigger.TokenIndex - 1 && IsSmallNumberWord(word))
            {
                counted = true;
                continue;
            }
            if (tokens[k].Kind != TokenKind.Word || !Actors.Any(a => a.Span.Contains(tokens[k].Span))) return false;
        }
        return false;
    }

    private static readonly string[] SmallNumbers = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    private static bool IsSmallNumberWord(ReadOnlySpan<char> word)
    {
        foreach (var n in SmallNumbers)
            if (word.Equals(n, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>"it regained control", "they attacked": the subject is the last armed actor told before.</summary>
    private ActorMention? PronounSubject(TextSpan sentence, TextSpan trigger)
    {
        var tokens = Document.Tokens;
        var index = FirstTokenAtOrAfter(trigger.Start);
        for (var k = index - 1; k >= 0 && k >= index - 3 && tokens[k].Span.Start >= sentence.Start; k--)
        {
            var word = Document.Text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length);
            if (word is "it" or "It" or "they" or "They")
                return Actors.LastOrDefault(a => a.Span.End <= tokens[k].Span.Start && a.ActorType != "civilians");
        }
        return null;
    }

    private int FirstTokenAtOrAfter(int offset)
    {
        var tokens = Document.Tokens;
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Span.Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Actor groups in a sentence: "the Syrian Arab Army and the auxiliary forces" is one side.</summary>
    public List<ActorGroup> Groups(TextSpan sentence)
    {
        var groups = new List<ActorGroup>();
        ActorGroup? current = null;
        foreach (var actor in Within(Actors, sentence))
        {
            var supporter = CueBefore(actor.Span, "support", 24);
            if (current is not null && !supporter && IsCoordination(current.Span.End, actor.Span.Start))
            {
                current.Add(actor);
                continue;
            }
            current = new ActorGroup(actor, supporter);
            groups.Add(current);
        }
        return groups;
    }

    private bool IsCoordination(int from, int to)
    {
        if (to < from) return false;
        var gap = Document.Text.AsSpan(from, to - from).Trim();
        return gap.Length == 0 || gap is "," or "and" or ", and" or "&" or "and the" or ", the" or "as well as";
    }

    /// <summary>
    /// One act told by two triggers: "repelled an Islamic State attack" (the defender's verb only tells the attack's outcome) and
    /// "a US strike targeted", "an explosive device targeted" (the weapon noun is the subject of the generic verb).
    /// </summary>
    public bool IsPartOfAnotherTrigger(Text.PhraseMatch<TriggerDefinition> trigger, IEnumerable<Text.PhraseMatch<TriggerDefinition>> sameSentence)
    {
        const int MaxObjectGap = 4;
        foreach (var other in sameSentence)
        {
            if (other.Span == trigger.Span) continue;
            var otherEnd = other.TokenIndex + other.TokenCount;
            // "repelled an (Islamic State) attack": the attack, with its attacker, is the event
            var end = trigger.TokenIndex + trigger.TokenCount;
            if (trigger.Value.Role == TriggerRole.Defender && other.Value.Role == TriggerRole.Noun
                && other.TokenIndex >= end && other.TokenIndex - end <= MaxObjectGap && !PunctuationBetween(end, other.TokenIndex)
                && !IsDefiniteReference(other))
                return true;
            // "a US strike targeted": the weapon noun right before the verb names the act
            if (trigger.Value.Role == TriggerRole.Agent && other.Value.Role == TriggerRole.Noun && other.Value.EventType == ExplosionsType
                && otherEnd == trigger.TokenIndex)
                return true;
        }
        return false;
    }

    private bool PunctuationBetween(int fromToken, int toToken)
    {
        for (var k = fromToken; k < toToken; k++)
            if (Document.Tokens[k].Kind == TokenKind.Punctuation) return true;
        return false;
    }

    /// <summary>"the clashes that spilled over to the camp of X": a spread cue after the trigger, then a place, in its clause.</summary>
    public bool SpreadsToPlace(int sentence, TextSpan trigger)
    {
        var clause = ClauseOf(SentenceSpan(sentence), trigger);
        foreach (var cue in Cues)
        {
            if (cue.Value != "spread" || cue.Span.Start < trigger.End || !clause.Contains(cue.Span)) continue;
            if (Places.Any(p => p.Span.Start >= cue.Span.End && clause.Contains(p.Span) && !InsideActor(p.Span))) return true;
        }
        return false;
    }

    /// <summary>"the main clash occurred in ...", "the heaviest fighting was in ...": the report's own focus among its events.</summary>
    public bool IsFocus(Frame frame)
    {
        var clause = ClauseOf(SentenceSpan(frame.Sentence), frame.Trigger);
        foreach (var cue in Cues)
            if (cue.Value == "focus" && clause.Contains(cue.Span) && cue.Span.End <= frame.Trigger.End) return true;
        return false;
    }

    public IEnumerable<Frame> Frame(int sentence, Text.PhraseMatch<TriggerDefinition> trigger, Frame? antecedent = null)
    {
        var span = SentenceSpan(sentence);
        var definition = trigger.Value;
        var eventType = definition.EventType;
        var subType = definition.SubEventType;
        if (definition.AirSensitive && HasContext(span, trigger.Span, "air"))
        {
            eventType = ExplosionsType;
            subType = AirSubType;
        }
        else if (definition.HeavySensitive && HasContext(span, trigger.Span, "heavy"))
        {
            eventType = ExplosionsType;
            subType = "Shelling/artillery/missile attack";
        }
        else if (definition.Contextual)
            yield break;

        var (side1, side2) = Roles(span, trigger, definition);
        var actor1 = side1?.Head ?? (definition.Role is TriggerRole.Agent or TriggerRole.Capture && !IsPassive(trigger.Span) ? PronounSubject(span, trigger.Span) : null);
        var actor2 = side2?.Head;
        // "the clashes that spilled over to X" with no side named: the sides (and type) of the event it continues
        var inherits = antecedent is not null && side1 is null && side2 is null;
        if (inherits)
        {
            (actor1, actor2) = (antecedent!.Actor1, antecedent.Actor2);
            (eventType, subType) = (antecedent.EventType, antecedent.SubEventType);
        }
        // one actor on both sides is infighting only when the text names several of its factions
        if (actor1 is not null && actor2 is not null && side1 != side2 && actor1.EventActor == actor2.EventActor)
            actor2 = null;
        var strategic = eventType is "Strategic developments" or "Protests";
        if (subType == "Other") (actor2, side2) = (null, null);
        if (subType == "Agreement" && actor2?.ActorType == "state_forces" && actor1?.ActorType != "state_forces")
        {
            (actor1, actor2) = (actor2, actor1);
            (side1, side2) = (side2, side1);
        }
        actor1 ??= actor2 is null || strategic ? null : Opponent(actor2.Canonical, trigger.Span.Start);
        actor2 ??= actor1 is null || strategic ? null : Opponent(actor1.Canonical, trigger.Span.Start);

        if (definition.Role == TriggerRole.Capture && actor1 is not null && actor1.ActorType is not ("state_forces" or "external_forces"))
            subType = "Non-state actor overtakes territory";

        if (eventType == "Violence against civilians" && actor2 is not null && actor2.ActorType != "civilians" && subType == "Attack")
        {
            eventType = "Battles";
            subType = "Armed clash";
        }
        if (actor1 is null && actor2 is null && eventType != "Strategic developments" && eventType != "Protests")
        {
            // Violence with no named party at all is too thin to code.
            if (!Within(Places, span).Any()) yield break;
        }
        // "killing seven people": victims counted as people or civilians make civilians the target
        // ("two members of the Syrian army": members of a named armed side are no civilians)
        if (actor2 is null && eventType != "Strategic developments" && Within(Quantities, span).FirstOrDefault(q => q.Kind is QuantityKind.Killed or QuantityKind.Injured
                && IsCivilianNoun(q.Who) && !Actors.Any(a => q.Span.Contains(a.Span) && a.ActorType != "civilians")) is { } victims)
            actor2 = new ActorMention(victims.Span, $"Civilians ({FocusCountry})", "civilians", FocusCountry) { IsSynthetic = true };
        if (eventType == "Battles" && actor2?.ActorType == "civilians")
        {
            eventType = "Violence against civilians";
            subType = "Attack";
        }
        // ACLED always names the perpetrator: unknown ones are an unidentified armed group of the country
        if (actor1 is null && eventType is not ("Strategic developments" or "Protests"))
            actor1 = new ActorMention(trigger.Span, $"Unidentified Armed Group ({FocusCountry})", "unidentified", FocusCountry) { IsSynthetic = true };

        var supporters = SupportersOf(span, side1, side2);
        // "X, backed by Y": Y backs the side named just before it
        var supporters2 = side2 is null ? [] : supporters.Where(s => NearestSideBefore(s, side1, side2) == side2).ToList();
        var supporters1 = supporters.Except(supporters2).ToList();
        var places = EventPlaces(sentence, trigger.Span, subType == AirSubType, subType is "Abduction/forced disappearance" or "Arrests");
        // "three soldiers were captured": people, not territory
        if (definition.Territory && places.Count == 0) yield break;
        if (places.Count == 0) places.Add(null);
        foreach (var place in places)
        {
            var frame = new Frame(this, sentence, trigger.Span, eventType, subType)
            {
                Actor1 = actor1,
                Actor2 = actor2,
                Place = place ?? FallbackPlace(sentence),
                PlaceIsLocal = place is not null,
                InPlaceList = places.Count > 1,
            };
            frame.AddSide1(side1, supporters1);
            frame.AddSide2(side2, supporters2, infighting: side1 is not null && side1 == side2);
            if (inherits) frame.InheritSides(antecedent!);
            (frame.Date, frame.DateIsLocal) = DateFor(sentence, place);
            frame.Attribution = AttributionFor(sentence, trigger.Span);
            frame.Hedged = IsHedged(span);
            foreach (var q in Within(Quantities, span).Where(q => NearestTrigger(q, sentence, trigger)))
                frame.AddQuantity(q);
            yield return frame;
        }
    }

    private (ActorGroup? Side1, ActorGroup? Side2) Roles(TextSpan sentence, Text.PhraseMatch<TriggerDefinition> trigger, TriggerDefinition definition)
    {
        var groups = Groups(sentence).Where(g => !g.IsSupporter).ToList();
        var before = groups.Where(g => g.Span.End <= trigger.Span.Start).ToList();
        var after = groups.Where(g => g.Span.Start >= trigger.Span.End).ToList();
        // "the Russian air force's strikes": the actor phrase holding the trigger is its agent
        var holder = groups.FirstOrDefault(g => g.Span.Contains(trigger.Span));
        // "operation against ISIL and recaptured": an actor after a preposition is no subject
        var nearestBefore = before.LastOrDefault(g => !WordBefore(g.Span, "against", "on", "with", "of", "from", "to", "toward", "towards", "at", "for", "in", "into"))
            ?? before.LastOrDefault();
        // "strikes by X", not "forces surrounded by X" (the actor after a state participle holds a place, it does not act)
        var byAgent = after.FirstOrDefault(g => WordBefore(g.Span, "by") && !CueBefore(g.Span, "holder", 8));
        var target = after.FirstOrDefault(g => WordBefore(g.Span, "on", "against", "targeting", "at", "positions of", "points of", "to"));
        var passive = definition.Passive && IsPassive(trigger.Span);

        switch (definition.Role)
        {
            case TriggerRole.Agent when passive:
            case TriggerRole.Patient:
                return (after.FirstOrDefault(g => WordBefore(g.Span, "by", "in", "from")) ?? byAgent, nearestBefore);
            case TriggerRole.Agent:
            case TriggerRole.Capture:
                return (nearestBefore ?? byAgent, after.FirstOrDefault(g => g != byAgent && WordBefore(g.Span, "from")) ?? target ?? after.FirstOrDefault(g => g != byAgent));
            case TriggerRole.Noun:
            {
                var adjectival = holder ?? before.LastOrDefault(g => trigger.Span.Start - g.Span.End <= 3);
                var agent = byAgent ?? adjectival ?? nearestBefore;
                return (agent, target ?? after.FirstOrDefault(g => g != agent) ?? before.LastOrDefault(g => g != agent));
            }
            case TriggerRole.Defender:
                return (byAgent ?? after.FirstOrDefault(), nearestBefore);
            case TriggerRole.Mutual:
            {
                before = before.Where(g => g.Head.ActorType != "civilians").ToList();
                after = after.Where(g => g.Head.ActorType != "civilians").ToList();
                if (after.Count >= 2 && WordBefore(after[0].Span, "between")) return (after[0], after[1]);
                var first = before.LastOrDefault() ?? after.FirstOrDefault();
                if (first is null) return (null, null);
                // the other side: the nearest group that is not on the first one's side
                var other = after.Concat(before.AsEnumerable().Reverse())
                    .FirstOrDefault(g => g != first && !_lexicon.AreAllies(g.Head.Canonical, first.Head.Canonical));
                // "clashes among Sultan Murad, al-Hamza and Faylaq al-Sham": factions of one group fighting each other
                if (other is null && first.Members.Select(m => m.Canonical).Distinct().Count() >= 2) other = first;
                return (first, other);
            }
            default:
                return (nearestBefore, after.FirstOrDefault());
        }
    }

    private bool IsPassive(TextSpan trigger)
    {
        var text = Document.Text;
        var i = trigger.Start - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        var endWord = i + 1;
        while (i >= 0 && char.IsLetter(text[i])) i--;
        var word = text.AsSpan(i + 1, endWord - i - 1);
        if (word.Equals("allegedly", StringComparison.OrdinalIgnoreCase) || word.Equals("reportedly", StringComparison.OrdinalIgnoreCase))
            return IsPassive(new TextSpan(i + 1, i + 1));
        return word is "was" or "were" or "been" or "being" or "is" or "are" or "be" or "got";
    }

    private static ActorGroup? NearestSideBefore(ActorMention supporter, ActorGroup? side1, ActorGroup? side2)
    {
        var candidates = new[] { side1, side2 }.Where(g => g is not null && g.Span.End <= supporter.Span.Start);
        return candidates.OrderByDescending(g => g!.Span.End).FirstOrDefault();
    }

    private List<ActorMention> SupportersOf(TextSpan sentence, ActorGroup? side1, ActorGroup? side2)
    {
        var supporters = Groups(sentence).Where(g => g.IsSupporter).SelectMany(g => g.Members).ToList();
        return supporters.Where(s => side1 is null || s.Canonical != side1.Head.Canonical).ToList();
    }

    /// <summary>The most recent actor before this point that is not on the given actor's side.</summary>
    private ActorMention? Opponent(string canonical, int before)
    {
        for (var i = Actors.Count - 1; i >= 0; i--)
        {
            var a = Actors[i];
            if (a.Span.Start >= before) continue;
            if (a.ActorType == "civilians" || _lexicon.AreAllies(a.Canonical, canonical)) continue;
            return a;
        }
        foreach (var a in Actors)
            if (a.Span.Start >= before && a.ActorType != "civilians" && !_lexicon.AreAllies(a.Canonical, canonical))
                return a;
        return null;
    }

    /// <summary>
    /// Places of the event in its sentence: where fighters came from ("from", "through") is not
    /// where it happened. An air strike over several named places is one event per place.
    /// </summary>
    private List<PlaceMention?> EventPlaces(int sentence, TextSpan trigger, bool perPlace, bool takenFrom = false)
    {
        // places of the trigger's clause first ("..., which lies between eastern Homs and western Deir Ezzor" describes a place)
        var clause = ClauseOf(SentenceSpan(sentence), trigger);
        var inSentence = Within(Places, clause).Where(p => !InsideActor(p.Span)).ToList();
        var wholeSentence = Within(Places, SentenceSpan(sentence)).Where(p => !InsideActor(p.Span)).ToList();
        if (inSentence.Count == 0) inSentence = wholeSentence;
        // "the X area, east of Homs desert": the landmark only locates the place before it, origin or not;
        // "the X neighbourhood in Y city": the event is coded at the town
        inSentence = inSentence.Where(p => !IsLandmark(p, inSentence) && !IsSubpart(p, inSentence)).ToList();
        // "abducted 400 civilians from the village of X": people are taken where they were
        var located = takenFrom ? inSentence : inSentence.Where(p => !IsOrigin(p, SentenceSpan(sentence))).ToList();
        // only where the attackers came from in the clause: the sentence's own place, if it names one ("battles took place in X,
        // after the army confronted an attack starting from Y")
        if (located.Count == 0) located = wholeSentence.Where(p => p.Span.End <= clause.Start && !IsOrigin(p, SentenceSpan(sentence))).ToList();
        if (located.Count == 0) located = inSentence;
        if (located.Count == 0) return [];
        // "... east of X to drive ISIL out of Y": a goal is no place of the event, when the sentence names another
        var notGoals = located.Where(p => !IsGoal(p, SentenceSpan(sentence), trigger)).ToList();
        if (notGoals.Count > 0) located = notGoals;
        if (perPlace)
        {
            var afterTrigger = located.Where(p => p.Span.Start >= trigger.End).ToList();
            // no place after the trigger: the place told just before it, not every place of the sentence
            var chosen = afterTrigger.Count > 0 ? afterTrigger : [located[^1]];
            // "al-Mariqiyeh region East of Deir Ezzur airbase": the landmark only locates the place before it
            chosen = chosen.Where(p => !IsLandmark(p, chosen)).ToList();
            // "the town of Deiban in the countryside of Deir Ezzur": a place told right after "in" holds the place before it
            chosen = chosen.Where(p => !LocatesPrevious(p, chosen)).ToList();
            // "the village of X in the countryside of Raqqa": the area holding a named place is no place of its own
            chosen = chosen.Where(p => !(IsAreaType(p) && chosen.Any(q => q != p && !IsAreaType(q) && q.Admin1 == p.Admin1))).ToList();
            // "various areas in the Syrian Badia": a vague sweep is no event place when named places follow.
            var specific = chosen.Where(p => !CueBefore(p.Phrase, "vague", 20)).ToList();
            if (specific.Count > 0) chosen = specific;
            return chosen.DistinctBy(p => p.GazetteerId ?? p.Name).Cast<PlaceMention?>().ToList();
        }
        var first = located.FirstOrDefault(p => p.Span.Start >= trigger.End) ?? located[^1];
        // "in the villages of Awlan and Sousyan": fighting in each named village is an event there (ACLED codes per location);
        // "near X and Y" stays one event at X
        // "in al-Bab region and the town of al-Ra'ei": the named site coordinated with an area is the event's place
        if (first.GeoPrecision != 1)
        {
            var previous = first;
            foreach (var next in located.Where(p => p.Span.Start > first.Span.End))
            {
                if (!IsCoordinated(previous, next)) break;
                // its own site word ("the town of Y"), not a name under the first's "near" ("near X and Y")
                if (next.GeoPrecision == 1 && next.Phrase.Start < next.Span.Start) { first = next; break; }
                previous = next;
            }
        }
        var places = new List<PlaceMention?> { first };
        if (first.GeoPrecision != 1) return places;
        foreach (var next in located.Where(p => p.Span.Start > first.Span.End))
        {
            if (next.GeoPrecision != 1 || !IsCoordinated(places[^1]!, next)) break;
            places.Add(next);
        }
        return places;
    }

    /// <summary>Whether <paramref name="next"/> is coordinated with <paramref name="place"/>: only "and" or a comma between.</summary>
    private bool IsCoordinated(PlaceMention place, PlaceMention next)
    {
        if (next.Phrase.Start < place.Phrase.End) return false;
        var gap = Document.Text.AsSpan(place.Phrase.End, next.Phrase.Start - place.Phrase.End).Trim();
        return gap is "and" or "," or ", and";
    }

    /// <summary>
    /// Where fighters or supplies came from is not where the event was: a place after "from",
    /// "through", "coming from" up to the next comma or the end of the sentence.
    /// </summary>
    private bool IsOrigin(PlaceMention place, TextSpan sentence)
    {
        foreach (var cue in Cues)
        {
            if (cue.Value != "origin" || cue.Span.End > place.Phrase.Start || !sentence.Contains(cue.Span)) continue;
            var gap = Document.Text.AsSpan(cue.Span.End, place.Phrase.Start - cue.Span.End);
            // up to the target: "from the Homs desert on SAA positions in southern Deir Ezzor"
            if (gap.IndexOfAny(',', ';') >= 0 || AnyActorWithin(cue.Span.End, place.Phrase.Start)) continue;
            // the first place after the cue, or one that only locates it ("the (55 km) area in the Syrian Badia")
            var between = LastPlaceWithin(cue.Span.End, place.Phrase.Start);
            if (between is null) return true;
            // "the area (55 km) in the Syrian Badia": a closing bracket or quote is no break
            var link = Document.Text.AsSpan(between.Phrase.End, place.Phrase.Start - between.Phrase.End).Trim().TrimStart(")]”\"’").TrimStart();
            if (link is "in" or "in the" or "of" or "of the") return true;
        }
        return false;
    }

    /// <summary>
    /// A place inside an infinitive of purpose that does not hold the trigger ("to drive ISIL out of X", "to find access to Y"):
    /// the purpose runs from its cue to the next comma, semicolon, clause joint or "but".
    /// </summary>
    private bool IsGoal(PlaceMention place, TextSpan sentence, TextSpan trigger)
    {
        foreach (var cue in Cues)
        {
            if (cue.Value != "purpose" || cue.Span.End > place.Phrase.Start || !sentence.Contains(cue.Span)) continue;
            // the trigger itself must lie outside the purpose ("managed to recapture X" is the deed)
            if (cue.Span.Start < trigger.End && (trigger.Start < cue.Span.Start ? false : !EndsScope(cue.Span.End, trigger.Start))) continue;
            if (!EndsScope(cue.Span.End, place.Phrase.Start)) return true;
        }
        return false;
    }

    /// <summary>Whether a comma, semicolon, clause joint or "but" lies between two offsets of one sentence.</summary>
    private bool EndsScope(int from, int to)
    {
        var gap = Document.Text.AsSpan(from, to - from);
        if (gap.IndexOfAny(',', ';', ':') >= 0) return true;
        foreach (var cue in Cues)
            if (cue.Value == "clause" && cue.Span.Start >= from && cue.Span.End <= to) return true;
        for (var i = gap.IndexOf("but", StringComparison.OrdinalIgnoreCase); i >= 0; )
        {
            var before = i == 0 || !char.IsLetter(gap[i - 1]);
            var after = i + 3 >= gap.Length || !char.IsLetter(gap[i + 3]);
            if (before && after) return true;
            var next = gap[(i + 3)..].IndexOf("but", StringComparison.OrdinalIgnoreCase);
            i = next < 0 ? -1 : i + 3 + next;
        }
        return false;
    }

    private static bool IsCivilianNoun(string? who)
    {
        if (who is null) return false;
        var head = who.AsSpan().Trim();
        var space = head.LastIndexOf(' ');
        if (space >= 0) head = head[(space + 1)..];
        return head is "people" or "civilians" or "civilian" or "persons" or "children" or "women" or "residents" or "villagers"
            or "worshippers" or "shoppers" or "passers-by" or "farmers" or "shepherds" or "family" or "members";
    }

    private static bool IsAreaType(PlaceMention p) => p.FeatureType is "governorate" or "region" or "desert" or "district" or "subdistrict";

    private bool LocatesPrevious(PlaceMention place, List<PlaceMention> list)
    {
        var previous = list.LastOrDefault(q => q.Phrase.End <= place.Phrase.Start);
        if (previous is null) return false;
        var gap = Document.Text.AsSpan(previous.Phrase.End, place.Phrase.Start - previous.Phrase.End).Trim();
        return gap is "in" or "in the" or ", in" or ", in the";
    }

    /// <summary>A place named as a part of a town that the sentence names right after it ("X neighbourhood in Y").</summary>
    private bool IsSubpart(PlaceMention place, List<PlaceMention> list)
    {
        foreach (var cue in Cues)
        {
            if (cue.Value != "subpart" || cue.Span.Start < place.Span.End || cue.Span.Start - place.Phrase.End > 3) continue;
            foreach (var q in list)
                if (q != place && q.Phrase.Start >= cue.Span.End && q.Phrase.Start - cue.Span.End <= 12) return true;
        }
        return false;
    }

    private bool IsLandmark(PlaceMention place, List<PlaceMention> list)
    {
        foreach (var cue in Cues)
        {
            // the cue may open the place's own phrase ("east of Homs desert")
            if (cue.Value != "landmark" || cue.Span.End > place.Span.Start || place.Span.Start - cue.Span.End > 12) continue;
            foreach (var q in list)
                if (q != place && q.Phrase.End <= cue.Span.Start && cue.Span.Start - q.Phrase.End <= 40) return true;
        }
        return false;
    }

    /// <summary>An actor mention wholly inside [<paramref name="start"/>, <paramref name="end"/>).</summary>
    private bool AnyActorWithin(int start, int end)
    {
        foreach (var a in Actors)
            if (a.Span.Start >= start && a.Span.End <= end) return true;
        return false;
    }

    /// <summary>The last place (by its phrase) wholly inside [<paramref name="start"/>, <paramref name="end"/>).</summary>
    private PlaceMention? LastPlaceWithin(int start, int end)
    {
        PlaceMention? last = null;
        foreach (var p in Places)
            if (p.Span.Start >= start && p.Phrase.End <= end) last = p;
        return last;
    }

    /// <summary>
    /// No place in the sentence: an earlier place of the paragraph, else one of the paragraph just before
    /// ("Also, the army tanks fired at ..." goes on where the last paragraph was), else the article's focus place.
    /// </summary>
    private PlaceMention? FallbackPlace(int sentence)
    {
        var start = SentenceSpan(sentence).Start;
        var paragraphIndex = Document.Sentences[sentence].Paragraph;
        for (var back = 0; back <= MaxFallbackParagraphs && paragraphIndex - back >= 0; back++)
        {
            var paragraph = Document.Body[paragraphIndex - back];
            // the paragraph's topic place: the most precise resolved one told before, the first of those
            var topic = Places.Where(p => p.Span.End <= start && paragraph.Contains(p.Span) && p.IsResolved && !IsOrigin(p, SentenceOf(p)) && !InsideActor(p.Span)
                    && !IsLandmark(p, Within(Places, SentenceOf(p)).ToList()))
                .OrderBy(p => p.GeoPrecision).ThenBy(p => p.Span.Start).FirstOrDefault();
            if (topic is not null) return topic;
        }
        return FocusPlace;
    }

    /// <summary>How many paragraphs back a sentence with no place of its own looks for one.</summary>
    private const int MaxFallbackParagraphs = 1;

    private TextSpan SentenceOf(Mention mention) =>
        Document.Sentences.FirstOrDefault(s => s.Span.Contains(mention.Span))?.Span ?? mention.Span;

    /// <summary>The most often named resolved place of the article (ties: the first named), origins aside.</summary>
    private PlaceMention? FocusPlace => _focusPlace ??= Places
        .Where(p => p.IsResolved && !IsOrigin(p, SentenceOf(p)) && p.FeatureType is not ("governorate" or "region" or "desert"))
        .GroupBy(p => p.GazetteerId)
        .OrderByDescending(g => g.Count())
        .ThenBy(g => g.First().Span.Start)
        .Select(g => g.First())
        .FirstOrDefault();

    private PlaceMention? _focusPlace;

    /// <summary>
    /// The event's date: one in its sentence (not the date of a report, "On June 25, ISIS announced"),
    /// else an earlier one of its paragraph, else the article's anchor date (the first it gives, title included).
    /// </summary>
    private (DateMention? Date, bool Local) DateFor(int sentence, PlaceMention? place)
    {
        var span = SentenceSpan(sentence);
        var paragraph = ParagraphOf(sentence);
        var local = Within(Dates, span).FirstOrDefault(d => !IsReportDate(d));
        if (local is not null) return (local, true);
        var earlier = Dates.LastOrDefault(d => d.Span.End <= span.Start && paragraph.Contains(d.Span) && !IsReportDate(d));
        if (earlier is not null) return (earlier, false);
        // "... airstrikes against northern Idlib. Operations in Idlib escalated on 5 October ...": the next sentence dates
        // the events of the same province
        if (place?.Admin1 is { } admin1 && sentence + 1 < Document.Sentences.Length)
        {
            var next = SentenceSpan(sentence + 1);
            var nextDate = Within(Dates, next).FirstOrDefault(d => !IsReportDate(d));
            if (nextDate is not null && Within(Places, next).Any(p => p.Admin1 == admin1 && !InsideActor(p.Span))) return (nextDate, false);
        }
        var date = Dates.FirstOrDefault(d => !IsReportDate(d))
            ?? Dates.FirstOrDefault();
        return (date, false);
    }

    private bool IsReportDate(DateMention date) =>
        Attributions.Any(a => a.Span.Start >= date.Span.End && a.Span.Start - date.Span.End <= 3);

    /// <summary>The source that governs the trigger: one before it in the sentence, an "according to" after it, else the paragraph's last.</summary>
    private AttributionMention? AttributionFor(int sentence, TextSpan trigger)
    {
        var span = SentenceSpan(sentence);
        var paragraph = ParagraphOf(sentence);
        // "X killed Y, the ministry said" counts; "..., a few days after official reports warned" is another clause
        var clause = ClauseOf(span, trigger);
        return Within(Attributions, span).LastOrDefault(a => a.Span.End <= trigger.Start)
            ?? Within(Attributions, clause).FirstOrDefault(a => a.Span.Start >= trigger.End)
            ?? Attributions.LastOrDefault(a => a.Span.End <= span.Start && paragraph.Contains(a.Span));
    }

    private bool IsHedged(TextSpan sentence)
    {
        foreach (var hedge in Within(Hedges, sentence))
        {
            var futureToll = Cues.Any(c => c.Value == "futuretoll" && c.Span.Start >= hedge.Span.End && c.Span.Start - hedge.Span.End <= 12);
            if (!futureToll) return true;
        }
        return false;
    }

    /// <summary>A quantity belongs to the trigger nearest before it in the sentence (or the first trigger).</summary>
    private bool NearestTrigger(QuantityMention quantity, int sentence, Text.PhraseMatch<TriggerDefinition> trigger)
    {
        var triggers = _accepted.TryGetValue(sentence, out var accepted) ? accepted : TriggersOf(sentence);
        var owner = triggers.LastOrDefault(t => t.Span.Start <= quantity.Span.Start && !t.Value.Weak) ;
        if (owner.Span == default) owner = triggers.FirstOrDefault(t => !t.Value.Weak);
        if (owner.Span == default) return true;
        return owner.Span == trigger.Span;
    }

    private readonly Dictionary<int, List<Text.PhraseMatch<TriggerDefinition>>> _triggers = [];
    private readonly Dictionary<int, List<Text.PhraseMatch<TriggerDefinition>>> _accepted = [];

    /// <summary>The triggers that frame events; casualties are shared out among these only.</summary>
    public void Accept(IEnumerable<(int Sentence, Text.PhraseMatch<TriggerDefinition> Trigger)> accepted)
    {
        foreach (var group in accepted.GroupBy(a => a.Sentence))
            _accepted[group.Key] = group.Select(a => a.Trigger).ToList();
    }

    /// <summary>The trigger phrases of a sentence, found once.</summary>
    public List<Text.PhraseMatch<TriggerDefinition>> TriggersOf(int sentence)
    {
        if (_triggers.TryGetValue(sentence, out var found)) return found;
        var (first, end) = TokenRange(sentence);
        return _triggers[sentence] = _lexicon.Triggers.FindAll(Document.Text, Document.Tokens, first, end);
    }

    /// <summary>Casualties told in a sentence with no trigger of its own belong to the paragraph's last event.</summary>
    public void AttachStrayQuantities(List<Frame> frames)
    {
        var framedSentences = frames.Select(f => f.Sentence).ToHashSet();
        for (var si = 0; si < Document.Sentences.Length; si++)
        {
            if (framedSentences.Contains(si)) continue;
            var quantities = Within(Quantities, SentenceSpan(si)).ToList();
            if (quantities.Count == 0) continue;
            var paragraph = Document.Sentences[si].Paragraph;
            var owners = CoveredEvents(frames, si);
            if (owners.Count == 0 && frames.LastOrDefault(f => f.Sentence < si && Document.Sentences[f.Sentence].Paragraph == paragraph) is { } last)
                owners.Add(last);
            foreach (var owner in owners)
            {
                owner.AddEvidence(SentenceSpan(si));
                foreach (var q in quantities) owner.AddQuantity(q);
                if (IsHedged(SentenceSpan(si))) owner.Hedged = true;
            }
        }
    }

    /// <summary>How many sentences back a summary ("killed in the two attacks") may reach for the events it covers.</summary>
    private const int SummaryReach = 3;

    /// <summary>
    /// "A total of 12 were killed in the two attacks", "in both raids", "in the clashes": a plural definite event noun after
    /// a list of events covers them: the last n when it counts them, else the run of events of its type told just before.
    /// </summary>
    private List<Frame> CoveredEvents(List<Frame> frames, int sentence)
    {
        var (first, _) = TokenRange(sentence);
        foreach (var trigger in TriggersOf(sentence))
        {
            if (trigger.Value.Role is not (TriggerRole.Noun or TriggerRole.Mutual) || !IsPlural(trigger)) continue;
            var count = CountBefore(trigger.TokenIndex, first);
            if (count is null && !IsDefiniteReference(trigger)) continue;
            var before = frames.Where(f => f.Sentence < sentence && sentence - f.Sentence <= SummaryReach).ToList();
            var run = new List<Frame>();
            for (var k = before.Count - 1; k >= 0; k--)
            {
                var f = before[k];
                if (run.Count > 0 && run.Any(r => r.PlaceKey == f.PlaceKey && r.SubEventType == f.SubEventType)) continue;
                if (count is null && f.EventType != trigger.Value.EventType && !trigger.Value.AirSensitive && !trigger.Value.HeavySensitive) break;
                run.Add(f);
                if (count is { } n && run.Count == n) break;
            }
            if (run.Count >= 2 && (count is null || run.Count == count)) { run.Reverse(); return run; }
        }
        return [];
    }

    private bool IsPlural(Text.PhraseMatch<TriggerDefinition> trigger)
    {
        var last = Document.Tokens[trigger.TokenIndex + trigger.TokenCount - 1].Span;
        var word = Document.Text.AsSpan(last.Start, last.Length);
        return word.Length > 3 && (word[^1] is 's' or 'S') && word[^2] is not ('s' or 'S');
    }

    /// <summary>"the two attacks", "both raids": the number of events a plural event noun counts, when it says.</summary>
    private int? CountBefore(int triggerToken, int sentenceFirst)
    {
        for (var k = triggerToken - 1; k >= sentenceFirst && k >= triggerToken - 2; k--)
        {
            var t = Document.Tokens[k].Span;
            var word = Document.Text.AsSpan(t.Start, t.Length);
            if (word.Equals("both", StringComparison.OrdinalIgnoreCase)) return 2;
            if (IsSmallNumberWord(word) || word is [>= '2' and <= '9']) return NumberPhrase.ParseNumber(word.ToString());
        }
        return null;
    }
}

/// <summary>Coordinated actor mentions that act as one side ("X and Y").</summary>
internal sealed class ActorGroup(ActorMention head, bool isSupporter)
{
    private readonly List<ActorMention> _members = [head];
    public ActorMention Head => _members[0];
    public IReadOnlyList<ActorMention> Members => _members;
    public bool IsSupporter { get; } = isSupporter;
    public TextSpan Span => new(_members[0].Span.Start, _members[^1].Span.End);
    public void Add(ActorMention mention) => _members.Add(mention);
}
