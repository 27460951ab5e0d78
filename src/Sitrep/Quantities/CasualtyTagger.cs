using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Quantities;

/// <summary>
/// Finds counts of people killed, injured or captured and of materiel destroyed or seized in body text:
/// "killing at least 25 militants", "Eight soldiers were killed", "destroying 6 four-wheel drive vehicles".
/// Counts of people joined by "and" under one cue are summed into one mention, as ACLED counts the total
/// ("30 gunmen and 20 civilians were killed" gives Killed 50). "No casualties" gives Killed 0 with no Who.
/// </summary>
public sealed class CasualtyTagger(QuantityLexicon lexicon) : IStage
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "and", "or", "but", "in", "on", "at", "of", "to", "from", "by", "with", "for", "as", "into", "near", "than",
        "that", "which", "who", "whom", "whose", "while", "when", "after", "before", "during", "since", "until",
        "were", "was", "is", "are", "be", "been", "being", "had", "have", "has", "will", "would", "could", "may",
        "more", "other", "another", "this", "these", "those", "there", "here", "only", "including", "among",
        "reportedly", "allegedly", "all", "each", "both", "also", "later", "then", "over", "under", "inside", "outside",
    };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "were", "was", "are", "is", "been", "be", "being", "have", "has", "had", "reportedly", "allegedly",
        "reported", "also", "all", "later", "subsequently", "apparently", "confirmed", "believed", "feared",
        "to", "both", "each", "who", "that", "mostly", "mainly", "either", "now", "already", "said", "were",
        "either", "likely", "probably", "initially", "eventually", "ultimately",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "its", "their", "his", "her", "these", "those", "our",
    };

    private static readonly HashSet<string> PartitiveHeads = new(StringComparer.Ordinal)
    {
        "members", "member", "elements", "relatives",
    };

    private static readonly HashSet<string> SeverityWords = new(StringComparer.Ordinal)
    {
        "heavy", "major", "huge", "big", "great", "significant", "severe", "considerable", "large", "serious",
        "massive", "enormous", "substantial", "grave", "painful",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionLookup = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AuxiliaryLookup = Auxiliaries.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DeterminerLookup = Determiners.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PartitiveLookup = PartitiveHeads.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SeverityLookup = SeverityWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly QuantityLexicon _lexicon = lexicon;

    public CasualtyTagger() : this(QuantityLexicon.Default) { }

    public string Name => "quantities";
    public IReadOnlyList<string> Provides { get; } = [Produces.Quantities];
    public IReadOnlyList<string> Requires { get; } = [];

    public Document Process(Document document)
    {
        var found = Tag(document);
        return found.Count == 0 ? document : document.AddMentions(found);
    }

    /// <summary>The quantity mentions of a document's sentences (or body paragraphs when it has none).</summary>
    public List<QuantityMention> Tag(Document document)
    {
        var words = WordList.Of(document.Text);
        var found = new List<QuantityMention>();
        if (!document.Sentences.IsDefaultOrEmpty)
            foreach (var sentence in document.Sentences) TagRange(words, sentence.Span, found);
        else
            foreach (var paragraph in document.Body) TagRange(words, paragraph, found);
        return found;
    }

    /// <summary>Tags a bare phrase (tests, tools): the whole text is one body paragraph.</summary>
    public List<QuantityMention> Tag(string text) =>
        Tag(new Document { Id = "phrase", Text = text, Body = [new TextSpan(0, text.Length)] });

    private enum NounClass { None, People, Materiel, NounCue }

    private struct Count
    {
        public int Start, CountEnd, End; // words [Start, End); the amount is [Start, CountEnd)
        public CountPhrase Amount;
        public NounClass Class;
        public CueKind NounKind;
        public bool NeedsCue, ArticleOnly;
        public int WhoFirst, WhoLast; // inclusive, -1 when none
    }

    private void TagRange(WordList w, TextSpan range, List<QuantityMention> found)
    {
        w.Scan(range.Start, range.End);
        var n = w.Count;
        if (n == 0) return;
        var consumed = new bool[n];
        List<Count>? pending = null;
        CueKind? carryKind = null;
        var carryEnd = -1;
        var i = 0;
        while (i < n)
        {
            if (consumed[i]) { i++; continue; }
            if (TryZero(w, i, found, out var next) || TrySeverity(w, i, found, out next) || TryCollective(w, i, found, out next))
            {
                i = next;
                continue;
            }
            if (!TryCount(w, i, out var count)) { i++; continue; }

            var preCue = _lexicon.CueEndingAt(w, i - 1, CuePlace.Before, out var preFirst);
            var preKind = preCue?.Kind;
            var inherited = false;
            if (preCue is null && carryKind is not null && carryEnd == i - 1 && (w.Is(i - 1, "and") || w.Is(i - 1, ",")))
            {
                preKind = carryKind;
                inherited = true;
            }

            // People counts joined by "and" share one cue: "30 gunmen and 20 civilians were killed".
            var group = new List<Count> { count };
            while (count.Class == NounClass.People && w.IsAny(group[^1].End, "and", ",") &&
                   TryCount(w, group[^1].End + 1, out var more) && more.Class == NounClass.People &&
                   _lexicon.CueEndingAt(w, group[^1].End, CuePlace.Before, out _) is null)
                group.Add(more);
            var last = group[^1];

            // Post cue, after a parenthetical ", including 4 children," which is not counted again.
            var p = last.End;
            if (w.Is(p, ",") && w.IsAny(p + 1, "including", "among"))
            {
                var q = p + 2;
                while (q < n && !w.Is(q, ",") && !w.IsSentenceEnd(q)) consumed[q++] = true;
                p = w.Is(q, ",") ? q + 1 : q;
            }
            // "Two members of the Syrian army were killed": the "of" complement naming their side sits between count and cue
            if (preKind is null && last.Class == NounClass.People && w.Is(p, "of")) p = SkipComplement(w, p, n);
            var skipped = 0;
            while (p < n && skipped < 5 && AuxiliaryLookup.Contains(w[p])) { p++; skipped++; }
            var postCue = preKind is null ? _lexicon.CueStartingAt(w, p, CuePlace.After) : null;
            var kind = preKind ?? postCue?.Kind;

            var first = preKind is not null && !inherited ? preFirst : count.Start;
            var end = postCue is not null ? p + postCue.Words.Length - 1 : last.End - 1;

            QuantityKind? result = count.Class switch
            {
                NounClass.NounCue => Map(count.NounKind),
                NounClass.People => kind is null or CueKind.Destroyed ? null : Map(kind.Value),
                NounClass.Materiel => kind is null && (count.NeedsCue || count.ArticleOnly || count.Amount.IsVague) ? null : QuantityKind.Materiel,
                _ => kind is null or CueKind.Destroyed || count.ArticleOnly || IsYear(w, count) ? null : Map(kind.Value),
            };
            if (count.Class == NounClass.None && postCue is null && preCue is null) result = null;
            if (result is null)
            {
                if (count.Class == NounClass.People && kind is null) (pending ??= []).Add(count);
                if (count.Class is NounClass.People or NounClass.Materiel) { i = last.End; continue; }
                i++;
                continue;
            }

            found.Add(Emit(w, group, first, end, result.Value));
            if (preKind is not null) { carryKind = preKind; carryEnd = last.End; }
            i = Math.Max(last.End, end + 1);
        }
        if (pending is not null) ResolvePronouns(w, pending, found);
    }

    /// <summary>
    /// The word after an "of" complement ("of the Syrian Democratic Forces", "of the regime's Military Security") when an
    /// auxiliary or a cue follows it within a few words; else <paramref name="of"/> itself.
    /// </summary>
    private int SkipComplement(WordList w, int of, int n)
    {
        const int MaxWords = 7;
        for (var q = of + 1; q < n && q <= of + MaxWords; q++)
        {
            if (AuxiliaryLookup.Contains(w[q]) || _lexicon.CueStartingAt(w, q, CuePlace.After) is not null) return q;
            if (w.IsSentenceEnd(q) || w.Is(q, ",") || w.Is(q, ";") || w.IsDigits(q) || w.IsAny(q, "and", "or")) break;
        }
        return of;
    }

    /// <summary>Reads an amount and the noun it counts ("at least 25 militants of the organization").</summary>
    private bool TryCount(WordList w, int i, out Count count)
    {
        count = default;
        var used = NumberPhrase.Match(w, i, out var amount);
        if (used == 0) return false;
        // A bare year before a capital or a mark is a dateline, not a count: "2015 A Syrian military aircraft".
        if (used == 1 && amount.Value is >= 1900 and <= 2100 && w[i].Length == 4 && (w.IsCapitalized(i + 1) || w.IsPunctuation(i + 1)))
            return false;
        count.Start = i;
        count.CountEnd = count.End = i + used;
        count.Amount = amount;
        count.ArticleOnly = used == 1 && w.IsAny(i, "a", "an");
        count.WhoFirst = count.WhoLast = -1;

        var k = i + used;
        if (w.Is(k, "of") && !amount.IsVague) k++; // "28 of them", "one of the soldiers"
        while (DeterminerLookup.Contains(w[k])) k++;
        var whoFirst = k;
        for (var m = 0; m < 4 && k + m < w.Count; m++)
        {
            var idx = k + m;
            var word = w[idx];
            if (w.IsPunctuation(idx) || w.IsDigits(idx)) break;
            if (_lexicon.IsNounCue(word, out var nounKind))
            {
                count.Class = NounClass.NounCue;
                count.NounKind = nounKind;
                count.End = idx + 1;
                return true;
            }
            if (_lexicon.IsPerson(word))
            {
                count.Class = NounClass.People;
                var head = idx;
                while (_lexicon.IsPerson(w[head + 1]) && !w.IsPunctuation(head + 1)) head++;
                var single = head;
                head = ExtendPeople(w, head);
                // "a child and his mother": two people named one by one
                if (head != single && amount.Value == 1 && w.Is(single + 1, "and") && IsOnePerson(w, single + 2, head))
                    count.Amount = CountPhrase.Exact(2);
                count.WhoFirst = whoFirst;
                count.WhoLast = head;
                count.End = head + 1;
                return true;
            }
            if (_lexicon.IsMateriel(word, out var needsCue))
            {
                count.Class = NounClass.Materiel;
                count.NeedsCue = needsCue;
                count.WhoFirst = whoFirst;
                count.WhoLast = idx;
                count.End = idx + 1;
                return true;
            }
            if (FunctionLookup.Contains(word) || _lexicon.CueStartingAt(w, idx, CuePlace.Before | CuePlace.After) is not null) break;
        }
        // No counted noun: only a bare amount next to a cue may stand alone ("which killed dozens.").
        var after = i + used;
        var bare = after >= w.Count || w.IsPunctuation(after) || FunctionLookup.Contains(w[after]) ||
                   AuxiliaryLookup.Contains(w[after]) || _lexicon.CueStartingAt(w, after, CuePlace.After) is not null;
        return bare;
    }

    /// <summary>"his mother", "a woman", "another child": one more person after "and" (a possessive or article and a singular noun).</summary>
    private bool IsOnePerson(WordList w, int from, int head) =>
        head == from + 1 && (w.IsAny(from, "his", "her") || w.IsAny(from, "a", "an") || w.IsAny(from, "another", "their"))
        && _lexicon.IsPerson(w[head]) && !w[head].EndsWith("s") && !w[head].EndsWith("men") && !w[head].EndsWith("people");

    /// <summary>"members of the family"; "civilians and security personnel".</summary>
    private int ExtendPeople(WordList w, int head)
    {
        if (PartitiveLookup.Contains(w[head]) && w.Is(head + 1, "of"))
        {
            var k = head + 2;
            while (DeterminerLookup.Contains(w[k]) || w.IsAny(k, "a", "one") || w.Is(k, "same")) k++;
            if (k < head + 5 && _lexicon.IsPerson(w[k]) && !w.Is(k, "them")) head = k;
        }
        if (w.IsAny(head + 1, "and", "or") && NumberPhrase.Match(w, head + 2, out _) == 0)
        {
            for (var k = head + 2; k < head + 5 && k < w.Count; k++)
            {
                if (w.IsPunctuation(k) || w.IsDigits(k) || FunctionLookup.Contains(w[k]) ||
                    _lexicon.CueStartingAt(w, k, CuePlace.Before | CuePlace.After) is not null) break;
                if (_lexicon.IsPerson(w[k])) return k;
            }
        }
        return head;
    }

    /// <summary>"no casualties", "no one was killed": an explicit zero, with no Who.</summary>
    private bool TryZero(WordList w, int i, List<QuantityMention> found, out int next)
    {
        next = i;
        if (w.Is(i, "no") && _lexicon.IsNounCue(w[i + 1], out var nounKind))
        {
            var kind = nounKind == CueKind.Injured ? QuantityKind.Injured : QuantityKind.Killed;
            found.Add(new QuantityMention(w.Cover(i, i + 1), kind, 0, null, null, null, false));
            next = i + 2;
            return true;
        }
        var subject = w.Is(i, "nobody") || w.Is(i, "none") ? 1 : w.Is(i, "no") && w.Is(i + 1, "one") ? 2 : 0;
        if (subject == 0) return false;
        var p = i + subject;
        while (p < w.Count && AuxiliaryLookup.Contains(w[p])) p++;
        var cue = _lexicon.CueStartingAt(w, p, CuePlace.After);
        if (cue is null || cue.Kind == CueKind.Destroyed) return false;
        var end = p + cue.Words.Length - 1;
        found.Add(new QuantityMention(w.Cover(i, end), Map(cue.Kind), 0, null, null, null, false));
        next = end + 1;
        return true;
    }

    /// <summary>"inflicting heavy losses on ISIS remnants", "major casualties": a vague killed-or-injured count.</summary>
    private bool TrySeverity(WordList w, int i, List<QuantityMention> found, out int next)
    {
        next = i;
        if (!SeverityLookup.Contains(w[i]) || !_lexicon.IsNounCue(w[i + 1], out var nounKind)) return false;
        if (w.IsAny(i - 1, "without", "no") || w.Is(i - 1, "avoid")) return false;
        var end = i + 1;
        string? who = null;
        if (w.IsAny(i + 2, "on", "among") || w.Is(i + 2, "in"))
        {
            var k = i + 3;
            while (DeterminerLookup.Contains(w[k])) k++;
            for (var m = 0; m < 4 && k + m < w.Count; m++)
            {
                var idx = k + m;
                if (w.IsPunctuation(idx) || FunctionLookup.Contains(w[idx])) break;
                if (_lexicon.IsPerson(w[idx]))
                {
                    who = w.Slice(k, idx);
                    end = idx;
                    break;
                }
            }
        }
        found.Add(new QuantityMention(w.Cover(i, end), Map(nounKind), null, null, null, who, true));
        next = end + 1;
        return true;
    }

    /// <summary>"killing their crew": a cue, a possessive and a group noun is a vague count.</summary>
    private bool TryCollective(WordList w, int i, List<QuantityMention> found, out int next)
    {
        next = i;
        if (!(w.IsAny(i, "their", "its") || w.IsAny(i, "his", "the")) || !_lexicon.IsCollective(w[i + 1])) return false;
        var cue = _lexicon.CueEndingAt(w, i - 1, CuePlace.Before, out var first);
        if (cue is null || cue.Kind == CueKind.Destroyed) return false;
        found.Add(new QuantityMention(w.Cover(first, i + 1), Map(cue.Kind), null, null, null, w.Slice(i + 1, i + 1), true));
        next = i + 2;
        return true;
    }

    /// <summary>People counted before a cue that refers back to them: "allowed over 120 ISIL members ... and killed them".</summary>
    private void ResolvePronouns(WordList w, List<Count> pending, List<QuantityMention> found)
    {
        foreach (var count in pending)
        {
            for (var t = count.End; t < w.Count && !w.IsSentenceEnd(t); t++)
            {
                if (!w.Is(t, "them")) continue;
                var before = w.Is(t - 1, "of") && w.Is(t - 2, "all") ? t - 3 : t - 1;
                var cue = _lexicon.CueEndingAt(w, before, CuePlace.Before, out _);
                if (cue is null || cue.Kind == CueKind.Destroyed) continue;
                found.Add(Emit(w, [count], count.Start, count.End - 1, Map(cue.Kind)));
                break;
            }
        }
    }

    private static QuantityMention Emit(WordList w, List<Count> group, int first, int last, QuantityKind kind)
    {
        int? value = 0, low = null, high = null;
        var vague = false;
        string? who = null;
        foreach (var c in group)
        {
            var a = c.Amount;
            vague |= a.IsVague;
            value = a.Value is null || value is null ? null : value + a.Value;
            if (a.Low is not null || low is not null) low = (low ?? 0) + (a.Low ?? a.Value ?? 0);
            if (a.High is not null || high is not null) high = (high ?? 0) + (a.High ?? a.Value ?? 0);
            if (c.WhoFirst >= 0)
            {
                var part = w.Slice(c.WhoFirst, c.WhoLast);
                who = who is null ? part : $"{who} and {part}";
            }
        }
        if (vague) value = low = high = null;
        return new QuantityMention(w.Cover(first, last), kind, value, low, high, who, vague);
    }

    private static bool IsYear(WordList w, Count c) =>
        c.CountEnd - c.Start == 1 && w.IsDigits(c.Start) && w[c.Start].Length == 4 &&
        c.Amount.Value is >= 1900 and <= 2100;

    private static QuantityKind Map(CueKind kind) => kind switch
    {
        CueKind.Killed => QuantityKind.Killed,
        CueKind.Injured => QuantityKind.Injured,
        CueKind.Captured => QuantityKind.Captured,
        CueKind.KilledOrInjured => QuantityKind.KilledOrInjured,
        _ => QuantityKind.Materiel,
    };
}
