using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Actors;

/// <summary>
/// Finds actor mentions in body text and resolves them to canonical names: longest alias match over
/// normalised tokens, extended to the whole noun phrase ("Syrian army units", "remnants of ISIS"),
/// country-generic forms resolved to the document's focus country, and references ("the group",
/// "the warplanes") resolved to the latest matching actor before them.
/// </summary>
public sealed class ActorTagger(ActorLexicon lexicon) : IStage
{
    private readonly int _the = lexicon.IdOf("the");
    private readonly int _a = lexicon.IdOf("a");
    private readonly int _an = lexicon.IdOf("an");
    private readonly int _of = lexicon.IdOf("of");
    private readonly int _and = lexicon.IdOf("and");
    private readonly int _or = lexicon.IdOf("or");
    private readonly HashSet<int> _locatives = [.. ActorLexicon.FunctionWords.Locatives.Select(lexicon.IdOf)];
    private readonly HashSet<int> _backing = [.. ActorLexicon.FunctionWords.Backing.Select(lexicon.IdOf)];

    public ActorTagger() : this(ActorLexicon.LoadDefault()) { }

    public ActorLexicon Lexicon { get; } = lexicon;
    public string Name => "actors";
    public IReadOnlyList<string> Provides { get; } = [Produces.Actors];
    public IReadOnlyList<string> Requires { get; } = [];

    public Document Process(Document document)
    {
        var found = Find(document);
        return found.Length == 0 ? document : document.AddMentions(found);
    }

    [ThreadStatic] private static List<ActorToken>? t_tokens;

    /// <summary>The actor mentions of a document's body (its sentences when present), in text order.</summary>
    public ImmutableArray<ActorMention> Find(Document document)
    {
        var segments = Segments(document);
        if (segments.Count == 0) return [];
        // one token list per thread, reused from document to document (a huge document's list is not kept)
        var tokens = t_tokens is { Capacity: <= 1 << 16 } reused ? reused : t_tokens = new List<ActorToken>(1024);
        tokens.Clear();
        var bounds = new List<int>(segments.Count + 1);
        foreach (var span in segments)
        {
            bounds.Add(tokens.Count);
            ActorTokenizer.Tokenize(document.Text, span.Start, span.End, Lexicon, tokens);
        }
        bounds.Add(tokens.Count);
        var focus = FocusOf(tokens);
        var state = new MatchState(document.Text, tokens, focus);
        var result = ImmutableArray.CreateBuilder<ActorMention>();
        for (var s = 0; s + 1 < bounds.Count; s++)
        {
            state.SegmentStart = bounds[s];
            state.SegmentEnd = bounds[s + 1];
            state.Consumed = bounds[s];
            var k = bounds[s];
            while (k < state.SegmentEnd)
            {
                if (tokens[k].IsWord && tokens[k].Word >= 0 && TryMatch(state, k, out var mention, out var nextToken))
                {
                    result.Add(mention);
                    state.Remember(mention);
                    state.Consumed = nextToken;
                    k = nextToken;
                }
                else k++;
            }
        }
        return result.ToImmutable();
    }

    /// <summary>The document's focus country: the one with most cue words in its body (the first listed on ties).</summary>
    public string FocusCountry(Document document)
    {
        var tokens = new List<ActorToken>(256);
        foreach (var span in Segments(document)) ActorTokenizer.Tokenize(document.Text, span.Start, span.End, Lexicon, tokens);
        return FocusOf(tokens);
    }

    private string FocusOf(List<ActorToken> tokens)
    {
        var countries = Lexicon.FocusCountries;
        Span<int> votes = stackalloc int[countries.Count];
        foreach (var t in tokens)
            if (Lexicon.FocusVote(t.Word) is var c and >= 0) votes[c]++;
        var best = 0;
        for (var i = 1; i < votes.Length; i++)
            if (votes[i] > votes[best]) best = i;
        return countries[best];
    }

    /// <summary>"the US allowed", "Turkey transferred": a past-tense verb after a country makes the country the actor.</summary>
    private static bool IsPastTenseVerb(string text, ActorToken token)
    {
        var word = text.AsSpan(token.Start, token.End - token.Start);
        return word.Length > 3 && char.IsLower(word[0]) && word.EndsWith("ed", StringComparison.Ordinal)
            && !word.EndsWith("-based", StringComparison.Ordinal) && !word.EndsWith("-backed", StringComparison.Ordinal);
    }

