using System.Globalization;
using Sitrep.Quantities;

namespace Sitrep.Dates;

/// <summary>A date phrase resolved against a publication date (see <see cref="DateMention"/> for the fields).</summary>
/// <param name="Offset">For a phrase relative to another event ("two days after the attack", "the next day"):
/// how many units of <paramref name="Precision"/> it lies after (positive) or before (negative) that event.</param>
/// <param name="Month">For a calendar phrase without a year ("5 October", "last April") left unresolved: its month (1-12), else 0.</param>
/// <param name="DayOfMonth">With <paramref name="Month"/>: its day, or 0 for a whole month.</param>
public readonly record struct ResolvedDate(string? Value, string Precision, string? RelativeTo, int? Offset = null, int Month = 0, int DayOfMonth = 0);

/// <summary>
/// Reads date phrases and resolves them against the publication date. Pure: the same phrase and
/// publication date always give the same answer. Word tables (months, weekdays, relative phrases) are
/// compact code constants because their shape is grammar, not a lexicon that grows.
/// Choices: a day-month without a year is its most recent occurrence up to two days after publication
/// ("5 October" published 2023-12-06 is 2023-10-05); "on Wednesday" is the latest Wednesday on or before
/// publication, "last Wednesday" the latest strictly before; "last week" is the Monday of the previous ISO
/// week; years alone have precision "year" and value "YYYY".
/// </summary>
public static class DateResolver
{
    public const string Day = "day", Week = "week", Month = "month", Year = "year", Unknown = "unknown";
    public const string Publication = "publication", Event = "event";

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] MonthShort = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] Weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    private static readonly string[] PartsOfDay = ["morning", "afternoon", "evening", "night"];
    private static readonly string[] LastNight = ["last", "night"], TheNextDay = ["the", "next", "day"], TheFollowingDay = ["the", "following", "day"];

    // Fixed phrases relative to publication: words, amount, unit. Longest first where they share a start.
    private static readonly (string[] Words, int Amount, string Unit)[] RelativeRows =
    [
        (["the", "day", "before", "yesterday"], -2, Day),
        (["yesterday"], -1, Day), (["last", "night"], -1, Day), (["overnight"], -1, Day),
        (["earlier", "today"], 0, Day), (["today"], 0, Day), (["tonight"], 0, Day),
        (["this", "morning"], 0, Day), (["this", "afternoon"], 0, Day), (["this", "evening"], 0, Day),
        (["earlier", "this", "week"], 0, Week), (["this", "week"], 0, Week), (["last", "week"], -1, Week),
        (["past", "week"], 0, Week),
        (["earlier", "this", "month"], 0, Month), (["this", "month"], 0, Month), (["last", "month"], -1, Month),
        (["earlier", "this", "year"], 0, Year), (["this", "year"], 0, Year), (["last", "year"], -1, Year),
    ];

    private static readonly WordPhrases<(int Amount, string Unit)> Relative = new(RelativeRows.Select(r => (r.Words, (r.Amount, r.Unit))));

    /// <summary>Resolves a whole phrase ("last April", "two days ago", "June 23, 2020"); null when it is not a date phrase.</summary>
    public static ResolvedDate? Resolve(string phrase, DateOnly? published)
    {
        var words = new WordList(phrase, phrase.ToLowerInvariant());
        words.Scan(0, phrase.Length);
        for (var i = 0; i < words.Count; i++)
        {
            var used = Match(words, i, published, out var date);
            if (used > 0) return date;
        }
        return null;
    }

    /// <summary>An offset of whole units from publication: "yesterday" = (-1, day), "last week" = (-1, week).</summary>
    public static ResolvedDate FromPublication(int amount, string unit, DateOnly? published)
    {
        if (published is not { } p) return new(null, unit, Publication);
        return unit switch
        {
            Day => new(Iso(p.AddDays(amount)), Day, Publication),
            Week => new(Iso(Monday(p.AddDays(7 * amount))), Week, Publication),
            Month => new(p.AddMonths(amount).ToString("yyyy-MM", CultureInfo.InvariantCulture), Month, Publication),
            _ => new((p.Year + amount).ToString(CultureInfo.InvariantCulture), Year, Publication),
        };
    }

    /// <summary>
    /// A date told relative to another event ("two days after the attack") on that event's date: the anchor's day
    /// moved by <paramref name="offset"/> units. Null when the anchor is not a full day.
    /// </summary>
    public static string? FromEvent(string? anchor, int offset, string unit)
    {
        if (anchor is null || !DateOnly.TryParseExact(anchor, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)) return null;
        return unit switch
        {
            Day => Iso(a.AddDays(offset)),
            Week => Iso(a.AddDays(7 * offset)),
            Month => a.AddMonths(offset).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Year => (a.Year + offset).ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>A day and month, with or without a year ("5 October", "June 23, 2020").</summary>
    public static ResolvedDate? DayOfMonth(int day, int month, int? year, DateOnly? published)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year ?? 2024, month)) return null;
        if (year is { } y) return new(Iso(new DateOnly(y, month, day)), Day, null);
        if (published is not { } p) return new(null, Day, Publication, Month: month, DayOfMonth: day);
        var candidateYear = p.Year;
        if (day > DateTime.DaysInMonth(candidateYear, month) || new DateOnly(candidateYear, month, day) > p.AddDays(2)) candidateYear--;
        if (day > DateTime.DaysInMonth(candidateYear, month)) return new(null, Day, Publication);
        return new(Iso(new DateOnly(candidateYear, month, day)), Day, Publication);
    }

    /// <summary>A month, with or without a year; "last April" is strictly before the publication month.</summary>
    public static ResolvedDate MonthOf(int month, int? year, bool last, DateOnly? published)
    {
        if (year is { } y) return new(Ym(y, month), Month, null);
        if (published is not { } p) return new(null, Month, Publication, Month: month);
        var candidateYear = month > p.Month || (last && month >= p.Month) ? p.Year - 1 : p.Year;
        return new(Ym(candidateYear, month), Month, Publication);
    }

    /// <summary>The latest such weekday on or before publication (strictly before for "last Wednesday").</summary>
    public static ResolvedDate WeekdayOf(DayOfWeek day, bool strictlyBefore, DateOnly? published)
    {
        if (published is not { } p) return new(null, Day, Publication);
        var back = ((int)p.DayOfWeek - (int)day + 7) % 7;
        if (back == 0 && strictlyBefore) back = 7;
        return new(Iso(p.AddDays(-back)), Day, Publication);
    }

    /// <summary>Matches a date phrase starting at word <paramref name="i"/>; returns the words used (0 for none).</summary>
    internal static int Match(WordList w, int i, DateOnly? published, out ResolvedDate date)
    {
        date = default;

        // Fixed relative phrases, with an optional part of day ("yesterday night").
        var fixedWords = Relative.Match(w, i, out var relative);
        if (fixedWords > 0)
        {
            var used = fixedWords;
            if (relative.Unit == Day && IndexOf(PartsOfDay, w[i + used]) >= 0 && !StartsWith(w, i, LastNight)) used++;
            date = FromPublication(relative.Amount, relative.Unit, published);
            return used;
        }

        // "the next day": relative to the event just told.
        if (StartsWith(w, i, TheNextDay) || StartsWith(w, i, TheFollowingDay))
        {
            date = new ResolvedDate(null, Day, Event, 1);
            return 3;
        }

        // "in the last 24 hours", "past 48 hours": the day of publication.
        {
            var k = i;
            if (w.IsAny(k, "in", "over") || w.Is(k, "during")) k++;
            if (w.Is(k, "the")) k++;
            if (w.IsAny(k, "last", "past") && NumberPhrase.MatchNumber(w, k + 1, out var hours) is var hn && hn > 0 &&
                w.Is(k + 1 + hn, "hours") && hours <= 72)
            {
                date = FromPublication(0, Day, published);
                return k + 2 + hn - i;
            }
        }

        // Weekdays: "Wednesday", "last Wednesday", "on Wednesday night".
        {
            var k = i;
            var strict = false;
            if (w.IsAny(k, "last", "past")) { strict = true; k++; }
            else if (w.Is(k, "this")) k++;
            var wd = IndexOf(Weekdays, w[k]);
            if (wd >= 0 && w.IsCapitalized(k))
            {
                var used = k + 1 - i;
                if (IndexOf(PartsOfDay, w[k + 1]) >= 0) used++;
                date = WeekdayOf((DayOfWeek)wd, strict, published);
                return used;
            }
        }

        // "N days ago", "two days after the attack", "three weeks ago".
        {
            var nn = NumberPhrase.MatchNumber(w, i, out var amount);
            if (nn > 0 && !w.IsDigits(i) || nn > 0 && amount <= 60)
            {
                var unit = UnitOf(w[i + nn]);
                if (unit is not null)
                {
                    var k = i + nn + 1;
                    if (w.Is(k, "ago"))
                    {
                        date = FromPublication(-amount, unit, published);
                        return k + 1 - i;
                    }
                    if (w.IsAny(k, "after", "before") || w.IsAny(k, "later", "earlier"))
                    {
                        var end = k + 1;
                        if (w.IsAny(k, "after", "before"))
                        {
                            if (w.IsAny(end, "the", "that") && !w.IsPunctuation(end + 1) && end + 1 < w.Count) end += w.Is(end, "that") ? 1 : 2;
                        }
                        var sign = w.IsAny(k, "before", "earlier") ? -1 : 1;
                        date = new ResolvedDate(null, unit, Event, sign * amount);
                        return end - i;
                    }
                }
            }
        }

        // ISO date token "2023-10-05".
        if (TryIso(w[i], out var iso))
        {
            date = new ResolvedDate(Iso(iso), Day, null);
            return 1;
        }

        // Unambiguous numeric day/month/year: "25/12/2021" or "12/25/2021".
        if (w.IsDigits(i) && w.Is(i + 1, "/") && w.IsDigits(i + 2) && w.Is(i + 3, "/") && TryYear(w, i + 4, out var sy) &&
            int.TryParse(w[i], out var a) && int.TryParse(w[i + 2], out var b) && (a > 12) != (b > 12))
        {
            var (d, m) = a > 12 ? (a, b) : (b, a);
            if (DayOfMonth(d, m, sy, published) is { } numeric)
            {
                date = numeric;
                return 5;
            }
        }

        // "6 December", "5th of October 2023".
        if (TryDay(w[i], out var day))
        {
            var k = i + 1;
            if (w.Is(k, "of")) k++;
            if (TryMonth(w, k, out var month, out var mw))
            {
                k += mw;
                int? year = null;
                if (w.Is(k, ",") && TryYear(w, k + 1, out var y1)) { year = y1; k += 2; }
                else if (TryYear(w, k, out var y2)) { year = y2; k++; }
                if (DayOfMonth(day, month, year, published) is { } dm)
                {
                    date = dm;
                    return k - i;
                }
            }
        }

        // "June 23", "June 23, 2020", "April 2019", "last April", "mid-April", "in April".
        {
            var k = i;
            var last = false;
            if (w.Is(k, "last")) { last = true; k++; }
            else if (w.IsAny(k, "early", "late") || w.Is(k, "mid")) k++;
            var hyphen = w[k].StartsWith("mid-") || w[k].StartsWith("early-") || w[k].StartsWith("late-");
            if (TryMonth(w, k, out var month, out var mw) || hyphen && TryMonthWord(w[k][(w[k].IndexOf('-') + 1)..], out month))
            {
                if (hyphen) mw = 1;
                var j = k + mw;
                if (!hyphen && TryDay(w[j], out var d) && !w.Is(j + 1, "km"))
                {
                    j++;
                    int? year = null;
                    if (w.Is(j, ",") && TryYear(w, j + 1, out var y1)) { year = y1; j += 2; }
                    else if (TryYear(w, j, out var y2)) { year = y2; j++; }
                    if (DayOfMonth(d, month, year, published) is { } md)
                    {
                        date = md;
                        return j - i;
                    }
                }
                if (TryYear(w, j, out var my))
                {
                    date = MonthOf(month, my, false, published);
                    return j + 1 - i;
                }
                // A bare month name needs a time word before it ("in April", "last April").
                if (last || k > i || hyphen || w.IsAny(i - 1, "in", "since") || w.IsAny(i - 1, "during", "until") || w.IsAny(i - 1, "of", "by"))
                {
                    date = MonthOf(month, null, last, published);
                    return j - i;
                }
            }
        }

        // "in 2019": a year.
        if (w.IsAny(i - 1, "in", "during") && TryYear(w, i, out var year4) && !w.IsPunctuation(i - 1))
        {
            date = new ResolvedDate(year4.ToString(CultureInfo.InvariantCulture), Year, null);
            return 1;
        }
        return 0;
    }

    private static string? UnitOf(ReadOnlySpan<char> word) => word switch
    {
        "day" or "days" => Day,
        "week" or "weeks" => Week,
        "month" or "months" => Month,
        "year" or "years" => Year,
        _ => null,
    };

    private static bool TryMonth(WordList w, int k, out int month, out int used)
    {
        used = 0;
        if (!w.IsCapitalized(k) || !TryMonthWord(w[k], out month)) { month = 0; return false; }
        // Only an abbreviation takes its full stop: "Sept. 14", not the end of "on 8 July.".
        used = w.Is(k + 1, ".") && IndexOf(MonthNames, w[k]) < 0 ? 2 : 1;
        return true;
    }

    private static bool TryMonthWord(ReadOnlySpan<char> word, out int month)
    {
        month = IndexOf(MonthNames, word) + 1;
        if (month == 0) month = IndexOf(MonthShort, word) + 1;
        if (month == 0 && word.SequenceEqual("sept")) month = 9;
        return month > 0;
    }

    private static bool TryDay(ReadOnlySpan<char> word, out int day)
    {
        day = 0;
        var digits = word.Length > 2 && (word.EndsWith("st") || word.EndsWith("nd") || word.EndsWith("rd") || word.EndsWith("th")) ? word[..^2] : word;
        return digits.Length is 1 or 2 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out day) && day is >= 1 and <= 31;
    }

    private static bool TryYear(WordList w, int k, out int year)
    {
        year = 0;
        var word = w[k];
        return word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1900 and <= 2100;
    }

    private static bool TryIso(ReadOnlySpan<char> word, out DateOnly date)
    {
        date = default;
        return word.Length == 10 && word[4] == '-' && word[7] == '-' &&
               DateOnly.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static int IndexOf(string[] table, ReadOnlySpan<char> word)
    {
        for (var k = 0; k < table.Length; k++)
            if (word.SequenceEqual(table[k])) return k;
        return -1;
    }

    private static bool StartsWith(WordList w, int i, string[] words)
    {
        for (var k = 0; k < words.Length; k++)
            if (!w.Is(i + k, words[k])) return false;
        return true;
    }

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Ym(int year, int month) => $"{year:D4}-{month:D2}";
}
