using System.Collections.Frozen;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Fusion;

/// <summary>Who published or voiced a report: ownership decides independence, alignment the side it speaks for.</summary>
/// <param name="Key">The registry key, or "unknown:&lt;name&gt;" for outlets the registry does not list.</param>
/// <param name="Type">state_media, militant_media, monitor, wire, partisan, independent, official or unknown.</param>
/// <param name="Alignment">pro-government-axis, opposition, western, turkey, kurdish, jihadist or neutral.</param>
public sealed record OutletProfile(string Key, string Name, string? Country, string Ownership, string Type, string Alignment)
{
    public bool IsKnown => !Key.StartsWith("unknown:", StringComparison.Ordinal);

    /// <summary>The belligerent side this outlet speaks for, or null for monitors, wires, neutral and unknown outlets.</summary>
    public string? Side => Type is "state_media" or "militant_media" or "official" or "partisan"
        && Alignment is not ("neutral" or "western") ? Alignment : null;

    public static OutletProfile Unknown(string? name)
    {
        var n = string.IsNullOrWhiteSpace(name) ? "" : name.Trim().ToLowerInvariant();
        var key = "unknown:" + n;
        return new OutletProfile(key, string.IsNullOrWhiteSpace(name) ? "unknown" : name.Trim(), null, key, "unknown", "neutral");
    }
}

/// <summary>
/// The outlet registry (data/outlets/outlets.tsv): recognises an outlet from a document's outlet field, its URL
/// domain or an in-text credit ("a Sputnik correspondent reported", "SANA reported"). Immutable and thread-safe.
/// </summary>
public sealed class OutletRegistry
{
    private static readonly Lazy<OutletRegistry> Shipped = new(() => Load(DataDirectory.PathOf(Path.Combine("outlets", "outlets.tsv"))));
    private static readonly string[] CreditCues =
        ["reported", "reports", "said", "says", "correspondent", "told", "quoted", "cited", "stated", "claimed", "announced", "documented", "news agency"];

    private readonly FrozenDictionary<string, OutletProfile> _byName;
    private readonly FrozenDictionary<string, OutletProfile> _byDomain;
    private readonly FrozenDictionary<string, OutletProfile> _byKey;
    /// <summary>Names used for in-text credits, longest first so "Syrian Observatory for Human Rights" wins over "Syrian Observatory".</summary>
    private readonly (string Name, bool CaseSensitive, OutletProfile Profile)[] _credits;

    private OutletRegistry(IReadOnlyList<(OutletProfile Profile, string[] Names, string[] Domains)> rows)
    {
        var byName = new Dictionary<string, OutletProfile>(StringComparer.OrdinalIgnoreCase);
        var byDomain = new Dictionary<string, OutletProfile>(StringComparer.OrdinalIgnoreCase);
        var credits = new List<(string, bool, OutletProfile)>();
        foreach (var (profile, names, domains) in rows)
        {
            foreach (var name in names.Prepend(profile.Name).Prepend(profile.Key))
            {
                byName.TryAdd(NormaliseName(name), profile);
                // Short all-caps acronyms (AFP, AP, AA) only count in text with their exact case and at least three letters.
                var acronym = name.Length <= 4 && name.All(char.IsUpper);
                if (name.Length >= 5 || (acronym && name.Length >= 3)) credits.Add((name, acronym, profile));
            }
            foreach (var domain in domains)
                if (domain is not ("" or "-")) byDomain.TryAdd(domain.ToLowerInvariant(), profile);
        }
        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _byDomain = byDomain.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _byKey = rows.ToFrozenDictionary(r => r.Profile.Key, r => r.Profile, StringComparer.Ordinal);
        _credits = [.. credits.DistinctBy(c => c.Item1.ToLowerInvariant()).OrderByDescending(c => c.Item1.Length)];
    }

    /// <summary>The registry shipped in data/outlets/outlets.tsv, loaded once.</summary>
    public static OutletRegistry Default => Shipped.Value;

    public int Count => _byKey.Count;

