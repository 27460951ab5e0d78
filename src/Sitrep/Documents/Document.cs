using System.Collections.Immutable;
using Sitrep.Events;

namespace Sitrep.Documents;

/// <summary>
/// A cleaned document. The text is stored once; everything else (body paragraphs, comments,
/// sentences, tokens, mentions, events, claims) is a span into it. Stages never mutate a document:
/// each returns a new one with its own annotations added (<c>with</c> expressions share the text).
/// </summary>
public sealed record Document
{
    public required string Id { get; init; }

    /// <summary>The text every offset of this document refers to.</summary>
    public required string Text { get; init; }

    /// <summary>Where it came from (path, path:line, feed item) for messages.</summary>
    public string Source { get; init; } = "";

    /// <summary>SHA-256 (hex) of the raw content: re-ingesting the same content is a no-op.</summary>
    public string ContentHash { get; init; } = "";

    public DocumentFormat Format { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    /// <summary>The span of the title inside <see cref="Text"/>, when the title is part of the text.</summary>
    public TextSpan? TitleSpan { get; init; }
    public string? Outlet { get; init; }
    /// <summary>Publication date, when known from the input, the page metadata or the command line.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>The outlet's own reporting, one span per paragraph, in order.</summary>
    public ImmutableArray<TextSpan> Body { get; init; } = [];
    /// <summary>Reader comments.</summary>
    public ImmutableArray<TextSpan> Comments { get; init; } = [];
    /// <summary>Page furniture: donation banners, share lines, captions, disclaimers, headings.</summary>
    public ImmutableArray<TextSpan> Boilerplate { get; init; } = [];

    public ImmutableArray<Sentence> Sentences { get; init; } = [];
    public ImmutableArray<Token> Tokens { get; init; } = [];
    public ImmutableArray<Mention> Mentions { get; init; } = [];
    public ImmutableArray<ConflictEvent> Events { get; init; } = [];
    public ImmutableArray<Claim> Claims { get; init; } = [];

    /// <summary>Non-fatal notes from stages (e.g. "no body text found").</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);
    public ReadOnlySpan<char> SliceSpan(TextSpan span) => Text.AsSpan(span.Start, span.Length);

    /// <summary>Mentions of one kind, in text order.</summary>
    public IEnumerable<T> MentionsOf<T>() where T : Mention => Mentions.OfType<T>();

    /// <summary>A copy with more mentions, kept sorted by start offset.</summary>
    public Document AddMentions(IEnumerable<Mention> added)
    {
        var builder = Mentions.ToBuilder();
        builder.AddRange(added);
        builder.Sort(static (a, b) => a.Span.CompareTo(b.Span));
        return this with { Mentions = builder.ToImmutable() };
    }

    public Document AddWarning(string warning) => this with { Warnings = Warnings.Add(warning) };

    /// <summary>Whether a span lies inside one body paragraph.</summary>
    public bool IsInBody(TextSpan span)
    {
        foreach (var p in Body)
            if (p.Contains(span)) return true;
        return false;
    }
}
