namespace Sitrep.Quantities;

/// <summary>
/// A stated amount: the number to report (<see cref="Value"/>), its bounds when the wording gives them,
/// or a vague amount ("tens of", "dozens") with no number at all.
/// </summary>
public readonly record struct CountPhrase(int? Value, int? Low, int? High, bool IsVague)
{
    public static CountPhrase Exact(int n) => new(n, null, null, false);
    public static CountPhrase Vague => new(null, null, null, true);
}

/// <summary>
/// Reads amounts as English reporting writes them: digits ("25", "1,200"), number words ("twenty-five",
/// "two hundred", "a dozen"), qualified amounts ("at least 25", "about 40", "almost 30", "between 5 and 7")
/// and vague amounts ("tens of", "dozens", "a large number of"). Ordinals ("a third") are not amounts.
/// </summary>
public static class NumberPhrase
{
    private enum Bound { None, AtLeast, About, AtMost }

    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> UnitLookup =
        Units.GetAlternateLookup<ReadOnlySpan<char>>();

    // Qualifier phrases before a number, longest first within each group.
    private static readonly WordPhrases<Bound> Qualifiers = new(
    [
        (["no", "fewer", "than"], Bound.AtLeast), (["no", "less", "than"], Bound.AtLeast),
        (["a", "minimum", "of"], Bound.AtLeast), (["at", "least"], Bound.AtLeast), (["more", "than"], Bound.AtLeast),
        (["upwards", "of"], Bound.AtLeast), (["in", "excess", "of"], Bound.AtLeast), (["over"], Bound.AtLeast),
        (["above"], Bound.AtLeast),
        (["an", "estimated"], Bound.About), (["approximately"], Bound.About), (["about"], Bound.About),
        (["around"], Bound.About), (["roughly"], Bound.About), (["some"], Bound.About), (["nearly"], Bound.AtMost),
        (["almost"], Bound.AtMost), (["up", "to"], Bound.AtMost), (["as", "many", "as"], Bound.AtMost),
        (["less", "than"], Bound.AtMost), (["fewer", "than"], Bound.AtMost), (["under"], Bound.AtMost),
    ]);

    // Vague amounts: no number is invented for them.
    private static readonly string[][] VagueWords =
    [
        ["a", "large", "number", "of"], ["a", "big", "number", "of"], ["a", "great", "number", "of"],
        ["a", "huge", "number", "of"], ["a", "significant", "number", "of"], ["a", "small", "number", "of"],
        ["large", "numbers", "of"], ["a", "number", "of"], ["a", "handful", "of"], ["a", "few"],
        ["tens", "of"], ["dozens", "of"], ["scores", "of"], ["hundreds", "of"], ["thousands", "of"],
        ["a", "number"], ["dozens"], ["scores"], ["tens"], ["hundreds"], ["thousands"],
        ["several"], ["many"], ["numerous"], ["multiple"], ["countless"],
    ];

    private static readonly WordPhrases<bool> VagueAmounts = new(VagueWords.Select(words => (words, true)));

    /// <summary>Parses a whole phrase ("at least 25", "twenty-five", "tens of"); null when it is not only an amount.</summary>
    public static CountPhrase? Parse(string phrase)
    {
        var words = new WordList(phrase, phrase.ToLowerInvariant());
        words.Scan(0, phrase.Length);
        var used = Match(words, 0, out var count);
        return used > 0 && used == words.Count ? count : null;
    }

    /// <summary>Parses one number written as digits or words ("1,200", "twenty-five"); null otherwise.</summary>
    public static int? ParseNumber(string text)
    {
        var words = new WordList(text, text.ToLowerInvariant());
        words.Scan(0, text.Length);
        var used = MatchNumber(words, 0, out var n);
        return used > 0 && used == words.Count ? n : null;
    }

