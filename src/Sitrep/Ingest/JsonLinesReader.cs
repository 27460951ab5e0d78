using System.Text;
using System.Text.Json;
using Sitrep.Documents;

namespace Sitrep.Ingest;

/// <summary>
/// Reads a .jsonl file line by line: <c>{"id","title","text"|"html","url","outlet","published"}</c>.
/// A bad line fails alone (source <c>path:line</c>) and the lines after it still come.
/// </summary>
internal static class JsonLinesReader
{
    public static IEnumerable<IngestItem> Read(string path, long maxLineBytes)
    {
        var stream = Open(path, out var failure);
        if (stream is null)
        {
            yield return failure!;
            yield break;
        }
        using var lines = new ByteLineReader(stream, maxLineBytes);
        var lineNumber = 0;
        var any = false;
        while (true)
        {
            var status = Next(lines, out var line, out var length, out var readError);
            if (status == LineStatus.End) break;
            lineNumber++;
            var source = $"{path}:{lineNumber}";
            if (status == LineStatus.Error)
            {
                yield return new IngestFailure(source, $"line {lineNumber}: {readError}");
                yield break;
            }
            if (status == LineStatus.TooLong)
            {
                any = true;
                yield return new IngestFailure(source,
                    $"line {lineNumber}: too large: {InputReader.Size(length)} exceeds the {InputReader.Limit(maxLineBytes)} line limit");
                continue;
            }
            if (IsBlank(line.Span)) continue;
            any = true;
            yield return ParseLine(path, source, lineNumber, line);
        }
        if (!any) yield return new IngestFailure(path, "empty file");
    }

    private enum LineStatus { Line, TooLong, End, Error }

    private static LineStatus Next(ByteLineReader lines, out ReadOnlyMemory<byte> line, out long length, out string? error)
    {
        error = null;
        try
        {
            if (!lines.Next(out line, out length, out var tooLong)) return LineStatus.End;
            return tooLong ? LineStatus.TooLong : LineStatus.Line;
        }
        catch (DecoderFallbackException)
        {
            line = default;
            length = 0;
            error = "not valid UTF-16 or UTF-32 (broken or truncated character); the rest of the file is skipped";
            return LineStatus.Error;
        }
        catch (IOException ex)
        {
            line = default;
            length = 0;
            error = $"cannot read: {ex.Message}; the rest of the file is skipped";
            return LineStatus.Error;
        }
    }

    /// <summary>Opens the file as a UTF-8 byte stream: a UTF-8 BOM is skipped, UTF-16/32 are transcoded.</summary>
    private static Stream? Open(string path, out IngestFailure? failure)
    {
        failure = null;
        FileStream? file = null;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var head = new byte[4096];
            var headLength = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var sample = head.AsSpan(0, headLength);
            if (headLength == 0)
            {
                failure = new IngestFailure(path, "empty file");
                file.Dispose();
                return null;
            }
            var encoding = TextDecoding.DetectBom(sample, out var bomLength) ?? TextDecoding.DetectUtf16WithoutBom(sample);
            if (encoding is null && sample.Contains((byte)0))
            {
                failure = new IngestFailure(path, "binary content (NUL bytes)");
                file.Dispose();
                return null;
            }
            file.Position = bomLength;
            if (encoding is null or UTF8Encoding) return file;
            return Encoding.CreateTranscodingStream(file, encoding, Encoding.UTF8, leaveOpen: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            file?.Dispose();
            failure = new IngestFailure(path, $"cannot read: {ex.Message}");
            return null;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) =>
        line.IndexOfAnyExcept(" \t\r\f\v"u8) < 0;

    private static IngestItem ParseLine(string path, string source, int lineNumber, ReadOnlyMemory<byte> line)
    {
        var bad = TextDecoding.FirstInvalidUtf8(line.Span);
        if (bad >= 0)
            return new IngestFailure(source, $"line {lineNumber}: not valid UTF-8 (byte 0x{line.Span[(int)bad]:X2} at offset {bad} of the line)");

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return new IngestFailure(source, $"line {lineNumber}: invalid JSON: {Plain(ex)}");
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new IngestFailure(source, $"line {lineNumber}: expected a JSON object, found {Describe(root.ValueKind)}");

            if (!TryField(root, "id", allowNumber: true, out var id, out var problem)) return Fail(problem);
            if (!TryField(root, "text", allowNumber: false, out var text, out problem)) return Fail(problem);
            if (!TryField(root, "html", allowNumber: false, out var html, out problem)) return Fail(problem);
            if (!TryField(root, "title", allowNumber: true, out var title, out problem)) return Fail(problem);
            if (!TryField(root, "url", allowNumber: false, out var url, out problem)) return Fail(problem);
            if (!TryField(root, "outlet", allowNumber: false, out var outlet, out problem)) return Fail(problem);
            if (!TryField(root, "published", allowNumber: true, out var published, out problem)) return Fail(problem);

            if (string.IsNullOrWhiteSpace(id)) return Fail("needs \"id\"");

            // "text" is the producer's own article text, so it wins over "html" when both are given.
            DocumentFormat format;
            string content;
            if (!string.IsNullOrWhiteSpace(text)) { format = DocumentFormat.TextBody; content = text; }
            else if (!string.IsNullOrWhiteSpace(html)) { format = DocumentFormat.Html; content = html; }
            else if (text is not null || html is not null) return Fail(text is not null ? "\"text\" is empty" : "\"html\" is empty");
            else return Fail("needs \"text\" or \"html\"");

            return new IngestedDocument(new RawDocument(id, source, format, content)
            {
                Title = title,
                Url = url,
                Outlet = outlet,
                Published = published,
            });
        }

        IngestFailure Fail(string? why) => new(source, $"line {lineNumber}: {why}");
    }

