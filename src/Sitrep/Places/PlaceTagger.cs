using System.Collections.Frozen;
using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Places;

/// <summary>
/// Finds place names in body text (one pass per sentence or paragraph: 1..6-token windows looked up by
/// <see cref="PlaceNameKey"/>, longest first), reads the locative phrase around each ("the vicinity of",
/// "southern countryside of", "X governorate"), resolves it against the <see cref="Gazetteer"/>
/// (focus country, nearby governorate, nearby places, rank) and sets an honest geo precision.
/// </summary>
public sealed class PlaceTagger : IStage
{
    private const int MaxWindow = 6;

    private static readonly FrozenSet<string> SiteWords = Set("city", "town", "village", "villages", "hamlet", "towns", "cities", "settlement", "camp", "neighbourhood", "neighborhood", "مدينة", "بلدة", "قرية", "مخيم", "حي");
    private static readonly FrozenSet<string> NearWords = Set("near", "nearby", "around", "outskirts", "vicinity", "countryside", "desert", "deserts",
        "badia", "badiya", "badiyeh", "environs", "surroundings", "outside", "between", "approaches", "edge", "edges", "parts", "part", "areas", "area",
        "region", "regions", "axis", "front", "fronts", "frontline", "direction", "farms", "plain", "plains", "suburbs", "periphery", "depth", "surrounding", "close",
        "قرب", "محيط", "ريف", "بادية", "أطراف", "اطراف", "منطقة", "شرق", "غرب", "شمال", "جنوب", "بين");
    private static readonly FrozenSet<string> AfterNearWords = Set("countryside", "desert", "deserts", "badia", "area", "areas", "region", "outskirts",
        "surroundings", "environs", "axis", "front", "battlefront", "frontline", "triangle", "plain", "plains", "suburbs", "vicinity", "direction", "farms", "district", "periphery");
    private static readonly FrozenSet<string> GovWords = Set("governorate", "governorates", "province", "provinces", "gov", "muhafaza", "muhafazah", "wilayat", "wilayah", "محافظة");
    private static readonly FrozenSet<string> StopCueWords = Set("in", "at", "inside", "into", "from", "to", "towards", "toward", "across", "on", "entered", "reached", "captured", "stormed", "shelled", "struck", "hit", "targeted", "attacked", "liberated", "seized", "في", "على", "من", "إلى", "الى");
    private static readonly FrozenSet<string> StrongCueWords = Set("in", "at", "inside", "into", "near", "vicinity", "outskirts", "countryside", "town", "village", "villages", "city", "entered", "captured", "stormed", "shelled", "liberated", "seized", "reached", "towards", "toward", "from", "في", "قرب", "محيط", "ريف", "مدينة", "بلدة", "قرية");
    private static readonly FrozenSet<string> RegionTailWords = Set("desert", "deserts", "mountains", "mountain", "badia", "airport", "airbase", "base", "field", "station",
        "crossing", "dam", "zone", "triangle", "region", "plain");
    private static readonly FrozenSet<string> Articles = Set("al", "el", "ar", "as", "ad", "at", "az", "ash", "an", "ath", "adh", "ed", "es", "er", "et", "ez", "en", "ul");
    private static readonly FrozenSet<string> DistanceWords = Set("km", "kms", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile", "meters", "metres");

    private readonly Gazetteer _gazetteer;

    public PlaceTagger(Gazetteer gazetteer) => _gazetteer = gazetteer;

    public string Name => "places";
    public IReadOnlyList<string> Provides { get; } = [Produces.Places];
    public IReadOnlyList<string> Requires { get; } = [];

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private struct Tok
    {
        public int Start, End, KeyStart, KeyLen;
        public bool Cap, Arabic, Digit, Joined, PunctBefore;
    }

    private sealed class Match
    {
        public int Unit, TokStart, TokEnd;
        public TextSpan Span;
        public int PhraseStart, PhraseEnd;
        public int[] Candidates = [];
        public bool Near, Site, GovCue, CityCue, Strong, Between;
        public CompassDirection Direction;
        public string Surface = "";
        public string? ContextAdmin1;
        public bool Drop;
    }

    public Document Process(Document document)
    {
        var units = document.Sentences.IsDefaultOrEmpty
            ? document.Body
            : document.Sentences.Select(s => s.Span).ToImmutableArray();
        if (units.IsDefaultOrEmpty) return document;
        var mentions = Tag(document.Text, units);
        return mentions.Count == 0 ? document : document.AddMentions(mentions);
    }

    /// <summary>Tags place mentions in the given spans of <paramref name="text"/> (each a sentence or paragraph).</summary>
    public List<PlaceMention> Tag(string text, IReadOnlyList<TextSpan> units)
    {
        var matches = new List<Match>();
        var unitTokens = new List<Tok[]>(units.Count);
        var keys = new char[256];
        int syria = 0, iraq = 0;
        for (var u = 0; u < units.Count; u++)
        {
            var toks = Tokenise(text, units[u], ref keys);
            unitTokens.Add(toks);
            foreach (var t in toks)
            {
                if (!t.Cap) continue;
                var w = text.AsSpan(t.Start, t.End - t.Start);
                if (w is "Syria" or "Syrian" or "Syrians") syria++;
                else if (w is "Iraq" or "Iraqi" or "Iraqis") iraq++;
            }
            FindMatches(text, u, toks, keys, matches);
        }
        var focus = iraq > syria ? "IQ" : "SY";

        // A generic region word ("Badia") followed by "of <place>" is described by that place's mention instead.
        for (var m = 0; m + 1 < matches.Count; m++)
        {
            var a = matches[m]; var b = matches[m + 1];
            if (a.Unit == b.Unit && b.TokStart == a.TokEnd + 1 && Word(text, unitTokens[a.Unit][a.TokEnd]).Equals("of", StringComparison.OrdinalIgnoreCase)
                && a.Candidates.All(i => _gazetteer[i].FeatureType is "desert" or "region") && a.TokEnd - a.TokStart == 1)
                a.Drop = true;
        }

        // A governorate named next to a place says where to look for it ("al-Sukhnah in eastern Homs").
        foreach (var m in matches)
            foreach (var o in matches)
            {
                if (o == m || o.Unit != m.Unit || m.ContextAdmin1 is not null) continue;
                var gap = o.TokStart >= m.TokEnd ? o.TokStart - m.TokEnd : m.TokStart - o.TokEnd;
                if (gap < 0 || gap > 8) continue;
                foreach (var i in o.Candidates)
                    if (_gazetteer[i].IsGovernorate) { m.ContextAdmin1 = _gazetteer[i].Admin1; break; }
            }

        var anchors = new List<(double Lat, double Lon, Match From)>();
        foreach (var m in matches)
        {
            if (m.Drop) continue;
            var cands = Filter(m, focus);
            if (cands.Count == 1 && !_gazetteer[cands[0]].IsGovernorate)
                anchors.Add((_gazetteer[cands[0]].Lat, _gazetteer[cands[0]].Lon, m));
        }

        var result = new List<PlaceMention>(matches.Count);
        foreach (var m in matches)
        {
            if (m.Drop) continue;
            if (m.Candidates.Length == 0)
            {
                result.Add(new PlaceMention(m.Span, new TextSpan(m.PhraseStart, m.PhraseEnd), m.Surface, null, null, null, null, null, null,
                    "settlement", m.Near ? 2 : 1));
                continue;
            }
            var chosen = Choose(m, Filter(m, focus), focus, anchors);
            if (chosen is null)
            {
                if (m.Site || m.Strong)
                    result.Add(new PlaceMention(m.Span, new TextSpan(m.PhraseStart, m.PhraseEnd), m.Surface, null, null, null, null, null, null,
                        "settlement", m.Near ? 2 : 1));
                continue;
            }
            result.Add(ToMention(m, chosen));
        }
        return result;
    }

    private static ReadOnlySpan<char> Word(string text, Tok t) => text.AsSpan(t.Start, t.End - t.Start);

    private static Tok[] Tokenise(string text, TextSpan unit, ref char[] keys)
    {
        var list = new List<Tok>(64);
        var keyLen = 0;
        var i = unit.Start;
        var gapStart = unit.Start;
        Span<char> key = stackalloc char[64];
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
            bool joined = true, punct = false;
            for (var g = gapStart; g < start; g++)
            {
                var gc = text[g];
                if (char.IsWhiteSpace(gc) || gc is '-' or '‐') continue;
                joined = false;
                if (!PlaceNameKey.IsApostrophe(gc) && gc != '"' && gc != '“' && gc != '”') punct = true;
            }
            if (start - gapStart > 3) joined = false;
            var raw = text.AsSpan(start, Math.Min(end - start, 60));
            var n = PlaceNameKey.TokenKey(raw, key);
            if (keyLen + n > keys.Length) Array.Resize(ref keys, Math.Max(keys.Length * 2, keyLen + n + 64));
            key[..n].CopyTo(keys.AsSpan(keyLen));
            list.Add(new Tok
            {
                Start = start, End = end, KeyStart = keyLen, KeyLen = n,
                Cap = char.IsUpper(c), Arabic = c is >= '\u0600' and <= '\u06FF', Digit = char.IsAsciiDigit(c),
                Joined = list.Count > 0 && joined, PunctBefore = list.Count == 0 || punct,
            });
            keyLen += n;
            gapStart = i;
        }
        return [.. list];
    }

