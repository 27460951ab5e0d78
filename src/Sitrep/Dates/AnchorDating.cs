using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Dates;

/// <summary>
/// Puts a year on calendar phrases ("5 October", "last April") of a document that has no publication date, from
/// the dated events it names (<see cref="AnchorEvents"/>). Within a sentence that names an anchor: a phrase with the
/// anchor's own month (and day) is the anchor's date, and confirms the anchor as news the report tells without a
/// year when the day is repeated ("on 5 October"); with "after", "following", "since" the phrase is its first
/// occurrence on or after the anchor, with "before", "ahead of", "until" its last on or before it; with neither it
/// stays open (a bare mention of a past event says little about when the report was written). Elsewhere a phrase is
/// its occurrence nearest the latest confirmed anchor (within <see cref="PublicationLagDays"/> either way); not when
/// the text dates something explicitly in a later year.
/// Measured on FA-KES with the publication dates hidden (bench --anchors).
/// </summary>
public static class AnchorDating
{
    /// <summary>How far from the latest confirmed anchor a date elsewhere in the report may lie: half a year either way.</summary>
    public const int PublicationLagDays = 182;

    /// <summary>How many words before an anchor's cues a relation word may stand ("followed the breaking of ISIS in Al-Baghouz").</summary>
    private const int RelationReach = 6;

    private static readonly string[] AfterCues = ["after", "following", "followed", "since", "wake", "aftermath"];
    private static readonly string[] BeforeCues = ["before", "ahead", "prior", "preceding", "preceded", "until", "eve"];

    public static bool NeedsYear(DateMention m) => m.Value is null && m.CalendarMonth > 0;

    /// <summary>Replaces, in <paramref name="found"/>, the calendar phrases that lack a year with resolved ones where an anchor allows.</summary>
    public static void Apply(Document document, List<DateMention> found, AnchorEvents anchors)
    {
        if (document.Published is not null || anchors.Count == 0 || !found.Exists(NeedsYear)) return;
        var text = document.Text;
        var tokens = document.Tokens;
        var units = new List<TextSpan>();
        if (!document.Sentences.IsDefaultOrEmpty) units.AddRange(document.Sentences.Select(s => s.Span));
        else
        {
            units.AddRange(document.Body);
            tokens = Tokenizer.Tokenize(text);
        }

        var named = new List<(TextSpan Unit, List<AnchorMatch> Anchors, int TokenFrom, int TokenTo)>();
        var t = 0;
        foreach (var unit in units)
        {
            while (t < tokens.Length && tokens[t].Span.Start < unit.Start) t++;
            var end = t;
            while (end < tokens.Length && tokens[end].Span.End <= unit.End) end++;
            var here = anchors.Find(text, tokens, t, end);
            if (here.Count > 0) named.Add((unit, here, t, end));
            t = end;
        }
        if (named.Count == 0) return;

        // First the phrases in a sentence that names an anchor; an anchor whose own date a phrase repeats is confirmed.
        var confirmed = new List<AnchorEvent>();
        var rest = new List<int>();
        for (var k = 0; k < found.Count; k++)
        {
            var m = found[k];
            if (!NeedsYear(m)) continue;
            var unit = named.FindIndex(n => n.Unit.Start <= m.Span.Start && m.Span.End <= n.Unit.End);
            if (unit < 0) { rest.Add(k); continue; }
            var (here, from, to) = (named[unit].Anchors, named[unit].TokenFrom, named[unit].TokenTo);
            if (SameAs(m, here) is { } same)
            {
                // Only a repeated day confirms ("on 5 October"): "last September", "in June last year" tell of the past.
                if (m.CalendarDay > 0 && same.DayKnown) confirmed.Add(same);
                found[k] = m with { Value = Format(m, same.Date.Year), YearFrom = same.Id };
            }
            else if (Related(m, here[^1], text, tokens, from) is { } value)
                found[k] = m with { Value = value, YearFrom = here[^1].Anchor.Id };
        }
        if (confirmed.Count == 0 || rest.Count == 0) return;

        // Elsewhere: the report is taken to follow the latest confirmed anchor, unless it dates something explicitly later.
        var latest = confirmed.MaxBy(a => a.Date)!;
        if (found.Exists(m => m.RelativeTo is null && m.Value is { Length: >= 4 } v && int.TryParse(v.AsSpan(0, 4), out var year) && year > latest.Date.Year))
            return;
        var by = latest.Date.AddDays(PublicationLagDays);
        foreach (var k in rest) found[k] = found[k] with { Value = LatestBy(found[k], by), YearFrom = latest.Id };
    }

