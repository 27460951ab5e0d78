using System.Globalization;
using System.Text;
using Sitrep.Documents;

namespace Sitrep.Ingest;

/// <summary>
/// Reads any mix of files and folders into raw documents, one at a time and in a stable order.
/// A bad input becomes an <see cref="IngestFailure"/> and never stops the run.
/// </summary>
/// <remarks>
/// Folders are walked depth-first in ordinal name order; hidden entries (names starting with '.')
/// and symbolic links to folders are skipped there, as are files of unknown type. By extension:
/// .txt is text, .html/.htm is HTML, .jsonl is one document per line, .xml/.rss/.atom is a feed.
/// A file named explicitly with another extension is HTML if it starts with '&lt;', else text.
/// </remarks>
public sealed class InputReader(IngestOptions options)
{
    public InputReader() : this(IngestOptions.Default) { }

    public IngestOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Lazily reads every path in order; folders are recursed.</summary>
    public IEnumerable<IngestItem> Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        TextDecoding.EnsureCodePages();
        return ReadAll(paths);
    }

    /// <summary>The kind of input a file name stands for, from its extension.</summary>
    public static InputKind KindOf(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".txt" => InputKind.Text,
            ".html" or ".htm" => InputKind.Html,
            ".jsonl" => InputKind.JsonLines,
            ".xml" or ".rss" or ".atom" => InputKind.Feed,
            _ => InputKind.Unknown,
        };

    private IEnumerable<IngestItem> ReadAll(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            foreach (var item in ReadPath(path)) yield return item;
        }
    }

    private IEnumerable<IngestItem> ReadPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            yield return new IngestFailure(path ?? "", "empty path");
        }
        else if (Directory.Exists(path))
        {
            foreach (var item in ReadFolder(path)) yield return item;
        }
        else if (File.Exists(path))
        {
            foreach (var item in ReadFile(path, namedExplicitly: true)) yield return item;
        }
        else
        {
            yield return new IngestFailure(path, "no such file or folder");
        }
    }

    private IEnumerable<IngestItem> ReadFolder(string folder)
    {
        var entries = ListFolder(folder, out var failure);
        if (failure is not null)
        {
            yield return failure;
            yield break;
        }
        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.')) continue;
            if (Directory.Exists(entry))
            {
                // A link to a folder could lead back up the tree; only real subfolders are walked.
                if (new DirectoryInfo(entry).LinkTarget is not null) continue;
                foreach (var item in ReadFolder(entry)) yield return item;
            }
            else if (KindOf(entry) != InputKind.Unknown)
            {
                foreach (var item in ReadFile(entry, namedExplicitly: false)) yield return item;
            }
        }
    }

    private static string[] ListFolder(string folder, out IngestFailure? failure)
    {
        failure = null;
        try
        {
            var entries = Directory.GetFileSystemEntries(folder);
            Array.Sort(entries, StringComparer.Ordinal);
            return entries;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failure = new IngestFailure(folder, $"cannot read folder: {ex.Message}");
            return [];
        }
    }

    private IEnumerable<IngestItem> ReadFile(string path, bool namedExplicitly)
    {
        switch (KindOf(path))
        {
            case InputKind.Text:
                yield return ReadWholeFile(path, DocumentFormat.Text, Options.MaxTextFileBytes, "text");
                break;
            case InputKind.Html:
                yield return ReadWholeFile(path, DocumentFormat.Html, Options.MaxHtmlFileBytes, "HTML");
                break;
            case InputKind.JsonLines:
                foreach (var item in JsonLinesReader.Read(path, Options.MaxJsonLineBytes)) yield return item;
                break;
            case InputKind.Feed:
                foreach (var item in FeedReader.Read(path, Options.MaxFeedFileBytes)) yield return item;
                break;
            default:
                if (namedExplicitly) yield return ReadSniffed(path);
                break;
        }
    }

    private static IngestItem ReadWholeFile(string path, DocumentFormat format, long cap, string limitName)
    {
        var bytes = ReadBytes(path, cap, limitName, out var failure);
        if (bytes is null) return failure!;
        return Decode(path, bytes, format);
    }

    private IngestItem ReadSniffed(string path)
    {
        var largest = Math.Max(Options.MaxHtmlFileBytes, Options.MaxTextFileBytes);
        var bytes = ReadBytes(path, largest, "HTML", out var failure);
        if (bytes is null) return failure!;
        if (StartsWithMarkup(bytes)) return Decode(path, bytes, DocumentFormat.Html);
        if (bytes.LongLength > Options.MaxTextFileBytes) return TooLarge(path, bytes.LongLength, Options.MaxTextFileBytes, "text");
        return Decode(path, bytes, DocumentFormat.Text);
    }

    private static IngestItem Decode(string path, byte[] bytes, DocumentFormat format)
    {
        var ok = format == DocumentFormat.Html
            ? TextDecoding.TryDecodeHtml(bytes, out var text, out var reason)
            : TextDecoding.TryDecodeText(bytes, out text, out reason);
        return ok
            ? new IngestedDocument(new RawDocument(Path.GetFileName(path), path, format, text!))
            : new IngestFailure(path, reason!);
    }

    /// <summary>Reads a whole file if it is within <paramref name="cap"/>; otherwise says why not.</summary>
    internal static byte[]? ReadBytes(string path, long cap, string limitName, out IngestFailure? failure)
    {
        failure = null;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var length = stream.Length;
            if (length > cap)
            {
                failure = TooLarge(path, length, cap, limitName);
                return null;
            }
            var bytes = new byte[length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            failure = new IngestFailure(path, $"cannot read: {ex.Message}");
            return null;
        }
    }

    internal static IngestFailure TooLarge(string source, long length, long cap, string limitName) =>
        new(source, $"too large: {Size(length)} exceeds the {Limit(cap)} {limitName} limit");

    /// <summary>A measured size: "20.0 MB", or "3007 bytes" below a tenth of a megabyte.</summary>
    internal static string Size(long bytes) =>
        bytes >= IngestOptions.Megabyte / 10
            ? (bytes / (double)IngestOptions.Megabyte).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
            : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";

    /// <summary>A cap as people write it: "8 MB", "0.5 MB", "512 bytes".</summary>
    internal static string Limit(long cap) =>
        cap >= IngestOptions.Megabyte / 10
            ? (cap / (double)IngestOptions.Megabyte).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
            : cap.ToString(CultureInfo.InvariantCulture) + " bytes";

    private static bool StartsWithMarkup(ReadOnlySpan<byte> bytes)
    {
        var encoding = TextDecoding.DetectBom(bytes, out var bomLength) ?? TextDecoding.DetectUtf16WithoutBom(bytes);
        var head = bytes.Slice(bomLength, Math.Min(bytes.Length - bomLength, 1024));
        string start;
        try
        {
            start = encoding is null or UTF8Encoding ? Encoding.Latin1.GetString(head) : encoding.GetString(head[..(head.Length & ~3)]);
        }
        catch (DecoderFallbackException)
        {
            start = "";
        }
        return start.AsSpan().TrimStart().StartsWith('<');
    }
}

/// <summary>What a file is read as, chosen by its extension.</summary>
public enum InputKind
{
    Unknown,
    Text,
    Html,
    JsonLines,
    Feed,
}
