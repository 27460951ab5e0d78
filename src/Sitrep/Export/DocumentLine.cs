using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using Sitrep.Documents;

namespace Sitrep.Export;

/// <summary>One line of documents.jsonl: the text every offset refers to, with its spans.</summary>
public sealed record DocumentLine
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("outlet")] public string? Outlet { get; init; }
    /// <summary>ISO date (yyyy-MM-dd) or null.</summary>
    [JsonPropertyName("published")] public string? Published { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("body")] public ImmutableArray<TextSpan> Body { get; init; } = [];
    [JsonPropertyName("comments")] public ImmutableArray<TextSpan> Comments { get; init; } = [];
    [JsonPropertyName("boilerplate")] public ImmutableArray<TextSpan> Boilerplate { get; init; } = [];
    [JsonPropertyName("warnings")] public ImmutableArray<string> Warnings { get; init; } = [];

    public static DocumentLine From(Document document) => new()
    {
        Id = document.Id,
        Url = document.Url,
        Title = document.Title,
        Outlet = document.Outlet,
        Published = document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Text = document.Text,
        Body = document.Body.IsDefault ? [] : document.Body,
        Comments = document.Comments.IsDefault ? [] : document.Comments,
        Boilerplate = document.Boilerplate.IsDefault ? [] : document.Boilerplate,
        Warnings = document.Warnings.IsDefault ? [] : document.Warnings,
    };
}