    private void FindMatches(string text, int unit, Tok[] toks, char[] keys, List<Match> matches)
    {
        Span<char> window = stackalloc char[MaxWindow * 66];
        var i = 0;
        while (i < toks.Length)
        {
            var t = toks[i];
            var startsName = t.Cap || t.Arabic || t.Digit ||
                (Articles.Contains(Word(text, t).ToString()) && i + 1 < toks.Length && toks[i + 1].Joined && (toks[i + 1].Cap || toks[i + 1].Arabic));
            if (!startsName) { i++; continue; }
            var matched = false;
            var maxN = Math.Min(Math.Min(MaxWindow, _gazetteer.MaxKeyTokens + 2), toks.Length - i);
            for (var n = maxN; n >= 1 && !matched; n--)
            {
                var ok = true;
                for (var j = i + 1; j < i + n; j++) if (!toks[j].Joined) { ok = false; break; }
                if (!ok) continue;
                var last = toks[i + n - 1];
                if (!(last.Cap || last.Arabic || last.Digit || RegionTailWords.Contains(Word(text, last).ToString()))) continue;
                var len = 0; var keyed = 0; var lastKeyed = -1;
                for (var j = i; j < i + n; j++)
                {
                    var tj = toks[j];
                    if (tj.KeyLen == 0) continue;
                    if (len > 0 && !tj.Digit) window[len++] = ' ';
                    keys.AsSpan(tj.KeyStart, tj.KeyLen).CopyTo(window[len..]);
                    len += tj.KeyLen; keyed++; lastKeyed = j;
                }
                if (len == 0 || !_gazetteer.TryLookupKey(window[..len], out var cands)) continue;
                if (keyed == 1 && _gazetteer.IsStopWord(Word(text, toks[lastKeyed]))) continue;
                var m = Analyse(text, unit, toks, i, i + n, cands);
                if (!Accept(text, toks, m)) continue;
                matches.Add(m);
                i += n;
                matched = true;
            }
            if (matched) continue;
            // An unknown name after "the town of" / "village of" is kept, unresolved, rather than dropped.
            if (t.Cap && i >= 2 && Word(text, toks[i - 1]).Equals("of", StringComparison.OrdinalIgnoreCase) &&
                SiteWords.Contains(Word(text, toks[i - 2]).ToString()) && !_gazetteer.IsStopWord(Word(text, t)))
            {
                var j = i + 1;
                while (j < toks.Length && j - i < 4 && toks[j].Joined && (toks[j].Cap || Articles.Contains(Word(text, toks[j]).ToString()))) j++;
                while (j - 1 > i && !toks[j - 1].Cap) j--;
                var m = Analyse(text, unit, toks, i, j, []);
                matches.Add(m);
                i = j;
                continue;
            }
            i++;
        }
    }