    public static OutletRegistry Load(string path)
    {
        var rows = new List<(OutletProfile, string[], string[])>();
        foreach (var f in LexiconFile.ReadRows(path))
        {
            if (f.Length < 8) throw new InvalidDataException($"{path}: expected 8 tab-separated columns in '{string.Join(' ', f)}'.");
            var profile = new OutletProfile(f[0].Trim(), f[1].Trim(), f[4].Trim() is "-" or "" ? null : f[4].Trim(), f[5].Trim(), f[6].Trim(), f[7].Trim());
            rows.Add((profile, Split(f[2]), Split(f[3])));
        }
        return new OutletRegistry(rows);

        static string[] Split(string s) => s.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public OutletProfile? ByKey(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The outlet named by an outlet field ("SANA", "Syrian Arab News Agency", "sana"), or null.</summary>
    public OutletProfile? ByName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        return _byName.GetValueOrDefault(NormaliseName(name));
    }

    /// <summary>A registry outlet named anywhere in a short attribution phrase ("the Syrian Observatory"), or null.</summary>
    public OutletProfile? ByNameWithin(ReadOnlySpan<char> phrase)
    {
        foreach (var (name, caseSensitive, profile) in _credits)
        {
            var at = phrase.IndexOf(name, caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && IsWordBoundary(phrase, at - 1) && IsWordBoundary(phrase, at + name.Length)) return profile;
        }
        return null;
    }

    /// <summary>The outlet owning a URL's host (the host or any parent domain), or null.</summary>
    public OutletProfile? ByUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host)) return null;
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        while (true)
        {
            if (_byDomain.TryGetValue(host, out var profile)) return profile;
            var dot = host.IndexOf('.');
            if (dot < 0 || host.IndexOf('.', dot + 1) < 0) return null;
            host = host[(dot + 1)..];
        }
    }

    /// <summary>
    /// The first registry outlet credited in the text: its name next to a reporting cue ("SANA reported",
    /// "a Sputnik correspondent", "according to the Syrian Observatory"), or null.
    /// </summary>
    public OutletProfile? ByCredit(ReadOnlySpan<char> text)
    {
        OutletProfile? best = null;
        var bestAt = int.MaxValue;
        foreach (var (name, caseSensitive, profile) in _credits)
        {
            var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            var from = 0;
            while (from < text.Length && from < bestAt)
            {
                var at = text[from..].IndexOf(name, comparison);
                if (at < 0) break;
                at += from;
                from = at + name.Length;
                if (at >= bestAt) break;
                if (!IsWordBoundary(text, at - 1) || !IsWordBoundary(text, at + name.Length)) continue;
                if (HasCue(text, at, at + name.Length)) { best = profile; bestAt = at; break; }
            }
        }
        return best;
    }

    /// <summary>Publisher of a document: the outlet field, else the URL domain, else an in-text credit; an unknown profile otherwise.</summary>
    public OutletProfile Recognise(string? outlet, string? url, ReadOnlySpan<char> text)
    {
        return ByName(outlet) ?? ByUrl(url) ?? (string.IsNullOrWhiteSpace(outlet) ? ByCredit(text) : null)
            ?? OutletProfile.Unknown(outlet ?? HostOf(url));
    }

    private static string? HostOf(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) ? uri.Host : null;

    private static bool HasCue(ReadOnlySpan<char> text, int start, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 32)];
        foreach (var cue in CreditCues)
            if (after.Contains(cue, StringComparison.OrdinalIgnoreCase)) return true;
        var before = text[Math.Max(0, start - 20)..start];
        return before.Contains("according to", StringComparison.OrdinalIgnoreCase) || before.Contains("told", StringComparison.OrdinalIgnoreCase)
            || before.Contains("carried by", StringComparison.OrdinalIgnoreCase) || before.Contains("published by", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsWordBoundary(ReadOnlySpan<char> text, int i) => i < 0 || i >= text.Length || !char.IsLetterOrDigit(text[i]);

    private static string NormaliseName(string name)
    {
        var n = name.Trim();
        if (n.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) n = n[4..].TrimStart();
        return n;
    }
}
