using System.Collections.Frozen;
using System.Globalization;
using Sitrep.Pipeline;

namespace Sitrep.Places;

/// <summary>One gazetteer entry (a town, neighbourhood, governorate, desert, base ...).</summary>
/// <param name="Id">source:key, e.g. "ocha:C2893", "geonames:170063", "feature:t4", "admin1:SY:Homs".</param>
/// <param name="Names">Preferred name first, then alternates (English spellings and Arabic).</param>
/// <param name="Rank">Population, or a nominal size for the type (used to rank candidates).</param>
public sealed record GazetteerEntry(
    int Index, string Id, string Name, string[] Names, double Lat, double Lon,
    string Country, string Admin1, string Admin2, string FeatureType, int Rank)
{
    public bool IsGovernorate => FeatureType == "governorate";
    public bool IsArea => FeatureType is "governorate" or "district" or "subdistrict" or "region" or "desert" or "mountain";
}

/// <summary>An admin1 or admin2 polygon (simplified) with its centroid.</summary>
public sealed class AdminArea
{
    internal AdminArea(int level, string country, string pcode, string name, string admin1, double lat, double lon, double[][] rings)
    {
        Level = level; Country = country; Pcode = pcode; Name = name; Admin1 = admin1;
        CentroidLat = lat; CentroidLon = lon; Rings = rings;
        MinLon = MinLat = double.MaxValue; MaxLon = MaxLat = double.MinValue;
        foreach (var r in rings)
            for (var i = 0; i < r.Length; i += 2)
            {
                MinLon = Math.Min(MinLon, r[i]); MaxLon = Math.Max(MaxLon, r[i]);
                MinLat = Math.Min(MinLat, r[i + 1]); MaxLat = Math.Max(MaxLat, r[i + 1]);
            }
    }

    public int Level { get; }
    public string Country { get; }
    public string Pcode { get; }
    public string Name { get; }
    /// <summary>The governorate holding it (its own name for admin1).</summary>
    public string Admin1 { get; }
    public double CentroidLat { get; }
    public double CentroidLon { get; }
    public double MinLat { get; }
    public double MaxLat { get; }
    public double MinLon { get; }
    public double MaxLon { get; }
    /// <summary>Outer rings as interleaved lon,lat pairs.</summary>
    internal double[][] Rings { get; }

    public bool Contains(double lat, double lon)
    {
        if (lat < MinLat || lat > MaxLat || lon < MinLon || lon > MaxLon) return false;
        foreach (var r in Rings)
        {
            var inside = false;
            for (int i = 0, j = r.Length - 2; i < r.Length; j = i, i += 2)
            {
                double xi = r[i], yi = r[i + 1], xj = r[j], yj = r[j + 1];
                if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi)
                    inside = !inside;
            }
            if (inside) return true;
        }
        return false;
    }
}

/// <summary>A compass direction for sub-regions ("southern Deir ez-Zor").</summary>
public enum CompassDirection { None, North, South, East, West, NorthEast, NorthWest, SouthEast, SouthWest }

/// <summary>
/// The place gazetteer: entries indexed by <see cref="PlaceNameKey"/>, admin polygons for
/// point-in-polygon, aliases and the stop list of English words that are also place names.
/// Loaded once from data/gazetteer; immutable and thread-safe.
/// </summary>
public sealed class Gazetteer
{
    private readonly GazetteerEntry[] _entries;
    private readonly Dictionary<string, int[]> _byKey;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;
    private readonly AdminArea[] _admin1;
    private readonly AdminArea[] _admin2;
    private readonly FrozenDictionary<string, GazetteerEntry> _governorates;
    private readonly HashSet<string> _stopWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stopWordsSpan;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byExactSpan;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _firstTokenSpan;
    private readonly Dictionary<(string, CompassDirection), (double, double)?> _subRegions = [];

