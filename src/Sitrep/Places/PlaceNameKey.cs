using System.Globalization;
using System.Text;

namespace Sitrep.Places;

/// <summary>
/// Folds a place name to a spelling-independent key, so transliterations of one Arabic name meet:
/// "al-Sukhnah", "Sukhna", "Sokhneh" and "As Sukhnah" all give "shn"; "Deir ez-Zor", "Deir Ezzur",
/// "Dayr az Zawr" give "dr zr". Latin: case, diacritics, apostrophes and ʿ ʾ, Arabic articles
/// (al-, el-, as-, ez- ... and glued "Ezzor"), final -ah/-eh, digraphs (kh, gh→g, dh→z, th→t, sh, q→k),
/// inner vowels (a e i o u y w) and doubled letters; a leading vowel is kept as "a" so Arak ≠ Raqqa.
/// Arabic script: hamza forms, ta marbuta, alef maqsura, tatweel, diacritics and the article ال.
/// </summary>
public static class PlaceNameKey
{
    private static readonly char[] LatinFold = BuildLatinFold();

    /// <summary>The folded key of a whole name ("" when nothing is left, e.g. for "al").</summary>
    public static string Of(string name)
    {
        Span<char> output = stackalloc char[256];
        return new string(output[..Build(name, output, exact: false)]);
    }

    /// <summary>
    /// A light normal form that keeps vowels (case, diacritics, articles, apostrophes and final -h folded):
    /// two names with equal forms are the same spelling, not just the same skeleton.
    /// </summary>
    public static string ExactForm(string name)
    {
        Span<char> output = stackalloc char[256];
        return new string(output[..Build(name, output, exact: true)]);
    }

    /// <summary><see cref="Of(string)"/> into a caller's buffer (at least 256 chars); returns the length.</summary>
    public static int Key(ReadOnlySpan<char> name, Span<char> output) => Build(name, output, exact: false);

    /// <summary><see cref="ExactForm(string)"/> into a caller's buffer (at least 256 chars); returns the length.</summary>
    public static int ExactForm(ReadOnlySpan<char> name, Span<char> output) => Build(name, output, exact: true);

    private static int Build(ReadOnlySpan<char> name, Span<char> output, bool exact)
    {
        Span<char> token = stackalloc char[64];
        var written = 0;
        var i = 0;
        while (i < name.Length && written < output.Length - 66)
        {
            if (!IsWordChar(name[i])) { i++; continue; }
            var start = i;
            while (i < name.Length && (IsWordChar(name[i]) || (IsApostrophe(name[i]) && i + 1 < name.Length && IsWordChar(name[i + 1]))))
                i++;
            var raw = name.Slice(start, Math.Min(i - start, 60));
            var len = exact ? ExactToken(raw, token) : TokenKey(raw, token);
            if (len == 0) continue;
            if (written > 0 && !(char.IsAsciiDigit(token[0]) && !exact)) output[written++] = ' ';
            token[..len].CopyTo(output[written..]);
            written += len;
        }
        return written;
    }

