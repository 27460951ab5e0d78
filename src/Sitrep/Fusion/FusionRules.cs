using Sitrep.Events;

namespace Sitrep.Fusion;

/// <summary>The pairwise match of two reports: hard blocks (type, date, place) and a weighted score.</summary>
internal static class FusionRules
{
    // Sub-types that different outlets use for one incident: a battle won is also a clash; a strike is often called shelling.
    private static readonly string[][] CompatibleSubTypes =
    [
        ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
        ["Air/drone strike", "Shelling/artillery/missile attack"],
        ["Remote explosive/landmine/IED", "Suicide bomb", "Grenade"],
        ["Attack", "Abduction/forced disappearance"],
    ];

    /// <summary>The blocking family of an event type: only reports of one type are compared.</summary>
    public static string Family(string eventType) => eventType;

    /// <summary>1 for the same sub-type, 0.5 for compatible ones, 0 for incompatible.</summary>
    public static double SubTypeMatch(string a, string b)
    {
        if (a == b) return 1;
        foreach (var group in CompatibleSubTypes)
            if (group.Contains(a) && group.Contains(b)) return 0.5;
        return 0;
    }

    /// <summary>actor1, actor2 and associated actors, without unnamed or unidentified ones.</summary>
    public static string[] KnownActors(ConflictEvent e)
    {
        var list = new List<string>(4);
        Add(e.Actor1); Add(e.Actor2);
        foreach (var a in e.AssocActor1) Add(a);
        foreach (var a in e.AssocActor2) Add(a);
        return [.. list];

        void Add(string? actor)
        {
            if (IsKnownActor(actor) && !list.Contains(actor!)) list.Add(actor!);
        }
    }

    public static bool IsKnownActor(string? actor) =>
        !string.IsNullOrWhiteSpace(actor) && !actor.StartsWith("Unidentified", StringComparison.OrdinalIgnoreCase);

    public static bool IsCivilian(string actor) => actor.StartsWith("Civilians", StringComparison.Ordinal);

    /// <summary>Pair score in [0, 1], or 0 when a hard block fails (other type, dates apart, places apart).</summary>
    public static double Score(ReportKey a, ReportKey b, FusionOptions options)
    {
        if (!a.Fusable || !b.Fusable || a.Type != b.Type) return 0;
        var subType = SubTypeMatch(a.SubType, b.SubType);
        if (subType == 0) return 0;

        // Date: intervals overlap (with slack).
        if (a.FirstDay > b.LastDay + options.DaySlack || b.FirstDay > a.LastDay + options.DaySlack) return 0;
        double date = a.ExactDay && b.ExactDay ? (a.FirstDay == b.FirstDay ? 1 : 0.5)
            : a.FirstDay <= b.LastDay && b.FirstDay <= a.LastDay ? 0.7 : 0.4;

        var actors = ActorMatch(a.Actors, b.Actors);
        double place;
        if (a.Lat is { } alat && a.Lon is { } alon && b.Lat is { } blat && b.Lon is { } blon)
        {
            var worst = Math.Max(a.Precision, b.Precision);
            var km = Kilometres(alat, alon, blat, blon);
            if (worst >= 3)
            {
                if (a.Admin1 is not null && b.Admin1 is not null ? a.Admin1 != b.Admin1 : km > 100) return 0;
                place = 0.5;
            }
            else
            {
                var radius = worst <= 1 ? options.RadiusPrecise : options.RadiusNear;
                if (km > radius) return 0;
                place = 1 - 0.5 * km / radius;
            }
        }
        else
        {
            // Unlocated: only a same-day report by the same actors may join.
            if (date < 1 || actors < 0.8) return 0;
            if (a.Place is not null && b.Place is not null && a.Place != b.Place) return 0;
            place = 0.3;
        }
        return 0.4 * place + 0.3 * actors + 0.2 * date + 0.1 * subType;
    }

    /// <summary>
    /// Order-free actor agreement: 1 the same actors, 0.8 one side unknown in one report, 0.5 nothing known,
    /// 0.6 one actor shared and the other different, 0 no actor in common (a disagreement, not a block).
    /// </summary>
    public static double ActorMatch(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0.5;
        var shared = 0;
        foreach (var x in a) if (Array.IndexOf(b, x) >= 0) shared++;
        if (shared == 0) return 0;
        if (shared == a.Length && shared == b.Length) return 1;
        if (shared == Math.Min(a.Length, b.Length)) return 0.8;
        return 0.6;
    }

    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        const double r = 6371.0;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * r * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
