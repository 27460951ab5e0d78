using System.Collections.Frozen;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Places;

/// <summary>
/// Finds place names in body text (one pass per sentence or paragraph: 1..6-token windows looked up by
/// <see cref="PlaceNameKey"/>, longest first), reads the locative phrase around each ("the vicinity of",
/// "southern countryside of", "X governorate", "the towns of X and Y", "the X and Y deserts"), resolves it
/// against the <see cref="Gazetteer"/> (focus country, governorate or place it is said to be in or near,
/// nearby places, rank) and sets an honest geo precision. A name that cannot be placed but is said to be in
/// or near a known place ("the village of X in the countryside of Y") gets Y's point with precision 2.
/// </summary>
public sealed class PlaceTagger : IStage
{
    private const int MaxWindow = 6;
    private const int MaxCueWordLength = 13;

    [Flags]
    private enum Cue : uint
    {
        None = 0,
        Article = 1 << 0, Site = 1 << 1, Plural = 1 << 2, Near = 1 << 3, AfterNear = 1 << 4, Gov = 1 << 5,
        StopCue = 1 << 6, Strong = 1 << 7, RegionTail = 1 << 8, Distance = 1 << 9, Direction = 1 << 10,
        Determiner = 1 << 11, Of = 1 << 12, And = 1 << 13, Between = 1 << 14, City = 1 << 15, Link = 1 << 16,
        Zone = 1 << 17, Countryside = 1 << 18,
    }

    [Flags]
    private enum TokFlags : byte { None = 0, Cap = 1, Arabic = 2, Digit = 4, Joined = 8, PunctBefore = 16, SentenceStart = 32 }

    private static readonly FrozenDictionary<string, (Cue Cue, CompassDirection Dir)> Words = BuildWords();
    private static readonly FrozenDictionary<string, (Cue Cue, CompassDirection Dir)>.AlternateLookup<ReadOnlySpan<char>> WordsSpan =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly string DesertKey = PlaceNameKey.Of("desert");
    private static readonly string MountainKey = PlaceNameKey.Of("mountains");