    private Gazetteer(GazetteerEntry[] entries, Dictionary<string, int[]> byKey, Dictionary<string, int[]> byExact,
        AdminArea[] admin1, AdminArea[] admin2, HashSet<string> stopWords)
    {
        _byExactSpan = byExact.GetAlternateLookup<ReadOnlySpan<char>>();
        // Longest key (in key tokens) starting with each first key token: a window whose first token starts no key is skipped.
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var k in byKey.Keys)
        {
            var sp = k.IndexOf(' ');
            var head = sp < 0 ? k : k[..sp];
            var n = 1;
            foreach (var c in k) if (c == ' ') n++;
            if (!first.TryGetValue(head, out var max) || n > max) first[head] = n;
        }
        _firstTokenSpan = first.GetAlternateLookup<ReadOnlySpan<char>>();
        _entries = entries;
        _byKey = byKey;
        _byKeySpan = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _admin1 = admin1;
        _admin2 = admin2;
        _governorates = entries.Where(e => e.IsGovernorate).ToFrozenDictionary(e => e.Admin1, StringComparer.OrdinalIgnoreCase);
        _stopWords = stopWords;
        _stopWordsSpan = stopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        MaxKeyTokens = byKey.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    public IReadOnlyList<GazetteerEntry> Entries => _entries;
    public IReadOnlyList<AdminArea> Admin1Areas => _admin1;
    public int MaxKeyTokens { get; }

    public static Gazetteer LoadDefault() => Load(DataDirectory.PathOf("gazetteer"));

    /// <summary>Loads places.tsv, admin.tsv, aliases.tsv and stopwords.txt from a folder.</summary>
    public static Gazetteer Load(string dataDir)
    {
        var entries = new List<GazetteerEntry>(17000);
        var keyed = new Dictionary<string, List<int>>(120000, StringComparer.Ordinal);
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in DataLines(Path.Combine(dataDir, "places.tsv")))
        {
            var c = line.Split('\t');
            if (c.Length < 10) throw new FormatException($"places.tsv: bad row '{line}'");
            var names = new List<string>(8) { c[1] };
            if (c[2].Length > 0) names.AddRange(c[2].Split('|'));
            var e = new GazetteerEntry(entries.Count, c[0], c[1], [.. names],
                double.Parse(c[3], CultureInfo.InvariantCulture), double.Parse(c[4], CultureInfo.InvariantCulture),
                c[5], c[6], c[7], c[8], int.Parse(c[9], CultureInfo.InvariantCulture));
            byId[e.Id] = e.Index;
            entries.Add(e);
        }

        var aliasPath = Path.Combine(dataDir, "aliases.tsv");
        if (File.Exists(aliasPath))
            foreach (var line in DataLines(aliasPath))
            {
                var c = line.Split('\t');
                if (c.Length < 2 || !byId.TryGetValue(c[1].Trim(), out var idx))
                    throw new FormatException($"aliases.tsv: unknown target in '{line}'");
                var e = entries[idx];
                entries[idx] = e with { Names = [.. e.Names, c[0].Trim()] };
            }

