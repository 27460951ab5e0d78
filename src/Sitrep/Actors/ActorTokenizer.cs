namespace Sitrep.Actors;

/// <summary>A word or punctuation token of body text, as the actor matcher sees it.</summary>
/// <param name="End">End of the word itself (before a possessive 's).</param>
/// <param name="Next">End including a possessive suffix.</param>
/// <param name="Word">Vocabulary id; -1 for a word no alias uses, -2 for punctuation.</param>
/// <param name="Joined">Only spaces, hyphens or slashes separate it from the previous word token.</param>
internal readonly record struct ActorToken(int Start, int End, int Next, int Word, bool Joined, bool Possessive, char Punct)
{
    public bool IsWord => Word != -2;
}

/// <summary>Splits text into the tokens aliases are written in: case-folded words, hyphens and slashes
/// as joiners, apostrophes dropped, possessive 's split off, dotted acronyms ("U.S.") collapsed.</summary>
internal static class ActorTokenizer
{
    private const int MaxWord = 64;

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4';

    private static bool IsJoiner(char c) => c is '-' or '\u2010' or '\u2011' or '/' || char.IsWhiteSpace(c);

    /// <summary>Reads one word starting at <paramref name="i"/> (a letter or digit); returns where scanning resumes.</summary>
    private static int ReadWord(ReadOnlySpan<char> s, int i, int end, Span<char> lower, out int length, out int wordEnd, out bool possessive)
    {
        length = 0;
        possessive = false;
        var j = i;
        var pairs = 0;
        while (j + 1 < end && char.IsLetter(s[j]) && s[j + 1] == '.'
               && (j + 2 >= end || !char.IsLetterOrDigit(s[j + 2]) || (j + 3 < end && s[j + 3] == '.')))
        {
            if (length < MaxWord) lower[length++] = char.ToLowerInvariant(s[j]);
            pairs++;
            j += 2;
            if (j < end && !char.IsLetter(s[j])) break;
        }
        if (pairs >= 2)
        {
            wordEnd = j - 1;
            return j;
        }
        length = 0;
        j = i;
        var overflow = false;
        while (j < end)
        {
            var c = s[j];
            if (char.IsLetterOrDigit(c))
            {
                if (length < MaxWord) lower[length++] = char.ToLowerInvariant(c);
                else overflow = true;
                j++;
            }
            else if (IsApostrophe(c) && j + 1 < end && char.IsLetterOrDigit(s[j + 1]))
            {
                if (s[j + 1] is 's' or 'S' && (j + 2 >= end || !char.IsLetterOrDigit(s[j + 2])))
                {
                    possessive = true;
                    wordEnd = j;
                    if (overflow) length = -1;
                    return j + 2;
                }
                j++; // an apostrophe inside a name (Dara'a, Hay'at) is dropped
            }
            else if (IsApostrophe(c) && length > 0 && lower[length - 1] == 's' && (j + 1 >= end || !char.IsLetterOrDigit(s[j + 1])))
            {
                possessive = true;
                wordEnd = j;
                if (overflow) length = -1;
                return j + 1;
            }
            else break;
        }
        wordEnd = j;
        if (overflow) length = -1;
        return j;
    }

    /// <summary>Appends the tokens of text[start..end) to <paramref name="tokens"/>.</summary>
    public static void Tokenize(string text, int start, int end, ActorLexicon lexicon, List<ActorToken> tokens)
    {
        Span<char> lower = stackalloc char[MaxWord];
        var s = text.AsSpan();
        var joined = false;
        var i = start;
        while (i < end)
        {
            var c = s[i];
            if (char.IsLetterOrDigit(c))
            {
                var next = ReadWord(s, i, end, lower, out var length, out var wordEnd, out var possessive);
                var id = length > 0 ? lexicon.Lookup(lower[..length]) : -1;
                tokens.Add(new ActorToken(i, wordEnd, next, id, joined, possessive, '\0'));
                joined = true;
                i = next;
            }
            else if (IsJoiner(c))
            {
                i++;
            }
            else
            {
                tokens.Add(new ActorToken(i, i + 1, i + 1, -2, false, false, c));
                joined = false;
                i++;
            }
        }
    }

    /// <summary>The (lower-cased, as-written) word forms of an alias, punctuation dropped.</summary>
    public static List<(string Lower, string Cased)> Normalise(string alias)
    {
        var result = new List<(string, string)>();
        Span<char> lower = stackalloc char[MaxWord];
        var s = alias.AsSpan();
        var i = 0;
        while (i < s.Length)
        {
            if (!char.IsLetterOrDigit(s[i])) { i++; continue; }
            var next = ReadWord(s, i, s.Length, lower, out var length, out var wordEnd, out _);
            if (length > 0) result.Add((lower[..length].ToString(), Cased(s[i..wordEnd])));
            i = next;
        }
        return result;
    }

    private static string Cased(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[word.Length];
        var n = 0;
        foreach (var c in word)
            if (char.IsLetterOrDigit(c)) buffer[n++] = c;
        return buffer[..n].ToString();
    }

    /// <summary>Whether the token, letters and digits only, equals <paramref name="expected"/> case-sensitively.</summary>
    public static bool CasedEquals(string text, in ActorToken token, string expected)
    {
        var k = 0;
        for (var i = token.Start; i < token.End; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c)) continue;
            if (k >= expected.Length || expected[k] != c) return false;
            k++;
        }
        return k == expected.Length;
    }
}
