namespace Sitrep.Ingest;

/// <summary>Size caps that keep a hostile or mistaken input from exhausting memory.</summary>
public sealed record IngestOptions
{
    public const long Megabyte = 1024 * 1024;

    /// <summary>Default caps: text 8 MB, HTML 64 MB, JSONL line 16 MB, feed 64 MB.</summary>
    public static IngestOptions Default { get; } = new();

    /// <summary>Largest .txt file (or sniffed text file) read.</summary>
    public long MaxTextFileBytes { get; init; } = 8 * Megabyte;

    /// <summary>Largest .html/.htm file read.</summary>
    public long MaxHtmlFileBytes { get; init; } = 64 * Megabyte;

    /// <summary>Largest single line of a .jsonl file; longer lines fail alone and later lines still come.</summary>
    public long MaxJsonLineBytes { get; init; } = 16 * Megabyte;

    /// <summary>Largest .xml/.rss/.atom feed file read.</summary>
    public long MaxFeedFileBytes { get; init; } = 64 * Megabyte;
}