    /// <summary>A character that belongs to a name token (letter, digit, Arabic letter).</summary>
    public static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) || c is 'ـ' or (>= '\u064B' and <= '\u065F') or '\u0670';

    /// <summary>Apostrophes and ayn/hamza marks that sit inside a transliterated word (Dar'a, Jom’ah, Saʿid).</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʿ' or 'ʾ' or '`' or '´' or 'ʼ' or 'ʻ';

    private static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    /// <summary>
    /// Writes the key of one token into <paramref name="dest"/> (at least 64 chars) and returns its length;
    /// 0 for an article or an empty token. <paramref name="raw"/> may hold apostrophes.
    /// </summary>
    public static int TokenKey(ReadOnlySpan<char> raw, Span<char> dest)
    {
        if (raw.Length == 0) return 0;
        if (IsArabic(raw[0])) return ArabicKey(raw, dest);
        Span<char> t = stackalloc char[64];
        var s = FoldedStem(raw, t);
        if (s.IsEmpty) return 0;

        var w = 0;
        var last = '\0';
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            char mapped;
            if (next == 'h' && c is 'k' or 'g' or 'd' or 't' or 's' or 'c' or 'p')
            {
                mapped = c switch { 'k' => 'K', 'g' => 'g', 'd' => 'z', 't' => 't', 'p' => 'f', _ => 'x' };
                i++;
            }
            else if (c == 'c' && next == 'k') { mapped = 'k'; i++; }
            else if (i == 0 && c is 'a' or 'e' or 'i' or 'o' or 'u') mapped = 'a';
            else if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' && i > 0) continue;
            else mapped = c switch { 'q' => 'k', 'c' => 'k', _ => c };
            if (mapped == last) continue;
            dest[w++] = mapped;
            last = mapped;
        }
        return w;
    }

    /// <summary>A Latin token folded and stripped of its article and final -ah/-eh; empty for an article alone.</summary>
    private static ReadOnlySpan<char> FoldedStem(ReadOnlySpan<char> raw, Span<char> buffer)
    {
        var n = FoldLatin(raw, buffer);
        if (n == 0) return [];
        ReadOnlySpan<char> s = buffer[..n];
        if (IsArticle(s)) return [];
        s = StripGluedArticle(s);
        if (s.Length >= 3 && s[^1] == 'h' && s[^2] is 'a' or 'e' or 'i') s = s[..^1];
        return s;
    }

    private static int ExactToken(ReadOnlySpan<char> raw, Span<char> dest)
    {
        if (IsArabic(raw[0])) return ArabicKey(raw, dest);
        Span<char> t = stackalloc char[64];
        var s = FoldedStem(raw, t);
        s.CopyTo(dest);
        return s.Length;
    }

    /// <summary>Lower-case ASCII letters and digits; diacritics dropped, apostrophes removed.</summary>
    private static int FoldLatin(ReadOnlySpan<char> raw, Span<char> dest)
    {
        var w = 0;
        foreach (var ch in raw)
        {
            if (w >= dest.Length) break;
            if (IsApostrophe(ch)) continue;
            var c = ch < LatinFold.Length ? LatinFold[ch] : char.ToLowerInvariant(ch);
            if (c == '\0') continue;
            dest[w++] = c;
        }
        return w;
    }

    /// <summary>A transliterated Arabic article ("al", "ash", "ez"), lower case, as written before a hyphen.</summary>
    internal static bool IsArticle(ReadOnlySpan<char> s) => s switch
    {
        "al" or "el" or "ar" or "as" or "ad" or "at" or "az" or "ash" or "an" or "ath" or "adh"
            or "ed" or "es" or "er" or "et" or "ez" or "en" or "ul" or "il" => true,
        _ => false,
    };

    /// <summary>"Ezzor" → "zor", "Assukhnah" → "sukhnah": a sun-letter article written onto the word.</summary>
    private static ReadOnlySpan<char> StripGluedArticle(ReadOnlySpan<char> s)
    {
        if (s.Length >= 5 && s[0] is 'a' or 'e' or 'i' && s[1] == s[2] && s[1] is 't' or 'd' or 'r' or 's' or 'z' or 'n')
            return s[2..];
        return s;
    }

    private static int ArabicKey(ReadOnlySpan<char> raw, Span<char> dest)
    {
        Span<char> t = stackalloc char[64];
        var w = 0;
        foreach (var ch in raw)
        {
            if (w >= t.Length) break;
            char c = ch switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ة' => 'ه',
                'ى' or 'ئ' or 'ی' => 'ي',
                'ؤ' => 'و',
                'ک' => 'ك',
                'ء' or 'ـ' => '\0',
                >= '\u064B' and <= '\u065F' or '\u0670' => '\0',
                _ when IsApostrophe(ch) => '\0',
                _ => ch,
            };
            if (c != '\0') t[w++] = c;
        }
        var s = t[..w];
        if (s.Length > 3 && s[0] == 'ا' && s[1] == 'ل') s = s[2..];
        s.CopyTo(dest);
        return s.Length;
    }

    private static char[] BuildLatinFold()
    {
        var table = new char[0x2000];
        for (var c = 0; c < table.Length; c++)
        {
            var ch = (char)c;
            if (char.IsAsciiLetter(ch)) { table[c] = char.ToLowerInvariant(ch); continue; }
            if (char.IsAsciiDigit(ch)) { table[c] = ch; continue; }
            if (c < 0xC0 || char.IsSurrogate(ch)) continue;
            if (!char.IsLetter(ch)) continue;
            var special = ch switch { 'ı' => 'i', 'ß' => 's', 'æ' => 'a', 'ø' => 'o', 'đ' => 'd', 'ł' => 'l', 'ħ' => 'h', _ => '\0' };
            if (special != '\0') { table[c] = special; continue; }
            var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
            var b = char.ToLowerInvariant(decomposed[0]);
            table[c] = char.IsAsciiLetterLower(b) ? b : char.ToLowerInvariant(ch);
        }
        return table;
    }

    internal static bool IsUpperInitial(char c) => char.IsUpper(c);

    internal static CultureInfo Invariant => CultureInfo.InvariantCulture;
}
