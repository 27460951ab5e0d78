using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Cleaning;

/// <summary>The role of one paragraph of cleaned text.</summary>
public enum ParagraphRole : byte { Title, Body, Boilerplate, Comment }

/// <summary>The title, body, comment and boilerplate spans of a document, from the roles of its paragraphs.</summary>
public readonly record struct RoleSpans(
    TextSpan? Title,
    ImmutableArray<TextSpan> Body,
    ImmutableArray<TextSpan> Comments,
    ImmutableArray<TextSpan> Boilerplate)
{
    /// <summary>Groups paragraph <paramref name="spans"/> by <paramref name="roles"/> (same length, same order).</summary>
    public static RoleSpans Group(ReadOnlySpan<ParagraphRole> roles, ReadOnlySpan<TextSpan> spans)
    {
        if (roles.Length != spans.Length) throw new ArgumentException("One role per paragraph is required.", nameof(roles));
        var body = ImmutableArray.CreateBuilder<TextSpan>();
        var comments = ImmutableArray.CreateBuilder<TextSpan>();
        var boilerplate = ImmutableArray.CreateBuilder<TextSpan>();
        TextSpan? title = null;
        for (var i = 0; i < roles.Length; i++)
        {
            switch (roles[i])
            {
                case ParagraphRole.Title: title = spans[i]; break;
                case ParagraphRole.Body: body.Add(spans[i]); break;
                case ParagraphRole.Comment: comments.Add(spans[i]); break;
                default: boilerplate.Add(spans[i]); break;
            }
        }
        return new RoleSpans(title, body.ToImmutable(), comments.ToImmutable(), boilerplate.ToImmutable());
    }
}