    /// <summary>Matches an amount starting at word <paramref name="i"/>; returns how many words it used (0 for none).</summary>
    internal static int Match(WordList w, int i, out CountPhrase count)
    {
        count = default;
        var vagueWords = VagueAmounts.Match(w, i, out _);
        if (vagueWords > 0)
        {
            count = CountPhrase.Vague;
            return vagueWords;
        }

        // Ranges: "between 5 and 7", "from 5 to 7".
        if (w.IsAny(i, "between", "from"))
        {
            var a = MatchNumber(w, i + 1, out var low);
            if (a > 0 && w.IsAny(i + 1 + a, "and", "to"))
            {
                var b = MatchNumber(w, i + 2 + a, out var high);
                if (b > 0)
                {
                    count = new CountPhrase(low, low, high, false);
                    return 2 + a + b;
                }
            }
        }

        var q = Qualifiers.Match(w, i, out var bound);

        var used = MatchNumber(w, i + q, out var n);
        if (used == 0) return 0;
        var end = i + q + used;

        // "5 to 7", "two or three", "5-7" written with a dash token.
        if (bound == Bound.None && (w.IsAny(end, "to", "or") || w.Is(end, "-")))
        {
            var b = MatchNumber(w, end + 1, out var high);
            if (b > 0 && high > n)
            {
                count = new CountPhrase(n, n, high, false);
                return end + 1 + b - i;
            }
        }

        count = bound switch
        {
            Bound.AtLeast => new CountPhrase(n, n, null, false),
            Bound.AtMost => new CountPhrase(n, null, n, false),
            _ => CountPhrase.Exact(n),
        };
        return end - i;
    }

    /// <summary>Matches one number (digits or words, "a dozen", "another one", "a five-member") at <paramref name="i"/>.</summary>
    internal static int MatchNumber(WordList w, int i, out int value)
    {
        value = 0;
        if (i >= w.Count) return 0;
        if (w.Is(i, "another"))
        {
            var more = MatchNumber(w, i + 1, out value);
            if (more > 0) return 1 + more;
            value = 1;
            return 1;
        }
        if (w.IsAny(i, "a", "an"))
        {
            if (w.Is(i + 1, "dozen")) { value = 12; return 2; }
            if (w.Is(i + 1, "hundred")) { value = 100; return 2; }
            if (w.Is(i + 1, "thousand")) { value = 1000; return 2; }
            if (MemberCount(w[i + 1], out value)) return 2;
            value = 1;
            return 1;
        }
        if (MemberCount(w[i], out value)) return 1;
        if (w.IsDigits(i))
        {
            if (!TryDigits(w[i], out value)) return 0;
            var k = i + 1;
            if (w.Is(k, "thousand")) { value *= 1000; k++; }
            else if (w.Is(k, "hundred")) { value *= 100; k++; }
            return k - i;
        }
        return MatchNumberWords(w, i, out value);
    }

    private static int MatchNumberWords(WordList w, int i, out int value)
    {
        int total = 0, current = 0, k = i;
        var any = false;
        var afterScale = false;
        while (k < w.Count)
        {
            var word = w[k];
            if (TryWordNumber(word, out var n))
            {
                if (any && !afterScale && current % 10 != 0) break; // "five six" is not one number
                current += n;
                any = true;
                afterScale = false;
            }
            else if (any && word.SequenceEqual("hundred")) { current = Math.Max(current, 1) * 100; afterScale = true; }
            else if (any && word.SequenceEqual("thousand")) { total += Math.Max(current, 1) * 1000; current = 0; afterScale = true; }
            else if (any && word.SequenceEqual("dozen")) { current = Math.Max(current, 1) * 12; afterScale = true; }
            else if (any && afterScale && word.SequenceEqual("and") && TryWordNumber(w[k + 1], out _)) { }
            else break;
            k++;
        }
        value = total + current;
        return any ? k - i : 0;
    }

    /// <summary>"twenty-five", "five", "ninety".</summary>
    private static bool TryWordNumber(ReadOnlySpan<char> word, out int value)
    {
        if (UnitLookup.TryGetValue(word, out value)) return true;
        var dash = word.IndexOf('-');
        if (dash > 0 && UnitLookup.TryGetValue(word[..dash], out var tens) && tens >= 20 && tens % 10 == 0 &&
            UnitLookup.TryGetValue(word[(dash + 1)..], out var unit) && unit is > 0 and < 10)
        {
            value = tens + unit;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>"five-member" / "5-member" (a family or group of that size).</summary>
    private static bool MemberCount(ReadOnlySpan<char> word, out int value)
    {
        value = 0;
        if (!word.EndsWith("-member")) return false;
        var head = word[..^7];
        return TryWordNumber(head, out value) || TryDigits(head, out value);
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty) return false;
        foreach (var c in s)
        {
            if (c == ',') continue;
            if (!char.IsAsciiDigit(c) || value > 100_000_000) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
