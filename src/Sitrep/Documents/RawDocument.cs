namespace Sitrep.Documents;

/// <summary>How the content of a raw document is to be read.</summary>
public enum DocumentFormat
{
    /// <summary>Plain text: the first non-empty line is the title.</summary>
    Text,
    /// <summary>Plain text whose title is given separately (JSONL, feeds): no title line.</summary>
    TextBody,
    /// <summary>An HTML page or fragment.</summary>
    Html,
}

/// <summary>One input document as it arrives, decoded to a string but not yet cleaned.</summary>
/// <param name="Id">The document id: the JSONL <c>id</c> field, else the file name.</param>
/// <param name="Source">Where it came from (a path, a path and line, a feed item) for messages.</param>
/// <param name="Content">The decoded text or HTML.</param>
public sealed record RawDocument(string Id, string Source, DocumentFormat Format, string Content)
{
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? Outlet { get; init; }
    /// <summary>The publication date or timestamp as given by the input (ISO or RFC 822), if any.</summary>
    public string? Published { get; init; }
}