    private static FrozenDictionary<string, (Cue, CompassDirection)> BuildWords()
    {
        var d = new Dictionary<string, (Cue Cue, CompassDirection Dir)>(StringComparer.OrdinalIgnoreCase);
        void Add(Cue cue, params string[] words)
        {
            foreach (var w in words) d[w] = d.TryGetValue(w, out var v) ? (v.Cue | cue, v.Dir) : (cue, CompassDirection.None);
        }
        Add(Cue.Site, "city", "town", "village", "villages", "hamlet", "towns", "cities", "settlement", "camp", "neighbourhood", "neighborhood",
            "مدينة", "بلدة", "قرية", "مخيم", "حي");
        Add(Cue.Plural, "villages", "towns", "cities", "provinces", "governorates", "deserts", "mountains", "countrysides", "areas", "regions");
        Add(Cue.City, "city");
        Add(Cue.Near, "near", "nearby", "around", "outskirts", "vicinity", "countryside", "desert", "deserts",
            "badia", "badiya", "badiyeh", "environs", "surroundings", "outside", "between", "approaches", "edge", "edges", "parts", "part", "areas", "area",
            "region", "regions", "axis", "front", "fronts", "frontline", "direction", "farms", "plain", "plains", "suburbs", "periphery", "depth", "surrounding", "close",
            "towards", "toward",
            "قرب", "محيط", "ريف", "بادية", "أطراف", "اطراف", "منطقة", "شرق", "غرب", "شمال", "جنوب", "بين");
        Add(Cue.AfterNear, "countryside", "desert", "deserts", "badia", "area", "areas", "region", "outskirts",
            "surroundings", "environs", "axis", "front", "battlefront", "frontline", "triangle", "plain", "plains", "suburbs", "vicinity", "direction",
            "farms", "district", "periphery", "countrysides");
        Add(Cue.Countryside, "countryside", "countrysides");
        Add(Cue.Gov, "governorate", "governorates", "province", "provinces", "gov", "muhafaza", "muhafazah", "wilayat", "wilayah", "محافظة");
        Add(Cue.StopCue, "in", "at", "inside", "into", "from", "to", "towards", "toward", "across", "on", "entered", "reached", "captured", "stormed",
            "shelled", "struck", "hit", "targeted", "attacked", "liberated", "seized", "في", "على", "من", "إلى", "الى");
        Add(Cue.Strong, "in", "at", "inside", "into", "near", "vicinity", "outskirts", "countryside", "town", "village", "villages", "city", "entered",
            "captured", "stormed", "shelled", "liberated", "seized", "reached", "towards", "toward", "from", "في", "قرب", "محيط", "ريف", "مدينة", "بلدة", "قرية");
        Add(Cue.RegionTail, "desert", "deserts", "mountains", "mountain", "badia", "airport", "airbase", "base", "field", "fields", "station",
            "crossing", "dam", "zone", "triangle", "region", "plain");
        Add(Cue.Article, "al", "el", "ar", "as", "ad", "at", "az", "ash", "an", "ath", "adh", "ed", "es", "er", "et", "ez", "en", "ul");
        Add(Cue.Distance, "km", "kms", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile", "meters", "metres");
        Add(Cue.Determiner, "the", "a", "an", "its", "their");
        Add(Cue.Of, "of");
        Add(Cue.And, "and", "or");
        Add(Cue.Between, "between");
        Add(Cue.Link, "in", "near", "at", "inside", "outside", "around", "close", "within", "nearby");
        Add(Cue.Zone, "area", "zone", "region");
        void Dir(CompassDirection dir, params string[] words)
        {
            foreach (var w in words) d[w] = (Cue.Direction, dir);
        }
        Dir(CompassDirection.East, "eastern", "east");
        Dir(CompassDirection.West, "western", "west");
        Dir(CompassDirection.North, "northern", "north");
        Dir(CompassDirection.South, "southern", "south");
        Dir(CompassDirection.NorthEast, "northeastern", "northeast");
        Dir(CompassDirection.NorthWest, "northwestern", "northwest");
        Dir(CompassDirection.SouthEast, "southeastern", "southeast");
        Dir(CompassDirection.SouthWest, "southwestern", "southwest");
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private readonly Gazetteer _gazetteer;

    public PlaceTagger(Gazetteer gazetteer) => _gazetteer = gazetteer;

    public string Name => "places";
    public IReadOnlyList<string> Provides { get; } = [Produces.Places];
    public IReadOnlyList<string> Requires { get; } = [];

    private struct Tok
    {
        public int Start, End, KeyStart, KeyLen;
        public Cue Cue;
        public CompassDirection Dir;
        public TokFlags Flags;
        public readonly bool Is(TokFlags f) => (Flags & f) != 0;
        public readonly bool Has(Cue c) => (Cue & c) != 0;
        public readonly bool CapLike => (Flags & (TokFlags.Cap | TokFlags.Arabic | TokFlags.Digit)) != 0;
    }

    /// <summary>Tokens and folded keys of one document, computed once; one per thread, reused from document to document.</summary>
    private sealed class Scan
    {
        [ThreadStatic] private static Scan? t_current;

        public string Text = "";
        public Tok[] Toks = new Tok[512];
        public int Count;
        public char[] Keys = new char[2048];
        public int KeysUsed;

        /// <summary>This thread's scan, emptied for <paramref name="text"/> (tokens are fully written before they are read).</summary>
        public static Scan For(string text, int capacity)
        {
            var scan = t_current ??= new Scan();
            scan.Text = text;
            scan.Count = 0;
            scan.KeysUsed = 0;
            if (scan.Toks.Length < capacity) scan.Toks = new Tok[capacity];
            // a huge document does not keep its buffers alive for the rest of the thread's life
            if (scan.Toks.Length > 1 << 16) scan.Toks = new Tok[Math.Max(512, capacity)];
            if (scan.Keys.Length > 1 << 18) scan.Keys = new char[2048];
            return scan;
        }

        public ReadOnlySpan<char> Word(int k) => Text.AsSpan(Toks[k].Start, Toks[k].End - Toks[k].Start);

        public ReadOnlySpan<char> Key(int k)
        {
            ref var t = ref Toks[k];
            if (t.KeyLen < 0)
            {
                Span<char> key = stackalloc char[64];
                var n = PlaceNameKey.TokenKey(Text.AsSpan(t.Start, Math.Min(t.End - t.Start, 60)), key);
                if (KeysUsed + n > Keys.Length) Array.Resize(ref Keys, Math.Max(Keys.Length * 2, KeysUsed + n + 64));
                key[..n].CopyTo(Keys.AsSpan(KeysUsed));
                t.KeyStart = KeysUsed;
                t.KeyLen = n;
                KeysUsed += n;
            }
            return Keys.AsSpan(t.KeyStart, t.KeyLen);
        }
    }

    private sealed class Match
    {
        public int Unit, TokStart, TokEnd, PhraseTokStart, PhraseTokEnd;
        public TextSpan Span;
        public int PhraseStart, PhraseEnd;
        public int[] Candidates = [];
        public int[] ExactCandidates = [];
        public bool Near, Site, GovCue, CityCue, Strong, Between, Exact, Countryside;
        public CompassDirection Direction;
        public string Surface = "";
        public string Key = "";
        public string? ContextAdmin1;
        public bool Drop;
        public Match? Container;
        public GazetteerEntry? Entry;
        public PlaceMention? Result;
    }

    private readonly record struct Anchor(double Lat, double Lon, int Unit, Match From, int Entry);

    public Document Process(Document document)
    {
        IReadOnlyList<TextSpan> units;
        if (document.Sentences.IsDefaultOrEmpty) units = document.Body;
        else
        {
            var spans = new TextSpan[document.Sentences.Length];
            for (var i = 0; i < spans.Length; i++) spans[i] = document.Sentences[i].Span;
            units = spans;
        }
        if (units.Count == 0) return document;
        var mentions = Tag(document.Text, units);
        return mentions.Count == 0 ? document : document.AddMentions(mentions);
    }

    /// <summary>Tags place mentions in the given spans of <paramref name="text"/> (each a sentence or paragraph).</summary>
    public List<PlaceMention> Tag(string text, IReadOnlyList<TextSpan> units)
    {
        var chars = 0;
        foreach (var u in units) chars += u.End - u.Start;
        var scan = Scan.For(text, chars / 5 + 16);
        var unitStart = new int[units.Count + 1];
        var matches = new List<Match>();
        int syria = 0, iraq = 0;
        for (var u = 0; u < units.Count; u++)
        {
            unitStart[u] = scan.Count;
            Tokenise(scan, units[u], ref syria, ref iraq);
            FindMatches(scan, u, unitStart[u], scan.Count, matches);
        }
        unitStart[units.Count] = scan.Count;
        if (matches.Count == 0) return [];
        // The country the article is about: its own words for it, then names that exist in only one of the two.
        foreach (var m in matches)
        {
            var voters = m.ExactCandidates;
            if (voters.Length == 0 || voters.Length > 8) continue;
            var country = _gazetteer[voters[0]].Country;
            if (country is not ("SY" or "IQ") || voters.Any(i => _gazetteer[i].Country != country)) continue;
            if (country == "SY") syria++; else iraq++;
        }
        var focus = iraq > syria ? "IQ" : "SY";

        // A generic region word ("Badia") followed by "of <place>" is described by that place's mention instead.
        for (var m = 0; m + 1 < matches.Count; m++)
        {
            var a = matches[m]; var b = matches[m + 1];
            if (a.Unit == b.Unit && b.TokStart == a.TokEnd + 1 && scan.Toks[a.TokEnd].Has(Cue.Of) && a.TokEnd - a.TokStart == 1
                && a.Candidates.All(i => _gazetteer[i].FeatureType is "desert" or "region"))
                a.Drop = true;
        }
        DistributeOverLists(scan, matches);

        // A governorate named next to a place says where to look for it ("al-Sukhnah in eastern Homs").
        foreach (var m in matches)
            foreach (var o in matches)
            {
                if (o == m || o.Unit != m.Unit || m.ContextAdmin1 is not null || o.Drop) continue;
                var gap = o.TokStart >= m.TokEnd ? o.TokStart - m.TokEnd : m.TokStart - o.TokEnd;
                if (gap < 0 || gap > 8) continue;
                foreach (var i in o.Candidates)
                    if (_gazetteer[i].IsGovernorate) { m.ContextAdmin1 = _gazetteer[i].Admin1; break; }
            }
        LinkContainers(scan, matches);

        var anchors = new List<Anchor>();
        foreach (var m in matches)
        {
            if (m.Drop) continue;
            var cands = Filter(m, focus);
            // An anchor is a name with one reading: one candidate, or one exact spelling of a town.
            var only = cands.Count == 1 ? cands[0]
                : m.ExactCandidates.Length == 1 && _gazetteer[m.ExactCandidates[0]].Rank >= 10000 && cands.Contains(m.ExactCandidates[0]) ? m.ExactCandidates[0] : -1;
            // "Hama countryside" names an area around the town, no point to measure other names against
            if (only >= 0 && !_gazetteer[only].IsGovernorate && !m.Countryside)
                anchors.Add(new Anchor(_gazetteer[only].Lat, _gazetteer[only].Lon, m.Unit, m, only));
        }

        var subRegions = Resolve(matches, focus, anchors, null);
        // "Western Raqqa" is placed where the article's own places in western Raqqa are, once those are known.
        if (subRegions)
        {
            var resolvedPoints = new List<(double Lat, double Lon, GazetteerEntry Entry)>();
            foreach (var m in matches)
                if (!m.Drop && m.Entry is { IsArea: false } e) resolvedPoints.Add((e.Lat, e.Lon, e));
            Resolve(matches, focus, anchors, resolvedPoints);
        }
        var result = new List<PlaceMention>(matches.Count);
        foreach (var m in matches)
            if (!m.Drop && m.Result is not null) result.Add(m.Result);
        return result;
    }

    /// <summary>Resolves every match right to left (so the place a name is said to be in or near comes first); true if any is a sub-region.</summary>
    private bool Resolve(List<Match> matches, string focus, List<Anchor> anchors, List<(double Lat, double Lon, GazetteerEntry Entry)>? regionPoints)
    {
        var subRegions = false;
        for (var k = matches.Count - 1; k >= 0; k--)
        {
            var m = matches[k];
            m.Result = null;
            m.Entry = null;
            if (m.Drop) continue;
            var chosen = m.Candidates.Length == 0 ? null : Choose(m, Filter(m, focus), focus, anchors);
            if (chosen is not null)
            {
                m.Entry = chosen;
                m.Result = ToMention(m, chosen, regionPoints);
                subRegions |= chosen.IsGovernorate && m.Direction != CompassDirection.None;
                continue;
            }
            if (m.Container?.Result is { IsResolved: true } c)
                m.Result = new PlaceMention(m.Span, new TextSpan(m.PhraseStart, m.PhraseEnd), m.Surface, c.GazetteerId, c.Country, c.Admin1, c.Admin2,
                    c.Lat, c.Lon, "settlement", 2);
            else if (m.Candidates.Length == 0 || m.Site || m.Strong)
                m.Result = new PlaceMention(m.Span, new TextSpan(m.PhraseStart, m.PhraseEnd), m.Surface, null, null, null, null, null, null,
                    "settlement", m.Near ? 2 : 1);
        }
        return subRegions;
    }

    private static void Tokenise(Scan s, TextSpan unit, ref int syria, ref int iraq)
    {
        var text = s.Text;
        var first = s.Count;
        var i = unit.Start;
        var gapStart = unit.Start;
        while (i < unit.End)
        {
            var c = text[i];
            if (!PlaceNameKey.IsWordChar(c)) { i++; continue; }
            var start = i;
            while (i < unit.End && (PlaceNameKey.IsWordChar(text[i]) ||
                   (PlaceNameKey.IsApostrophe(text[i]) && i + 1 < unit.End && PlaceNameKey.IsWordChar(text[i + 1]))))
                i++;
            var end = i;
            if (end - start > 2 && (text[end - 1] is 's' or 'S') && PlaceNameKey.IsApostrophe(text[end - 2])) end -= 2;
            bool joined = start - gapStart <= 3, punct = false, sentence = s.Count == first;
            for (var g = gapStart; g < start; g++)
            {
                var gc = text[g];
                if (gc is ' ' or '-' or '‐' || char.IsWhiteSpace(gc)) continue;
                joined = false;
                if (!PlaceNameKey.IsApostrophe(gc) && gc is not ('"' or '“' or '”')) punct = true;
                if (gc is '.' or '!' or '?' or ':' or ';' or '(' or '“') sentence = true;
            }
            var flags = TokFlags.None;
            if (char.IsUpper(c)) flags |= TokFlags.Cap;
            else if (c is >= '\u0600' and <= '\u06FF') flags |= TokFlags.Arabic;
            else if (char.IsAsciiDigit(c)) flags |= TokFlags.Digit;
            if (s.Count > first && joined) flags |= TokFlags.Joined;
            if (s.Count == first || punct) flags |= TokFlags.PunctBefore;
            if (sentence) flags |= TokFlags.SentenceStart;
            var cue = Cue.None;
            var dir = CompassDirection.None;
            var word = text.AsSpan(start, end - start);
            if (word.Length <= MaxCueWordLength && WordsSpan.TryGetValue(word, out var w)) (cue, dir) = w;
            if ((flags & TokFlags.Cap) != 0 && word.Length is 4 or 5 or 6 or 7)
            {
                if (word is "Syria" or "Syrian" or "Syrians") syria++;
                else if (word is "Iraq" or "Iraqi" or "Iraqis") iraq++;
            }
            if (s.Count == s.Toks.Length) Array.Resize(ref s.Toks, s.Toks.Length * 2);
            s.Toks[s.Count++] = new Tok { Start = start, End = end, KeyLen = -1, Cue = cue, Dir = dir, Flags = flags };
            gapStart = i;
        }
    }

    private void FindMatches(Scan s, int unit, int from, int to, List<Match> matches)
    {
        Span<char> window = stackalloc char[MaxWindow * 66];
        var toks = s.Toks;
        var i = from;
        while (i < to)
        {
            var t = toks[i];
            var startsName = t.CapLike ||
                (t.Has(Cue.Article) && i + 1 < to && toks[i + 1].Is(TokFlags.Joined) && toks[i + 1].Is(TokFlags.Cap | TokFlags.Arabic)
                 && OpensName(s, i));
            if (!startsName) { i++; continue; }
            if (t.Is(TokFlags.Digit) && TryDistanceZone(s, unit, i, from, to, matches, out var next)) { i = next; continue; }

            // The first key token (articles fold away; "T-3" glues its digit) must start some gazetteer key.
            var f = i;
            while (f < to && f - i < 2 && s.Key(f).Length == 0 && (f == i || toks[f].Is(TokFlags.Joined))) f++;
            var longest = 0;
            if (f < to && s.Key(f).Length > 0 && (f == i || toks[f].Is(TokFlags.Joined)))
            {
                var len = 0;
                s.Key(f).CopyTo(window); len = s.Key(f).Length;
                for (var g = f + 1; g < to && toks[g].Is(TokFlags.Digit) && toks[g].Is(TokFlags.Joined); g++)
                {
                    s.Key(g).CopyTo(window[len..]); len += s.Key(g).Length;
                }
                longest = _gazetteer.LongestKeyStartingWith(window[..len]);
            }

            var matched = false;
            var maxN = Math.Min(MaxWindow, to - i);
            for (var n = maxN; n >= 1 && !matched && longest > 0; n--)
            {
                var ok = true;
                for (var j = i + 1; j < i + n; j++) if (!toks[j].Is(TokFlags.Joined)) { ok = false; break; }
                if (!ok) continue;
                var last = toks[i + n - 1];
                if (!(last.CapLike || last.Has(Cue.RegionTail))) continue;
                var len = 0; var keyed = 0; var lastKeyed = -1;
                for (var j = i; j < i + n; j++)
                {
                    var key = s.Key(j);
                    if (key.Length == 0) continue;
                    var glued = toks[j].Is(TokFlags.Digit) && len > 0;
                    if (len > 0 && !glued) window[len++] = ' ';
                    if (!glued) keyed++;
                    key.CopyTo(window[len..]);
                    len += key.Length; lastKeyed = j;
                }
                if (len == 0 || keyed > longest || !_gazetteer.TryLookupKey(window[..len], out var cands)) continue;
                if (keyed == 1 && _gazetteer.IsStopWord(s.Word(lastKeyed))) continue;
                var m = Analyse(s, unit, i, i + n, from, to, cands);
                m.Key = new string(window[..len]);
                // "the villages of X and Y": Y is as much a named site as X.
                if (matches.Count > 0 && matches[^1] is var prior && InList(s, prior, m)) { m.Strong |= prior.Strong; m.Site |= prior.Site; }
                if (!Accept(s, m, from, to)) continue;
                matches.Add(m);
                i += n;
                matched = true;
            }
            if (matched) continue;
            // An unknown name after "the town of" / "village of" is kept rather than dropped.
            // (a common word may open a longer name: "the village of Arab Said")
            if (t.Is(TokFlags.Cap) && i - 2 >= from && toks[i - 1].Has(Cue.Of) && toks[i - 2].Has(Cue.Site)
                && (!_gazetteer.IsStopWord(s.Word(i)) || (i + 1 < to && toks[i + 1].Is(TokFlags.Joined) && toks[i + 1].Is(TokFlags.Cap))))
            {
                var j = i + 1;
                while (j < to && j - i < 4 && toks[j].Is(TokFlags.Joined) && (toks[j].Is(TokFlags.Cap) || toks[j].Has(Cue.Article))) j++;
                while (j - 1 > i && !toks[j - 1].Is(TokFlags.Cap)) j--;
                matches.Add(Analyse(s, unit, i, j, from, to, []));
                i = j;
                continue;
            }
            i++;
        }
    }

    /// <summary>
    /// Whether a lower-case article token opens the name after it: "al Bab", "al-Sukhnah", "as-Sukhnah", but not
    /// the English words "at Aleppo", "as Raqqa", "an Iraqi".
    /// </summary>
    private static bool OpensName(Scan s, int k)
    {
        var t = s.Toks[k];
        if (t.End < s.Text.Length && s.Text[t.End] is '-' or '‐' or '–') return true;
        var word = s.Word(k);
        return !(word is "at" or "as" or "an" or "en" or "et" or "es" or "er" or "ad" or "ed");
    }

    /// <summary>"the 55 km area", "55-kilometre zone", "the area (55 km)", "the 55th area": a zone named by its size.</summary>
    private bool TryDistanceZone(Scan s, int unit, int i, int from, int to, List<Match> matches, out int next)
    {
        next = i;
        var toks = s.Toks;
        var digits = s.Word(i);
        var d = 0;
        while (d < digits.Length && char.IsAsciiDigit(digits[d])) d++;
        var ordinal = d < digits.Length;
        if (ordinal && !digits[d..].Equals("th", StringComparison.OrdinalIgnoreCase)) return false;
        int start, end;
        if (!ordinal && i + 2 < to && toks[i + 1].Has(Cue.Distance) && toks[i + 2].Has(Cue.Zone)) { start = i; end = i + 3; }
        else if (ordinal && i + 1 < to && toks[i + 1].Has(Cue.Zone)) { start = i; end = i + 2; }
        else if (!ordinal && i - 1 >= from && i + 1 < to && toks[i - 1].Has(Cue.Zone) && toks[i + 1].Has(Cue.Distance)) { start = i - 1; end = i + 2; }
        else return false;
        var key = PlaceNameKey.Of($"{digits[..d]} km area");
        if (!_gazetteer.TryLookupKey(key, out var cands)) return false;
        if (start < i && matches.Count > 0 && matches[^1].Unit == unit && matches[^1].TokEnd > start) return false;
        var m = Analyse(s, unit, start, end, from, to, cands);
        m.Key = key;
        m.Exact = true;
        matches.Add(m);
        next = end;
        return true;
    }

    private static CompassDirection Combine(CompassDirection ns, CompassDirection ew) => (ns, ew) switch
    {
        (CompassDirection.North, CompassDirection.East) => CompassDirection.NorthEast,
        (CompassDirection.North, CompassDirection.West) => CompassDirection.NorthWest,
        (CompassDirection.South, CompassDirection.East) => CompassDirection.SouthEast,
        (CompassDirection.South, CompassDirection.West) => CompassDirection.SouthWest,
        _ => ew,
    };

    /// <summary>Reads the phrase around a name: cue words before it, and "countryside"/"governorate"/"city" after it.</summary>
    private static Match Analyse(Scan s, int unit, int from, int to, int unitFrom, int unitTo, int[] cands)
    {
        var toks = s.Toks;
        var m = new Match
        {
            Unit = unit, TokStart = from, TokEnd = to, Candidates = cands,
            Span = new TextSpan(toks[from].Start, toks[to - 1].End),
        };
        m.Surface = s.Text[m.Span.Start..m.Span.End];
        var adjacent = true;
        var sawNearWord = false;
        var phraseTok = from;
        for (var k = from - 1; k >= unitFrom && from - k <= 8; k--)
        {
            if (toks[k + 1].Is(TokFlags.PunctBefore)) break;
            var t = toks[k];
            if (t.Has(Cue.Determiner)) continue;
            if (t.Has(Cue.Of)) { adjacent = false; continue; }
            if (t.Has(Cue.Direction))
            {
                var dir = t.Dir;
                var followedByOf = k + 1 < unitTo && toks[k + 1].Has(Cue.Of);
                if (k > unitFrom && !t.Is(TokFlags.PunctBefore) && t.Is(TokFlags.Joined) && toks[k - 1].Has(Cue.Direction)
                    && toks[k - 1].Dir is CompassDirection.North or CompassDirection.South)
                {
                    dir = Combine(toks[k - 1].Dir, dir);
                    k--;
                }
                if (followedByOf && !sawNearWord) { m.Near = true; phraseTok = k; adjacent = false; continue; }
                if (adjacent || sawNearWord) { m.Direction = dir; phraseTok = k; }
                adjacent = false;
                continue;
            }
            if (t.Has(Cue.Site)) { m.Site = true; phraseTok = k; adjacent = false; continue; }
            if (t.Has(Cue.Gov)) { m.GovCue = true; phraseTok = k; adjacent = false; continue; }
            if (t.Has(Cue.Near))
            {
                m.Near = true; sawNearWord = true; phraseTok = k; adjacent = false;
                if (t.Has(Cue.Countryside)) m.Countryside = true;
                if (t.Has(Cue.Strong)) m.Strong = true;
                if (t.Has(Cue.Between)) m.Between = true;
                continue;
            }
            if (t.Has(Cue.Distance)) { m.Near = true; phraseTok = k; continue; }
            if (t.Is(TokFlags.Digit) && k + 1 < from && toks[k + 1].Has(Cue.Distance)) { phraseTok = k; continue; }
            if (t.Has(Cue.And))
            {
                for (var b = k - 1; b >= unitFrom && k - b <= 7; b--)
                    if (toks[b].Has(Cue.Between)) { m.Near = true; m.Between = true; break; }
                break;
            }
            if (t.Has(Cue.StopCue) && t.Has(Cue.Strong)) m.Strong = true;
            break;
        }
        if (phraseTok > unitFrom && !toks[phraseTok].Is(TokFlags.PunctBefore) && toks[phraseTok - 1].Has(Cue.Determiner)
            && s.Word(phraseTok - 1) is "the" or "The" or "a" or "an")
            phraseTok--;
        m.PhraseTokStart = phraseTok;
        m.PhraseStart = toks[phraseTok].Start;
        m.PhraseEnd = m.Span.End;
        m.PhraseTokEnd = to;
        if (m.Site) m.Strong = true;
        for (var k = to; k < unitTo && k - to < 2; k++)
        {
            var t = toks[k];
            if (t.Is(TokFlags.PunctBefore)) break;
            if (t.Has(Cue.Gov)) { m.GovCue = true; m.PhraseEnd = t.End; m.PhraseTokEnd = k + 1; break; }
            if (t.Has(Cue.AfterNear))
            {
                m.Near = true; m.PhraseEnd = t.End; m.PhraseTokEnd = k + 1;
                if (t.Has(Cue.Countryside)) { m.Strong = true; m.Countryside = true; }
                break;
            }
            if (t.Has(Cue.City)) { m.CityCue = true; m.PhraseEnd = t.End; m.PhraseTokEnd = k + 1; break; }
            if (!t.Has(Cue.Determiner)) break;
        }
        return m;
    }

    private bool Accept(Scan s, Match m, int from, int to)
    {
        var toks = s.Toks;
        var letters = 0;
        var lower = false;
        foreach (var c in m.Surface)
        {
            if (char.IsLetterOrDigit(c)) letters++;
            if (char.IsLower(c)) lower = true;
        }
        if (letters < 2) return false;
        m.ExactCandidates = ExactCandidates(m.Surface, m.Candidates, out var exactRank);
        m.Exact = m.ExactCandidates.Length > 0;
        if (!lower && letters <= 4 && !m.Exact) return false;
        var maxRank = 0;
        foreach (var i in m.Candidates) maxRank = Math.Max(maxRank, _gazetteer[i].Rank);

        // Part of a longer capitalised name ("Liwa al-Quds", "Hamadeh Omar", "Mohammed Abbas") that the gazetteer does not hold.
        var first = m.TokStart;
        while (first > from && toks[first].Is(TokFlags.Joined) && !toks[first].Is(TokFlags.PunctBefore) && toks[first - 1].Has(Cue.Article)) first--;
        var prev = first - 1;
        if (prev >= from && !toks[first].Is(TokFlags.PunctBefore) && toks[first].Is(TokFlags.Joined) && toks[prev].Is(TokFlags.Cap)
            && !toks[prev].Has(Cue.Direction | Cue.Site) && exactRank < 50000
            && (!toks[prev].Is(TokFlags.SentenceStart) || _gazetteer.IsStopWord(s.Word(prev))))
            return false;
        // Followed by more of a capitalised name ("Tamin Brigade", "Hayat Tahrir", "Ammar al-Assad").
        var next = m.TokEnd;
        // an article is glued to the name it opens ("al-Assad"); "at Aleppo" is a preposition
        if (next + 1 < to && toks[next].Has(Cue.Article) && toks[next + 1].Is(TokFlags.Joined) && toks[next + 1].Is(TokFlags.Cap)
            && toks[next].End < s.Text.Length && s.Text[toks[next].End] is '-' or '‐' or '–') next++;
        if (next < to && toks[next].Is(TokFlags.Joined) && toks[next].Is(TokFlags.Cap) && !(m.Exact && exactRank >= 50000)
            && !toks[next].Has(Cue.Gov | Cue.AfterNear | Cue.RegionTail | Cue.City | Cue.Site | Cue.Direction))
        {
            // "Arak Energy Fields", "Kuweires Military Airbase": a site named after the place, so near it.
            var tail = next;
            while (tail + 1 < to && tail - next < 3 && toks[tail + 1].Is(TokFlags.Joined) && !toks[tail].Has(Cue.RegionTail)) tail++;
            if (!m.Exact || !toks[tail].Has(Cue.RegionTail)) return false;
            m.Near = true;
            m.PhraseEnd = toks[tail].End;
            m.PhraseTokEnd = tail + 1;
        }
        // A capitalised word opening a sentence is as likely English ("Cells", "Shelling") as a place.
        if (toks[m.TokStart].Is(TokFlags.SentenceStart) && !toks[m.TokStart].Is(TokFlags.Arabic) && !m.Exact)
            return false;
        if (m.Exact || maxRank >= 10000) return true;
        return m.Strong && letters >= 4;
    }

    /// <summary>The candidates with a name spelt exactly like the surface; the largest such rank.</summary>
    private int[] ExactCandidates(string surface, int[] candidates, out int exactRank)
    {
        exactRank = 0;
        Span<char> form = stackalloc char[256];
        var n = PlaceNameKey.ExactForm(surface, form);
        if (n == 0 || !_gazetteer.TryLookupExact(form[..n], out var exact)) return [];
        var count = 0;
        foreach (var i in candidates)
            if (Array.IndexOf(exact, i) >= 0) { count++; exactRank = Math.Max(exactRank, _gazetteer[i].Rank); }
        if (count == 0) return [];
        if (count == exact.Length) return exact;
        var result = new int[count];
        count = 0;
        foreach (var i in candidates)
            if (Array.IndexOf(exact, i) >= 0) result[count++] = i;
        return result;
    }

    private bool IsExact(Match m, int entry)
    {
        Span<char> form = stackalloc char[256];
        var n = PlaceNameKey.ExactForm(m.Surface, form);
        return n > 0 && _gazetteer.TryLookupExact(form[..n], out var exact) && Array.IndexOf(exact, entry) >= 0;
    }

    /// <summary>
    /// A cue shared by a list: "the towns of X and Y" (site), "X, Y and Z provinces" (governorates),
    /// "the X and Y deserts" (X's desert, when the gazetteer has one).
    /// </summary>
    private void DistributeOverLists(Scan s, List<Match> matches)
    {
        var toks = s.Toks;
        var a = 0;
        while (a < matches.Count)
        {
            var b = a;
            while (b + 1 < matches.Count && InList(s, matches[b], matches[b + 1])) b++;
            if (b > a)
            {
                var head = matches[a];
                var tail = matches[b];
                var headPlural = head.PhraseTokStart < head.TokStart && Enumerable.Range(head.PhraseTokStart, head.TokStart - head.PhraseTokStart)
                    .Any(k => toks[k].Has(Cue.Plural) && toks[k].Has(Cue.Site | Cue.Gov));
                var tailWord = tail.PhraseTokEnd > tail.TokEnd ? tail.PhraseTokEnd - 1 : tail.TokEnd - 1;
                var tailPlural = toks[tailWord].Has(Cue.Plural);
                for (var k = a; k <= b; k++)
                {
                    var m = matches[k];
                    if (headPlural && k > a) { m.Site |= head.Site; m.GovCue |= head.GovCue; m.Strong |= head.Strong; }
                    if (!tailPlural || k == b) continue;
                    if (toks[tailWord].Has(Cue.Gov)) m.GovCue = true;
                    else if (toks[tailWord].Has(Cue.Countryside)) { m.Near = true; m.Strong = true; m.Countryside = true; }
                    else if (toks[tailWord].Has(Cue.RegionTail))
                    {
                        var regionKey = toks[tailWord].Has(Cue.Near) ? DesertKey : MountainKey;
                        if (_gazetteer.TryLookupKey($"{m.Key} {regionKey}", out var region)) { m.Candidates = region; m.Exact = true; }
                        m.Near = true;
                    }
                }
            }
            a = b + 1;
        }
    }

    /// <summary>Whether <paramref name="b"/> follows <paramref name="a"/> in a list ("X, Y and Z"): only commas and "and"/"or" between.</summary>
    private static bool InList(Scan s, Match a, Match b)
    {
        if (a.Unit != b.Unit || a.Drop || b.Drop) return false;
        var gap = b.TokStart - a.TokEnd;
        if (gap == 0) return s.Toks[b.TokStart].Is(TokFlags.PunctBefore) && !s.Toks[b.TokStart].Is(TokFlags.SentenceStart);
        if (gap != 1) return false;
        var t = s.Toks[a.TokEnd];
        return t.Has(Cue.And) && !t.Is(TokFlags.SentenceStart) && !s.Toks[b.TokStart].Is(TokFlags.PunctBefore);
    }

    /// <summary>
    /// The place a name is said to be in or near: "X in Y", "X near the Y", "X, south of Y", "X region East of Y",
    /// "the village of X in the southern countryside of Y".
    /// </summary>
    private static void LinkContainers(Scan s, List<Match> matches)
    {
        var toks = s.Toks;
        for (var k = 0; k + 1 < matches.Count; k++)
        {
            var m = matches[k];
            var c = matches[k + 1];
            if (m.Drop || c.Drop || c.Unit != m.Unit) continue;
            var gapFrom = Math.Max(m.PhraseTokEnd, m.TokEnd);
            var gapTo = c.PhraseTokStart;
            if (gapTo < c.TokStart && toks[gapTo].Is(TokFlags.SentenceStart)) continue;
            bool linked;
            if (InList(s, m, c)) linked = false;
            else if (gapTo <= gapFrom)
                linked = gapTo < gapFrom || (c.PhraseTokStart < c.TokStart && (c.Near || c.Direction != CompassDirection.None));
            else
            {
                linked = gapTo - gapFrom <= 3;
                var cueTok = c.PhraseTokStart;
                while (cueTok < c.TokStart && toks[cueTok].Has(Cue.Determiner)) cueTok++;
                var sawLink = cueTok < c.TokStart && toks[cueTok].Has(Cue.Link | Cue.Near | Cue.Direction);
                for (var g = gapFrom; g < gapTo && linked; g++)
                {
                    var t = toks[g];
                    if (t.Is(TokFlags.SentenceStart) || (g > gapFrom && t.Is(TokFlags.PunctBefore))) linked = false;
                    else if (t.Has(Cue.Link)) sawLink = true;
                    else if (!t.Has(Cue.Determiner | Cue.RegionTail | Cue.Site | Cue.AfterNear)) linked = false;
                }
                linked &= sawLink;
            }
            if (linked) m.Container = c;
        }
    }

    private List<int> Filter(Match m, string focus)
    {
        var wantGov = m.GovCue || (m.Direction != CompassDirection.None && !m.Site && !m.CityCue);
        var gov = new List<int>();
        var other = new List<int>();
        foreach (var i in m.Candidates) (_gazetteer[i].IsGovernorate ? gov : other).Add(i);
        if (wantGov && gov.Count > 0) return gov;
        // "Anbar" alone is the governorate, not a hamlet of the same name.
        if (gov.Count > 0 && !m.Site && !m.CityCue && other.All(i => _gazetteer[i].Rank < 50000))
        {
            var focusOther = other.Any(i => _gazetteer[i].Country == focus);
            if (other.Count == 0 || gov.Any(i => IsExact(m, i) && (_gazetteer[i].Country == focus || !focusOther))) return gov;
        }
        return other.Count > 0 ? other : gov;
    }

    /// <summary>Whether an entry fits the place the name is said to be in or near.</summary>
    private static bool FitsContainer(GazetteerEntry e, PlaceMention c, GazetteerEntry? containerEntry)
    {
        if (c.Lat is not double lat || c.Lon is not double lon) return true;
        // A governorate or a part of one ("southern Deir ez-Zor"): anywhere inside it.
        if (c.GazetteerId is not null && c.GazetteerId.StartsWith("admin1:", StringComparison.Ordinal))
            return string.Equals(e.Admin1, c.Admin1, StringComparison.OrdinalIgnoreCase);
        var limit = containerEntry is { IsArea: true, Rank: >= 200000 } ? 250
            : c.GeoPrecision >= 2 || c.FeatureType is "desert" or "region" or "mountain" or "district" or "subdistrict" ? 100 : 50;
        return Gazetteer.ApproxDistanceKm(e.Lat, e.Lon, lat, lon) <= limit;
    }

    private GazetteerEntry? Choose(Match m, List<int> cands, string focus, List<Anchor> anchors)
    {
        var container = m.Container?.Result is { IsResolved: true } cr ? cr : null;
        if (container is not null)
        {
            var fitting = cands.Where(i => FitsContainer(_gazetteer[i], container, m.Container!.Entry)).ToList();
            // A name said to be in or near Y that no entry near Y carries: Y's point stands in for it,
            // unless the name is a town spelt exactly as in the gazetteer (then the text is loose, not the name).
            if (fitting.Count == 0 && !cands.Any(i => _gazetteer[i].Rank >= 10000 && (IsExact(m, i) || (m.Exact && cands.Count == 1)))) return null;
            if (fitting.Count > 0) cands = fitting;
            else container = null;
        }
        var hasLocal = false;
        foreach (var a in anchors)
            if (a.From != m && Math.Abs(a.Unit - m.Unit) <= 2) { hasLocal = true; break; }

        GazetteerEntry? best = null;
        var bestScore = double.MinValue;
        var bestExact = false;
        foreach (var i in cands)
        {
            var e = _gazetteer[i];
            var exact = IsExact(m, i);
            var score = Math.Log10(Math.Max(e.Rank, 10));
            if (e.Country == focus) score += 2;
            if (m.ContextAdmin1 is not null && string.Equals(e.Admin1, m.ContextAdmin1, StringComparison.OrdinalIgnoreCase)) score += 3;
            if (e.Id.StartsWith("feature:", StringComparison.Ordinal)) score += 0.5;
            else if (e.Id.StartsWith("ocha:", StringComparison.Ordinal)) score += 0.3;
            if (cands.Count > 1)
            {
                if (exact) score += 1;
                // "Jourin": of the names with one skeleton, the spelling one letter away (Jorin), not Jerniyeh
                // (only asked when no candidate is spelt exactly like the surface)
                else if (m.ExactCandidates.Length == 0 && IsCloseSpelling(m.Surface, e)) score += 0.5;
                // inside a whole governorate or a town's countryside ("in Hama countryside") any point fits as well as another
                if (container is { Lat: double cLat, Lon: double cLon } && container.FeatureType != "governorate" && !m.Container!.Countryside)
                    score -= Math.Min(Gazetteer.ApproxDistanceKm(cLat, cLon, e.Lat, e.Lon) / 50.0, 2);
                var nearest = Nearest(anchors, m, e.Lat, e.Lon, hasLocal);
                if (nearest < double.MaxValue) score -= hasLocal ? Math.Min(nearest / 75.0, 4) : Math.Min(nearest / 150.0, 2);
            }
            if (score > bestScore) { bestScore = score; best = e; bestExact = exact; }
        }
        if (best is null) return null;
        // A loose spelling match far from the places around it is more likely a wrong guess than a fact:
        // a different spelling (Talileh / Tlul) must be near the places of its sentences; a close one
        // (Baghouz / Bagouz) only somewhere near the article's places.
        if (!bestExact && container is null && best.Rank < 100000)
        {
            var close = IsCloseSpelling(m.Surface, best);
            var nearest = Nearest(anchors, m, best.Lat, best.Lon, hasLocal && !close);
            if (nearest < double.MaxValue && (hasLocal && !close ? nearest > 100 : nearest > 150 && best.Rank < 10000)) return null;
        }
        // The same place in several sources: keep the most curated record within 10 km.
        foreach (var i in cands)
        {
            var e = _gazetteer[i];
            if (SourcePriority(e) > SourcePriority(best) && !e.IsArea && !best.IsArea && e.FeatureType != "neighbourhood"
                && Gazetteer.ApproxDistanceKm(e.Lat, e.Lon, best.Lat, best.Lon) <= 10)
                best = e;
        }
        // A weak spelling match to a small place in another country is more likely a wrong guess than a fact.
        if (best.Country != focus && m.ContextAdmin1 is null && container is null
            && (!IsExact(m, best.Index) || (best.Rank < 10000 && !m.Strong)))
            return null;
        return best;
    }

    /// <summary>Whether the surface is one edit away (two for long names) from one of the entry's spellings.</summary>
    private static bool IsCloseSpelling(string surface, GazetteerEntry e)
    {
        Span<char> a = stackalloc char[256];
        Span<char> b = stackalloc char[256];
        var n = PlaceNameKey.ExactForm(surface, a);
        var allowed = n >= 9 ? 2 : 1;
        foreach (var name in e.Names)
        {
            var k = PlaceNameKey.ExactForm(name, b);
            if (Math.Abs(k - n) <= allowed && EditDistance(a[..n], b[..k], allowed) <= allowed) return true;
        }
        return false;
    }

    /// <summary>Levenshtein distance, stopping early once it exceeds <paramref name="limit"/>.</summary>
    private static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        if (a.Length > 64 || b.Length > 64) return limit + 1;
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                rowMin = Math.Min(rowMin, cur[j]);
            }
            if (rowMin > limit) return limit + 1;
            cur.CopyTo(prev);
        }
        return prev[b.Length];
    }

    /// <summary>Distance to the nearest other anchor: within two sentences when there are any, else anywhere in the document.</summary>
    private static double Nearest(List<Anchor> anchors, Match m, double lat, double lon, bool localOnly)
    {
        var nearest = double.MaxValue;
        foreach (var a in anchors)
        {
            if (a.From == m || (localOnly && Math.Abs(a.Unit - m.Unit) > 2)) continue;
            nearest = Math.Min(nearest, Gazetteer.ApproxDistanceKm(a.Lat, a.Lon, lat, lon));
        }
        return nearest;
    }

    private static int SourcePriority(GazetteerEntry e) =>
        e.Id.StartsWith("feature:", StringComparison.Ordinal) ? 4 :
        e.Id.StartsWith("ocha:", StringComparison.Ordinal) ? 3 :
        e.Id.StartsWith("geonames:", StringComparison.Ordinal) ? 2 : 1;

    private PlaceMention ToMention(Match m, GazetteerEntry e, List<(double Lat, double Lon, GazetteerEntry Entry)>? regionPoints)
    {
        double lat = e.Lat, lon = e.Lon;
        int precision;
        var type = e.FeatureType;
        var name = e.Name;
        string? admin1 = e.Admin1.Length > 0 ? e.Admin1 : null, admin2 = e.Admin2.Length > 0 ? e.Admin2 : null;
        var country = e.Country;
        if (e.IsGovernorate)
        {
            admin2 = null;
            if (m.Direction != CompassDirection.None)
            {
                (lat, lon) = SubRegionPoint(e, m.Direction, regionPoints);
                precision = 2;
                type = "region";
                name = $"{DirectionName(m.Direction)} {e.Name}";
                admin2 = _gazetteer.Admin2At(lat, lon)?.Name;
            }
            else precision = m.Near ? 2 : 3;
        }
        else if (e.IsArea) precision = 2;
        else precision = m.Near ? 2 : 1;
        return new PlaceMention(m.Span, new TextSpan(m.PhraseStart, m.PhraseEnd), name, e.Id, country, admin1, admin2,
            Math.Round(lat, 5), Math.Round(lon, 5), type, precision);
    }

    /// <summary>
    /// "Western Raqqa": where the article's own places in that part of the governorate are, when it names any;
    /// otherwise the centroid of that half of the governorate.
    /// </summary>
    private (double Lat, double Lon) SubRegionPoint(GazetteerEntry governorate, CompassDirection direction,
        List<(double Lat, double Lon, GazetteerEntry Entry)>? points)
    {
        var centre = _gazetteer.Centroid(governorate.Admin1) ?? (governorate.Lat, governorate.Lon);
        var (dy, dx) = Gazetteer.DirectionVector(direction);
        double sumLat = 0, sumLon = 0;
        var count = 0;
        foreach (var a in points ?? [])
        {
            var e = a.Entry;
            // The governorate's capital says nothing about which part of it is meant.
            if (e.Rank >= 500000 || e.IsArea || !string.Equals(e.Admin1, governorate.Admin1, StringComparison.OrdinalIgnoreCase)) continue;
            if ((a.Lat - centre.Lat) * dy + (a.Lon - centre.Lon) * dx < 0.1) continue;
            sumLat += a.Lat; sumLon += a.Lon; count++;
        }
        if (count > 0) return (sumLat / count, sumLon / count);
        return _gazetteer.SubRegionPoint(governorate.Admin1, direction) ?? (governorate.Lat, governorate.Lon);
    }

    private static string DirectionName(CompassDirection d) => d switch
    {
        CompassDirection.North => "Northern",
        CompassDirection.South => "Southern",
        CompassDirection.East => "Eastern",
        CompassDirection.West => "Western",
        CompassDirection.NorthEast => "North-eastern",
        CompassDirection.NorthWest => "North-western",
        CompassDirection.SouthEast => "South-eastern",
        CompassDirection.SouthWest => "South-western",
        _ => "",
    };
}