    private static CompassDirection DirectionOf(ReadOnlySpan<char> w) => w.ToString().ToLowerInvariant() switch
    {
        "eastern" or "east" => CompassDirection.East,
        "western" or "west" => CompassDirection.West,
        "northern" or "north" => CompassDirection.North,
        "southern" or "south" => CompassDirection.South,
        "northeastern" or "northeast" => CompassDirection.NorthEast,
        "northwestern" or "northwest" => CompassDirection.NorthWest,
        "southeastern" or "southeast" => CompassDirection.SouthEast,
        "southwestern" or "southwest" => CompassDirection.SouthWest,
        _ => CompassDirection.None,
    };

    private static CompassDirection Combine(CompassDirection ns, CompassDirection ew) => (ns, ew) switch
    {
        (CompassDirection.North, CompassDirection.East) => CompassDirection.NorthEast,
        (CompassDirection.North, CompassDirection.West) => CompassDirection.NorthWest,
        (CompassDirection.South, CompassDirection.East) => CompassDirection.SouthEast,
        (CompassDirection.South, CompassDirection.West) => CompassDirection.SouthWest,
        _ => ew,
    };

    /// <summary>Reads the phrase around a name: cue words before it, and "countryside"/"governorate"/"city" after it.</summary>
    private static Match Analyse(string text, int unit, Tok[] toks, int from, int to, int[] cands)
    {
        var m = new Match
        {
            Unit = unit, TokStart = from, TokEnd = to, Candidates = cands,
            Span = new TextSpan(toks[from].Start, toks[to - 1].End),
        };
        m.Surface = text[m.Span.Start..m.Span.End];
        m.PhraseStart = m.Span.Start;
        m.PhraseEnd = m.Span.End;
        var adjacent = true;
        var sawNearWord = false;
        var phraseTok = from;
        for (var k = from - 1; k >= 0 && from - k <= 8; k--)
        {
            if (toks[k + 1].PunctBefore) break;
            var w = Word(text, toks[k]);
            var lw = w.ToString().ToLowerInvariant();
            if (lw is "the" or "a" or "an" or "its" or "their") continue;
            if (lw == "of") { adjacent = false; continue; }
            var dir = DirectionOf(w);
            if (dir != CompassDirection.None)
            {
                var followedByOf = k + 1 < toks.Length && Word(text, toks[k + 1]).Equals("of", StringComparison.OrdinalIgnoreCase);
                if (k > 0 && !toks[k].PunctBefore && toks[k].Joined && DirectionOf(Word(text, toks[k - 1])) is var ns and (CompassDirection.North or CompassDirection.South))
                {
                    dir = Combine(ns, dir);
                    k--;
                }
                if (followedByOf && !sawNearWord) { m.Near = true; phraseTok = k; adjacent = false; continue; }
                if (adjacent || sawNearWord) { m.Direction = dir; phraseTok = k; }
                adjacent = false;
                continue;
            }
            if (SiteWords.Contains(lw)) { m.Site = true; phraseTok = k; adjacent = false; continue; }
            if (GovWords.Contains(lw)) { m.GovCue = true; phraseTok = k; adjacent = false; continue; }
            if (NearWords.Contains(lw))
            {
                m.Near = true; sawNearWord = true; phraseTok = k; adjacent = false;
                if (StrongCueWords.Contains(lw)) m.Strong = true;
                if (lw == "between") m.Between = true;
                continue;
            }
            if (DistanceWords.Contains(lw)) { m.Near = true; phraseTok = k; continue; }
            if (toks[k].Digit && k + 1 < from && DistanceWords.Contains(Word(text, toks[k + 1]).ToString())) { phraseTok = k; continue; }
            if (lw == "and")
            {
                for (var b = k - 1; b >= 0 && k - b <= 7; b--)
                    if (Word(text, toks[b]).Equals("between", StringComparison.OrdinalIgnoreCase)) { m.Near = true; m.Between = true; break; }
                break;
            }
            if (StopCueWords.Contains(lw)) { if (StrongCueWords.Contains(lw)) m.Strong = true; break; }
            break;
        }
        if (phraseTok > 0 && !toks[phraseTok].PunctBefore && Word(text, toks[phraseTok - 1]) is "the" or "The" or "a" or "an") phraseTok--;
        m.PhraseStart = toks[phraseTok].Start;
        if (m.Site) m.Strong = true;
        for (var k = to; k < toks.Length && k - to < 2; k++)
        {
            if (toks[k].PunctBefore) break;
            var lw = Word(text, toks[k]).ToString().ToLowerInvariant();
            if (GovWords.Contains(lw)) { m.GovCue = true; m.PhraseEnd = toks[k].End; break; }
            if (AfterNearWords.Contains(lw)) { m.Near = true; m.PhraseEnd = toks[k].End; if (lw == "countryside") m.Strong = true; break; }
            if (lw == "city") { m.CityCue = true; m.PhraseEnd = toks[k].End; break; }
            if (lw is not ("the" or "'s")) break;
        }
        return m;
    }

