namespace Sitrep.Documents;

/// <summary>
/// A typed span over the document text, added by an annotation stage. Each stage folder owns
/// its concrete mention records (actors, places, quantities, dates, attributions, hedges).
/// </summary>
public abstract record Mention(TextSpan Span)
{
    /// <summary>A short label naming the kind of mention (e.g. "actor", "place").</summary>
    public abstract string Label { get; }
}

/// <summary>A sentence of body text.</summary>
/// <param name="Paragraph">Index of the body paragraph (into <see cref="Document.Body"/>) holding it.</param>
public sealed record Sentence(TextSpan Span, int Paragraph);

public enum TokenKind : byte { Word, Number, Punctuation, Symbol }

/// <summary>A token of body text.</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind);