    private static List<TextSpan> Segments(Document document)
    {
        var list = new List<TextSpan>();
        if (!document.Sentences.IsDefaultOrEmpty)
        {
            foreach (var sentence in document.Sentences)
                if (document.Body.IsDefaultOrEmpty || document.IsInBody(sentence.Span)) list.Add(sentence.Span);
        }
        else if (!document.Body.IsDefaultOrEmpty) list.AddRange(document.Body);
        return list;
    }

    private sealed class MatchState(string text, List<ActorToken> tokens, string focus)
    {
        public readonly string Text = text;
        public readonly List<ActorToken> Tokens = tokens;
        public readonly string Focus = focus;
        public int SegmentStart, SegmentEnd, Consumed;
        public ActorMention? LastNonState, LastStateArmed;

        public void Remember(ActorMention m)
        {
            if (m.ActorType is "rebel_group" or "political_militia" or "identity_militia" or "unidentified") LastNonState = m;
            else if (m.ActorType is "state_forces" or "external_forces") LastStateArmed = m;
        }
    }

    private bool TryMatch(MatchState st, int k, out ActorMention mention, out int next)
    {
        mention = null!;
        next = k;
        var tokens = st.Tokens;
        // Walk the alias trie as far as the words stay joined; remember every node that ends an alias.
        Span<(int End, int Node)> ends = stackalloc (int, int)[16];
        var count = 0;
        var node = 0;
        for (var j = k; j < st.SegmentEnd; j++)
        {
            var t = tokens[j];
            if (!t.IsWord || (j > k && !t.Joined)) break;
            node = Lexicon.AliasStep(node, t.Word);
            if (node < 0) break;
            if (Lexicon.AliasEntries(node) is not null && count < ends.Length) ends[count++] = (j + 1, node);
        }
        for (var c = count - 1; c >= 0; c--)
        {
            var (end, at) = ends[c];
            if (TryCandidate(st, k, end, Lexicon.AliasEntries(at)!, out mention, out next)) return true;
        }
        return false;
    }

    private bool TryCandidate(MatchState st, int k, int end, ActorEntry[] entries, out ActorMention mention, out int next)
    {
        mention = null!;
        next = end;
        var tokens = st.Tokens;
        ActorEntry? standalone = null, focusPick = null, modifier = null;
        var headClass = HeadEnd(st, end, out _);
        foreach (var e in entries)
        {
            if (e.CaseSensitive && !CasedMatch(st, k, e)) continue;
            if (e.ModifierOf != HeadClass.None)
            {
                if ((e.ModifierOf & headClass) != 0 && Better(modifier, e, st.Focus)) modifier = e;
                continue;
            }
            if (e.Focus)
            {
                if (Better(focusPick, e, st.Focus)) focusPick = e;
            }
            else standalone ??= e;
        }
        standalone ??= focusPick;

        // A modifier before a matching head noun ("Syrian army units", "Turkish-backed militants").
        if (modifier is not null)
            return Emit(st, k, end, modifier, modifier.IsReference, out mention, out next);

        // "US-backed SDF", "Idlib-based extremists": this phrase only modifies the actor after it.
        if (end < st.SegmentEnd && IsBacking(st, end)) return false;

        if (standalone is null)
        {
            // Coordinated modifiers: "Russian and Syrian warplanes" names Russia too.
            var modifiers = entries.Where(e => e.ModifierOf != HeadClass.None && (!e.CaseSensitive || CasedMatch(st, k, e))).ToArray();
            if (modifiers.Length > 0 && CoordinatedHead(st, end) is var coordinated and not HeadClass.None)
            {
                var pick = modifiers.FirstOrDefault(e => (e.ModifierOf & coordinated) != 0 && (!e.Focus || e.Country == st.Focus))
                           ?? modifiers.FirstOrDefault(e => (e.ModifierOf & coordinated) != 0);
                if (pick is not null)
                {
                    mention = Mention(st, ExtendLeft(st, k), end, pick, false);
                    return true;
                }
            }
            return false;
        }

        var entry = standalone;
        if (entry.IsPlace && k > st.SegmentStart && tokens[k - 1].IsWord && _locatives.Contains(tokens[k - 1].Word)) return false;
        // A country name before another word ("the US embassy", "US President", "Russia said") is not an armed actor;
        // "US forces", "backed by Russia," and "Russia and Iran" are.
        if (entry.IsPlace && (headClass & HeadsOf(entry)) == HeadClass.None && end < st.SegmentEnd && tokens[end].IsWord && tokens[end].Joined
            && tokens[end].Word != _and && tokens[end].Word != _or && !IsPastTenseVerb(st.Text, tokens[end])) return false;
        if (entry.Focus && end < st.SegmentEnd && tokens[end].Word == _of && !tokens[end].Possessive && headClass == HeadClass.None) return false;

        if (entry.Refers != ReferenceTarget.None)
        {
            // An appositive name: the terrorist organization "ISIS".
            if (Appositive(st, end, out var named, out var namedEnd))
                return Emit(st, k, namedEnd, named, isReference: false, out mention, out next);
            var antecedent = entry.Refers == ReferenceTarget.NonState ? st.LastNonState : st.LastStateArmed;
            if (antecedent is null) return false;
            var resolved = new ActorEntry(antecedent.Canonical, antecedent.ActorType, antecedent.Country, entry.Alias);
            return Emit(st, k, end, resolved, isReference: true, out mention, out next);
        }
        return Emit(st, k, end, entry, entry.IsReference, out mention, out next);
    }