    private bool Accept(string text, Tok[] toks, Match m)
    {
        var surface = m.Surface;
        var letters = 0;
        foreach (var c in surface) if (char.IsLetterOrDigit(c)) letters++;
        if (letters < 2) return false;
        var exact = AnyExact(m, surface);
        var allCaps = surface.All(c => !char.IsLower(c));
        if (allCaps && letters <= 4 && !exact) return false;
        var maxRank = 0;
        var exactRank = 0;
        var form = PlaceNameKey.ExactForm(surface);
        foreach (var i in m.Candidates)
        {
            maxRank = Math.Max(maxRank, _gazetteer[i].Rank);
            if (_gazetteer[i].Rank > exactRank && IsExact(_gazetteer[i], form)) exactRank = _gazetteer[i].Rank;
        }
        // Part of a longer capitalised name ("Liwa al-Quds", "Hamadeh Omar") that the gazetteer does not hold.
        var first = m.TokStart;
        while (first > 0 && toks[first].Joined && !toks[first].PunctBefore && Articles.Contains(Word(text, toks[first - 1]).ToString())) first--;
        var prev = first - 1;
        if (prev >= 0 && !toks[first].PunctBefore && toks[first].Joined && toks[prev].Cap
            && DirectionOf(Word(text, toks[prev])) == CompassDirection.None && !IsSentenceStart(toks, prev)
            && exactRank < 50000)
            return false;
        var next = m.TokEnd;
        if (next < toks.Length && toks[next].Joined && toks[next].Cap && maxRank < 10000 && !GovWords.Contains(Word(text, toks[next]).ToString()))
            return false;
        // A capitalised word opening a sentence is as likely English ("Cells", "Shelling") as a place.
        if (IsSentenceStart(toks, m.TokStart) && !toks[m.TokStart].Arabic && !exact)
            return false;
        if (exact || maxRank >= 10000) return true;
        return m.Strong && letters >= 4;
    }

