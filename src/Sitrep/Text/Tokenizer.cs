using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Text;

/// <summary>
/// Splits text into word, number, punctuation and symbol tokens. Word-internal hyphens and
/// apostrophes stay inside ("al-Sukhnah", "Ma'arrat"), as do digit groups ("1,200", "4×4").
/// </summary>
public static class Tokenizer
{
    public static void Tokenize(string text, TextSpan range, ImmutableArray<Token>.Builder into)
    {
        var i = range.Start;
        while (i < range.End)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsLetter(c))
            {
                i++;
                while (i < range.End && (IsWordChar(text[i]) || (IsJoiner(text[i]) && i + 1 < range.End && char.IsLetterOrDigit(text[i + 1])))) i++;
                into.Add(new Token(new TextSpan(start, i), TokenKind.Word));
            }
            else if (char.IsDigit(c))
            {
                i++;
                while (i < range.End && (char.IsDigit(text[i]) || ((text[i] is ',' or '.' or '×') && i + 1 < range.End && char.IsDigit(text[i + 1])))) i++;
                // "4x4", "T-4": a number glued to letters stays one token.
                while (i < range.End && (char.IsLetter(text[i]) || (text[i] == '-' && i + 1 < range.End && char.IsLetterOrDigit(text[i + 1])))) i++;
                into.Add(new Token(new TextSpan(start, i), TokenKind.Number));
            }
            else
            {
                i++;
                into.Add(new Token(new TextSpan(start, i), char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol));
            }
        }
    }

    public static ImmutableArray<Token> Tokenize(string text) =>
        Tokenize(text, new TextSpan(0, text.Length));

    public static ImmutableArray<Token> Tokenize(string text, TextSpan range)
    {
        var builder = ImmutableArray.CreateBuilder<Token>();
        Tokenize(text, range, builder);
        return builder.ToImmutable();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    private static bool IsJoiner(char c) => c is '-' or '\'' or '’' or '‘' or 'ʿ' or 'ʾ' or '`' or '\u2010' or '\u2011';
}