    private bool Emit(MatchState st, int k, int end, ActorEntry entry, bool isReference, out ActorMention mention, out int next)
    {
        var tokens = st.Tokens;
        // "Syrian Arab Army (SAA)", "Hayat Tahrir al-Sham (HTS)".
        if (end + 2 < st.SegmentEnd && tokens[end].Punct == '(' && ParenthesisedSame(st, end + 1, entry.Canonical, out var close))
            end = close + 1;
        // Head nouns: "ISIS militants", "the army troops", "the Russian air force's strikes".
        if (entry.IsArmed || entry.ModifierOf != HeadClass.None)
        {
            var allowed = HeadsOf(entry);
            while (end < st.SegmentEnd && (HeadEnd(st, end, out var headEnd) & allowed) != 0) end = headEnd;
        }
        var start = ExtendLeft(st, k);
        mention = Mention(st, start, end, entry, isReference);
        next = end;
        return true;
    }

    private ActorMention Mention(MatchState st, int startToken, int endToken, ActorEntry entry, bool isReference)
    {
        var tokens = st.Tokens;
        return new ActorMention(new TextSpan(tokens[startToken].Start, tokens[endToken - 1].End), entry.Canonical, entry.ActorType, entry.Country, isReference)
        {
            Parent = entry.Parent ?? Lexicon.ParentOf(entry.Canonical),
        };
    }

    /// <summary>Moves the start left over "US-backed", a determiner, and "units of the" / "a group of".</summary>
    private int ExtendLeft(MatchState st, int k)
    {
        var tokens = st.Tokens;
        var floor = Math.Max(st.Consumed, st.SegmentStart);
        // "US-backed SDF", "Turkish army-backed", "Idlib-based extremists"
        if (k - 2 >= floor && tokens[k].Joined && IsBacking(st, k - 1))
        {
            k -= 2;
            while (k - 1 >= floor && tokens[k].Joined && tokens[k - 1].IsWord && !IsDeterminer(tokens[k - 1].Word)
                   && st.Text[tokens[k - 1].End] is '-' or '\u2010' or '\u2011') k--;
        }
        if (k - 1 >= floor && tokens[k].Joined && IsDeterminer(tokens[k - 1].Word)) k--;
        // "units of the Syrian army", "remnants of ISIS", "a group of ISIL"
        if (k - 2 >= floor && tokens[k].Joined && tokens[k - 1].Word == _of && tokens[k - 1].Joined
            && !tokens[k - 2].Possessive && (HeadEnd(st, k - 2, out var unitEnd, joined: false) & HeadClass.Unit) != 0 && unitEnd == k - 1)
        {
            k -= 2;
            if (k - 1 >= floor && tokens[k].Joined && IsDeterminer(tokens[k - 1].Word)) k--;
        }
        return k;
    }

    /// <summary>Whether <paramref name="candidate"/> beats <paramref name="current"/>: the first row, unless a focus row of the focus country comes later.</summary>
    private static bool Better(ActorEntry? current, ActorEntry candidate, string focus) =>
        current is null || (candidate.Focus && candidate.Country == focus && !(current.Focus && current.Country == focus));

    /// <summary>"-backed", "-led", "-based" hyphenated to the word before it.</summary>
    private bool IsBacking(MatchState st, int j)
    {
        var t = st.Tokens[j];
        return t.IsWord && t.Joined && _backing.Contains(t.Word) && st.Text[t.Start - 1] is '-' or '\u2010' or '\u2011';
    }

    /// <summary>Head nouns an actor takes: civilians take civilian heads, states military ones, armed groups both.</summary>
    private static HeadClass HeadsOf(ActorEntry entry) => entry.ActorType switch
    {
        "civilians" => HeadClass.Civilian,
        "state_forces" or "external_forces" => HeadClass.Military,
        _ => HeadClass.Military | HeadClass.Militant,
    };