    private static bool IsSentenceStart(Tok[] toks, int k) => k == 0 || toks[k].PunctBefore;

    private bool AnyExact(Match m, string surface)
    {
        var form = PlaceNameKey.ExactForm(surface);
        var checkedCount = 0;
        foreach (var i in m.Candidates)
        {
            if (++checkedCount > 40) break;
            foreach (var n in _gazetteer[i].Names)
                if (PlaceNameKey.ExactForm(n) == form) return true;
        }
        return false;
    }

    private static bool IsExact(GazetteerEntry e, string form)
    {
        foreach (var n in e.Names)
            if (PlaceNameKey.ExactForm(n) == form) return true;
        return false;
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
            var form = PlaceNameKey.ExactForm(m.Surface);
            var focusOther = other.Any(i => _gazetteer[i].Country == focus);
            if (other.Count == 0 || gov.Any(i => IsExact(_gazetteer[i], form) && (_gazetteer[i].Country == focus || !focusOther))) return gov;
        }
        return other.Count > 0 ? other : gov;
    }

    private GazetteerEntry? Choose(Match m, List<int> cands, string focus, List<(double Lat, double Lon, Match From)> anchors)
    {
        var form = PlaceNameKey.ExactForm(m.Surface);
        GazetteerEntry? best = null;
        var bestScore = double.MinValue;
        foreach (var i in cands)
        {
            var e = _gazetteer[i];
            var score = Math.Log10(Math.Max(e.Rank, 10));
            if (e.Country == focus) score += 2;
            if (m.ContextAdmin1 is not null && string.Equals(e.Admin1, m.ContextAdmin1, StringComparison.OrdinalIgnoreCase)) score += 3;
            if (e.Id.StartsWith("feature:", StringComparison.Ordinal)) score += 0.5;
            else if (e.Id.StartsWith("ocha:", StringComparison.Ordinal)) score += 0.3;
            if (cands.Count > 1)
            {
                foreach (var n in e.Names)
                    if (PlaceNameKey.ExactForm(n) == form) { score += 1; break; }
                var nearest = double.MaxValue;
                foreach (var a in anchors)
                    if (a.From != m) nearest = Math.Min(nearest, Gazetteer.DistanceKm(a.Lat, a.Lon, e.Lat, e.Lon));
                if (nearest < double.MaxValue) score -= Math.Min(nearest / 75.0, 4);
            }
            if (score > bestScore) { bestScore = score; best = e; }
        }
        // A loose spelling match to a hamlet far from everything else in the article is more likely wrong than right.
        if (best is not null && best.Rank < 10000 && !IsExact(best, form))
        {
            var nearest = double.MaxValue;
            foreach (var a in anchors)
                if (a.From != m) nearest = Math.Min(nearest, Gazetteer.DistanceKm(a.Lat, a.Lon, best.Lat, best.Lon));
            if (nearest is > 150 and < double.MaxValue) return null;
        }
        // The same place in several sources: keep the most curated record within 10 km.
        if (best is not null)
            foreach (var i in cands)
            {
                var e = _gazetteer[i];
                if (SourcePriority(e) > SourcePriority(best) && !e.IsArea && !best.IsArea && e.FeatureType != "neighbourhood"
                    && Gazetteer.DistanceKm(e.Lat, e.Lon, best.Lat, best.Lon) <= 10)
                    best = e;
            }
        // A weak spelling match to a small place in another country is more likely a wrong guess than a fact.
        if (best is not null && best.Country != focus && best.Rank < 10000 && m.ContextAdmin1 is null
            && (!m.Strong || !best.Names.Any(n => PlaceNameKey.ExactForm(n) == form)))
            return null;
        return best;
    }

    private static int SourcePriority(GazetteerEntry e) =>
        e.Id.StartsWith("feature:", StringComparison.Ordinal) ? 4 :
        e.Id.StartsWith("ocha:", StringComparison.Ordinal) ? 3 :
        e.Id.StartsWith("geonames:", StringComparison.Ordinal) ? 2 : 1;

    private PlaceMention ToMention(Match m, GazetteerEntry e)
    {
        double lat = e.Lat, lon = e.Lon;
        int precision;
        var type = e.FeatureType;
        var name = e.Name;
        if (e.IsGovernorate)
        {
            if (m.Direction != CompassDirection.None)
            {
                var p = _gazetteer.SubRegionPoint(e.Admin1, m.Direction) ?? (lat, lon);
                (lat, lon) = p;
                precision = 2;
                type = "region";
                name = $"{DirectionName(m.Direction)} {e.Name}";
            }
            else precision = m.Near ? 2 : 3;
        }
        else if (e.IsArea) precision = 2;
        else precision = m.Near ? 2 : 1;

        string? admin1 = e.Admin1.Length > 0 ? e.Admin1 : null, admin2 = e.Admin2.Length > 0 ? e.Admin2 : null;
        var country = e.Country;
        if (e.IsGovernorate) admin2 = null;
        else
        {
            var a1 = _gazetteer.Admin1At(lat, lon);
            if (a1 is not null)
            {
                admin1 = a1.Name;
                country = a1.Country;
                admin2 = _gazetteer.Admin2At(lat, lon)?.Name ?? admin2;
            }
        }
        return new PlaceMention(m.Span, new TextSpan(m.PhraseStart, m.PhraseEnd), name, e.Id, country, admin1, admin2,
            Math.Round(lat, 5), Math.Round(lon, 5), type, precision);
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