        var keyedSpan = keyed.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> keyBuffer = stackalloc char[256];
        foreach (var e in entries)
            foreach (var name in e.Names)
            {
                var n = PlaceNameKey.Key(name, keyBuffer);
                if (n == 0) continue;
                if (!keyedSpan.TryGetValue(keyBuffer[..n], out var list)) keyed[new string(keyBuffer[..n])] = list = new List<int>(1);
                if (list.Count == 0 || list[^1] != e.Index) list.Add(e.Index);
            }
        var byKey = new Dictionary<string, int[]>(keyed.Count, StringComparer.Ordinal);
        foreach (var (k, v) in keyed) byKey[k] = [.. v];
        var exact = new Dictionary<string, List<int>>(keyed.Count, StringComparer.Ordinal);
        Span<char> form = stackalloc char[256];
        var lookup = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var e in entries)
            foreach (var name in e.Names)
            {
                var n = PlaceNameKey.ExactForm(name, form);
                if (n == 0) continue;
                if (!lookup.TryGetValue(form[..n], out var list)) exact[new string(form[..n])] = list = new List<int>(1);
                if (list.Count == 0 || list[^1] != e.Index) list.Add(e.Index);
            }
        var byExact = new Dictionary<string, int[]>(exact.Count, StringComparer.Ordinal);
        foreach (var (k, v) in exact) byExact[k] = [.. v];

        var admin1 = new List<AdminArea>();
        var admin2 = new List<AdminArea>();
        foreach (var line in DataLines(Path.Combine(dataDir, "admin.tsv")))
        {
            var c = line.Split('\t');
            var rings = c[8].Split(';').Select(ParseRing).ToArray();
            var area = new AdminArea(int.Parse(c[0], CultureInfo.InvariantCulture), c[1], c[2], c[3], c[5],
                double.Parse(c[6], CultureInfo.InvariantCulture), double.Parse(c[7], CultureInfo.InvariantCulture), rings);
            (area.Level == 1 ? admin1 : admin2).Add(area);
        }

        var stop = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var stopPath = Path.Combine(dataDir, "stopwords.txt");
        if (File.Exists(stopPath))
            foreach (var line in DataLines(stopPath)) stop.Add(line.Trim());

        return new Gazetteer([.. entries], byKey, byExact, [.. admin1], [.. admin2], stop);
    }

    private static double[] ParseRing(string text)
    {
        var pairs = text.Split(',');
        var ring = new double[pairs.Length * 2];
        for (var i = 0; i < pairs.Length; i++)
        {
            var sp = pairs[i].IndexOf(' ');
            ring[2 * i] = double.Parse(pairs[i].AsSpan(0, sp), CultureInfo.InvariantCulture);
            ring[2 * i + 1] = double.Parse(pairs[i].AsSpan(sp + 1), CultureInfo.InvariantCulture);
        }
        return ring;
    }

    private static IEnumerable<string> DataLines(string path)
    {
        foreach (var line in File.ReadLines(path))
            if (line.Length > 0 && line[0] != '#') yield return line;
    }

    public GazetteerEntry this[int index] => _entries[index];

    public GazetteerEntry? ById(string id) => _entries.FirstOrDefault(e => e.Id == id);

    /// <summary>Candidate entries whose name key equals the key of <paramref name="name"/>.</summary>
    public IReadOnlyList<GazetteerEntry> Lookup(string name)
    {
        var key = PlaceNameKey.Of(name);
        return _byKey.TryGetValue(key, out var ids) ? ids.Select(i => _entries[i]).ToArray() : [];
    }

    /// <summary>Entry indices for an already folded key (no allocation).</summary>
    public bool TryLookupKey(ReadOnlySpan<char> key, out int[] indices)
    {
        if (_byKeySpan.TryGetValue(key, out var found)) { indices = found; return true; }
        indices = [];
        return false;
    }

    /// <summary>Entries one of whose names has exactly this <see cref="PlaceNameKey.ExactForm(string)"/> (same spelling).</summary>
    public bool TryLookupExact(ReadOnlySpan<char> form, out int[] indices)
    {
        if (_byExactSpan.TryGetValue(form, out var found)) { indices = found; return true; }
        indices = [];
        return false;
    }

    /// <summary>How many key tokens the longest key starting with this key token has (0: no key starts with it).</summary>
    public int LongestKeyStartingWith(ReadOnlySpan<char> firstKeyToken) =>
        _firstTokenSpan.TryGetValue(firstKeyToken, out var n) ? n : 0;

    /// <summary>Whether a surface word is an English word to ignore as a place name ("Army", "May").</summary>
    public bool IsStopWord(ReadOnlySpan<char> surface) => _stopWordsSpan.Contains(surface);

    public AdminArea? Admin1At(double lat, double lon) => Find(_admin1, lat, lon);

    public AdminArea? Admin2At(double lat, double lon) => Find(_admin2, lat, lon);

    private static AdminArea? Find(AdminArea[] areas, double lat, double lon)
    {
        foreach (var a in areas)
            if (a.Contains(lat, lon)) return a;
        return null;
    }

    /// <summary>The governorate entry of an admin1 name (Sitrep spelling, e.g. "Deir ez-Zor").</summary>
    public GazetteerEntry? Governorate(string admin1) => _governorates.GetValueOrDefault(admin1);

    /// <summary>The centroid of a governorate, from its polygon or its entry.</summary>
    public (double Lat, double Lon)? Centroid(string admin1)
    {
        foreach (var a in _admin1)
            if (string.Equals(a.Name, admin1, StringComparison.OrdinalIgnoreCase)) return (a.CentroidLat, a.CentroidLon);
        var g = Governorate(admin1);
        return g is null ? null : (g.Lat, g.Lon);
    }

    /// <summary>
    /// A representative point for "southern X", "Western X": the centroid of the part of the governorate's polygon
    /// on that side of a line through its centroid (so it always lies inside the governorate). Cached.
    /// </summary>
    public (double Lat, double Lon)? SubRegionPoint(string admin1, CompassDirection direction)
    {
        lock (_subRegions)
            if (_subRegions.TryGetValue((admin1, direction), out var cached)) return cached;
        var area = _admin1.FirstOrDefault(a => string.Equals(a.Name, admin1, StringComparison.OrdinalIgnoreCase));
        var point = area is null ? Centroid(admin1) : HalfCentroid(area, direction);
        lock (_subRegions) _subRegions[(admin1, direction)] = point;
        return point;
    }

    private static (double Lat, double Lon) HalfCentroid(AdminArea area, CompassDirection direction)
    {
        var (dy, dx) = DirectionVector(direction);
        double cx = area.CentroidLon, cy = area.CentroidLat;
        double a = 0, sx = 0, sy = 0;
        foreach (var ring in area.Rings)
        {
            // Sutherland–Hodgman clip of the ring to the half-plane (p - c)·d >= 0, then the shoelace centroid.
            var clipped = new List<(double X, double Y)>(ring.Length / 2 + 4);
            var n = ring.Length / 2;
            for (var i = 0; i < n; i++)
            {
                var j = (i + n - 1) % n;
                double ax = ring[2 * j], ay = ring[2 * j + 1], bx = ring[2 * i], by = ring[2 * i + 1];
                double fa = (ax - cx) * dx + (ay - cy) * dy, fb = (bx - cx) * dx + (by - cy) * dy;
                if (fb >= 0)
                {
                    if (fa < 0) { var t = fa / (fa - fb); clipped.Add((ax + t * (bx - ax), ay + t * (by - ay))); }
                    clipped.Add((bx, by));
                }
                else if (fa >= 0) { var t = fa / (fa - fb); clipped.Add((ax + t * (bx - ax), ay + t * (by - ay))); }
            }
            for (var i = 0; i < clipped.Count; i++)
            {
                var (x0, y0) = clipped[(i + clipped.Count - 1) % clipped.Count];
                var (x1, y1) = clipped[i];
                var cross = x0 * y1 - x1 * y0;
                a += cross; sx += (x0 + x1) * cross; sy += (y0 + y1) * cross;
            }
        }
        return Math.Abs(a) < 1e-9 ? (cy, cx) : (sy / (3 * a), sx / (3 * a));
    }

    /// <summary>Unit vector (lat, lon) of a compass direction.</summary>
    public static (double Lat, double Lon) DirectionVector(CompassDirection direction) => direction switch
    {
        CompassDirection.North => (1, 0),
        CompassDirection.South => (-1, 0),
        CompassDirection.East => (0, 1),
        CompassDirection.West => (0, -1),
        CompassDirection.NorthEast => (0.7071, 0.7071),
        CompassDirection.NorthWest => (0.7071, -0.7071),
        CompassDirection.SouthEast => (-0.7071, 0.7071),
        CompassDirection.SouthWest => (-0.7071, -0.7071),
        _ => (0, 0),
    };

    /// <summary>Fast flat-earth distance in km, good to a few percent at these latitudes (for ranking, not reporting).</summary>
    public static double ApproxDistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dy = lat2 - lat1;
        var dx = (lon2 - lon1) * Math.Cos((lat1 + lat2) * (Math.PI / 360));
        return Math.Sqrt(dx * dx + dy * dy) * 111.2;
    }

    /// <summary>Great-circle distance in km.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