    private bool IsDeterminer(int word) => word >= 0 && (word == _the || word == _a || word == _an);

    /// <summary>The classes of the longest head phrase starting at token <paramref name="k"/>, joined to the word before it.</summary>
    private HeadClass HeadEnd(MatchState st, int k, out int end, bool joined = true)
    {
        end = k;
        var tokens = st.Tokens;
        if (k >= st.SegmentEnd || !tokens[k].IsWord || (joined && !tokens[k].Joined)) return HeadClass.None;
        var node = 0;
        var found = HeadClass.None;
        for (var j = k; j < st.SegmentEnd; j++)
        {
            var t = tokens[j];
            if (!t.IsWord || (j > k && !t.Joined)) break;
            node = Lexicon.HeadStep(node, t.Word);
            if (node < 0) break;
            if (Lexicon.HeadAt(node) is var cls and not HeadClass.None) { found = cls; end = j + 1; }
        }
        return found;
    }

    /// <summary>After "Russian": "and Syrian warplanes" gives the class of the shared head.</summary>
    private HeadClass CoordinatedHead(MatchState st, int end)
    {
        var tokens = st.Tokens;
        var j = end;
        if (j >= st.SegmentEnd) return HeadClass.None;
        if (tokens[j].Punct == ',') j++;
        else if (tokens[j].Word != _and && tokens[j].Word != _or) return HeadClass.None;
        else j++;
        if (j < st.SegmentEnd && (tokens[j].Word == _and || tokens[j].Word == _or)) j++;
        // The next conjunct: a modifier (or modifier phrase) from the alias trie, then a head.
        var node = 0;
        for (var m = j; m < st.SegmentEnd && m < j + 4; m++)
        {
            var t = tokens[m];
            if (!t.IsWord || (m > j && !t.Joined)) break;
            node = Lexicon.AliasStep(node, t.Word);
            if (node < 0) break;
            if (Lexicon.AliasEntries(node) is { } entries && entries.Any(e => e.ModifierOf != HeadClass.None))
            {
                var cls = HeadEnd(st, m + 1, out _);
                if (cls != HeadClass.None) return cls;
            }
        }
        return HeadClass.None;
    }

    /// <summary>A name right after a reference, inside quotes: the terrorist organization “ISIS”.</summary>
    private bool Appositive(MatchState st, int end, out ActorEntry named, out int namedEnd)
    {
        named = null!;
        namedEnd = end;
        var tokens = st.Tokens;
        if (end + 1 >= st.SegmentEnd || tokens[end].Punct is not ('"' or '\u201C' or '\u2018' or '\'' or '\u00AB')) return false;
        if (!Longest(st, end + 1, out named, out var close) || named.Refers != ReferenceTarget.None || named.Focus) return false;
        namedEnd = close < st.SegmentEnd && tokens[close].Punct is '"' or '\u201D' or '\u2019' or '\'' or '\u00BB' ? close + 1 : close;
        return true;
    }

    private bool ParenthesisedSame(MatchState st, int k, string canonical, out int close)
    {
        close = -1;
        if (!Longest(st, k, out var inner, out var end) || inner.Canonical != canonical) return false;
        if (end >= st.SegmentEnd || st.Tokens[end].Punct != ')') return false;
        close = end;
        return true;
    }

    /// <summary>The longest standalone alias starting at token k (no modifiers, no head extension).</summary>
    private bool Longest(MatchState st, int k, out ActorEntry entry, out int end)
    {
        entry = null!;
        end = k;
        var node = 0;
        for (var j = k; j < st.SegmentEnd; j++)
        {
            var t = st.Tokens[j];
            if (!t.IsWord || (j > k && !t.Joined)) break;
            node = Lexicon.AliasStep(node, t.Word);
            if (node < 0) break;
            foreach (var e in Lexicon.AliasEntries(node) ?? [])
                if (e.ModifierOf == HeadClass.None && (!e.CaseSensitive || CasedMatch(st, k, e))) { entry = e; end = j + 1; break; }
        }
        return end > k;
    }

    private static bool CasedMatch(MatchState st, int k, ActorEntry e)
    {
        for (var i = 0; i < e.CasedTokens.Length; i++)
            if (!ActorTokenizer.CasedEquals(st.Text, st.Tokens[k + i], e.CasedTokens[i])) return false;
        return true;
    }
}

/// <summary>Adds the actor stage to a pipeline.</summary>
public static class ActorPipelineExtensions
{
    public static PipelineBuilder UseActors(this PipelineBuilder builder, ActorLexicon? lexicon = null) =>
        builder.Use(new ActorTagger(lexicon ?? ActorLexicon.LoadDefault()));
}