    private static bool TryField(JsonElement root, string name, bool allowNumber, out string? value, out string? problem)
    {
        value = null;
        problem = null;
        if (!root.TryGetProperty(name, out var field)) return true;
        switch (field.ValueKind)
        {
            case JsonValueKind.String:
                value = field.GetString();
                return true;
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Number when allowNumber:
                value = field.GetRawText();
                return true;
            default:
                problem = $"\"{name}\" must be a string, found {Describe(field.ValueKind)}";
                return false;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>The parser's message without its zero-based position suffix, with a 1-based column instead.</summary>
    private static string Plain(JsonException ex)
    {
        var message = ex.Message;
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (at >= 0) message = message[..at];
        return ex.BytePositionInLine is { } column ? $"{message} (column {column + 1})" : message;
    }

    /// <summary>Splits a byte stream at '\n' without ever holding more than the line cap of one line.</summary>
    private sealed class ByteLineReader(Stream stream, long maxLineBytes) : IDisposable
    {
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _position;
        private int _filled;
        private bool _endOfStream;
        private byte[] _line = new byte[1 << 12];
        private int _lineLength;

        /// <summary>The next line without its line break; over-long lines are counted but not kept.</summary>
        public bool Next(out ReadOnlyMemory<byte> line, out long length, out bool tooLong)
        {
            _lineLength = 0;
            length = 0;
            tooLong = false;
            var started = false;
            while (true)
            {
                if (_position == _filled)
                {
                    if (_endOfStream || !Fill())
                    {
                        line = Trimmed();
                        return started;
                    }
                }
                started = true;
                var available = _buffer.AsSpan(_position, _filled - _position);
                var newline = available.IndexOf((byte)'\n');
                var chunk = newline < 0 ? available : available[..newline];
                length += chunk.Length;
                if (!tooLong && length > maxLineBytes) tooLong = true;
                if (!tooLong) Append(chunk);
                _position += chunk.Length;
                if (newline >= 0)
                {
                    _position++;
                    line = Trimmed();
                    return true;
                }
            }
        }

        private ReadOnlyMemory<byte> Trimmed()
        {
            var end = _lineLength;
            if (end > 0 && _line[end - 1] == (byte)'\r') end--;
            return _line.AsMemory(0, end);
        }

        private bool Fill()
        {
            _position = 0;
            _filled = stream.Read(_buffer, 0, _buffer.Length);
            if (_filled == 0) _endOfStream = true;
            return _filled > 0;
        }

        private void Append(ReadOnlySpan<byte> chunk)
        {
            if (_lineLength + chunk.Length > _line.Length)
                Array.Resize(ref _line, Math.Max(_line.Length * 2, _lineLength + chunk.Length));
            chunk.CopyTo(_line.AsSpan(_lineLength));
            _lineLength += chunk.Length;
        }

        public void Dispose() => stream.Dispose();
    }
}