    private static AnchorEvent? SameAs(DateMention m, List<AnchorMatch> anchors) =>
        anchors.Select(a => a.Anchor).FirstOrDefault(a => a.Date.Month == m.CalendarMonth && (m.CalendarDay == 0 || !a.DayKnown || a.Date.Day == m.CalendarDay));

    /// <summary>
    /// "last April, after the fall of Baghouz": the first occurrence on or after the anchor ("before", "until": the last on
    /// or before it). The word must lead into the anchor's cues (at most <see cref="RelationReach"/> words before them),
    /// and not govern the date itself ("since late September"); null without such a word.
    /// </summary>
    private static string? Related(DateMention m, AnchorMatch match, string text, IReadOnlyList<Token> tokens, int from)
    {
        var relation = 0;
        for (var i = Math.Max(from, match.FirstToken - RelationReach); i < match.FirstToken && relation == 0; i++)
        {
            if (tokens[i].Span.End <= m.Span.Start && NextWordStart(tokens, i, match.FirstToken + 1, text) >= m.Span.Start) continue;
            var word = text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length);
            if (IsAny(word, AfterCues)) relation = 1;
            else if (IsAny(word, BeforeCues)) relation = -1;
        }
        if (relation == 0) return null;
        var anchor = match.Anchor;
        var reference = m.CalendarDay == 0 || !anchor.DayKnown ? new DateOnly(anchor.Date.Year, anchor.Date.Month, 1) : anchor.Date;
        for (var step = 0; step <= 1; step++)
        {
            var y = anchor.Date.Year + relation * step;
            if (TryStart(m, y, out var start) && (relation > 0 ? start >= reference : start <= reference)) return Format(m, y);
        }
        return null;
    }

    /// <summary>The latest occurrence of the phrase's month (and day) on or before <paramref name="by"/>.</summary>
    private static string LatestBy(DateMention m, DateOnly by)
    {
        for (var y = by.Year; ; y--)
            if (TryStart(m, y, out var start) && start <= by) return Format(m, y);
    }

    private static bool TryStart(DateMention m, int year, out DateOnly start)
    {
        start = default;
        var day = m.CalendarDay == 0 ? 1 : m.CalendarDay;
        if (day > DateTime.DaysInMonth(year, m.CalendarMonth)) return false;
        start = new DateOnly(year, m.CalendarMonth, day);
        return true;
    }

    private static string Format(DateMention m, int year) =>
        m.CalendarDay == 0 ? $"{year:D4}-{m.CalendarMonth:D2}" : $"{year:D4}-{m.CalendarMonth:D2}-{m.CalendarDay:D2}";

    /// <summary>Where the word after token <paramref name="i"/> starts, skipping "on" and "in".</summary>
    private static int NextWordStart(IReadOnlyList<Token> tokens, int i, int to, string text)
    {
        var k = i + 1;
        while (k < to && (IsAny(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length), OnIn))) k++;
        return k < to ? tokens[k].Span.Start : int.MaxValue;
    }

    private static readonly string[] OnIn = ["on", "in", "of", "the"];

    private static bool IsAny(ReadOnlySpan<char> word, string[] table)
    {
        foreach (var w in table)
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
