using System.Text.Json;
using Sitrep.Documents;

namespace Sitrep.Web;

/// <summary>
/// Reads the body of POST /api/documents: one document in the JSONL shape
/// <c>{"id","title","text"|"html","url","outlet","published"}</c>, size-capped, with a 4xx
/// sentence for every way it can be wrong.
/// </summary>
public static class DocumentIngest
{
    public const int MaxIdLength = 200;

    /// <summary>Reads at most <paramref name="maxBytes"/> bytes; more is a 413 whatever Content-Length says.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > maxBytes)
            throw TooLarge(maxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await request.Body.ReadAsync(chunk, cancellationToken);
            if (read == 0) break;
            if (buffer.Length + read > maxBytes) throw TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static RawDocument Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) throw ApiError.BadRequest("The body is empty: send one JSON object {\"id\",\"title\",\"text\"|\"html\",\"url\",\"outlet\",\"published\"}.");
        JsonDocument json;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
            json = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw ApiError.BadRequest($"The body is not valid JSON: {FirstSentence(ex.Message)}");
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw ApiError.BadRequest("The body must be one JSON object, not " + root.ValueKind.ToString().ToLowerInvariant() + ".");
            var id = Field(root, "id", allowNumber: true);
            var text = Field(root, "text", allowNumber: false);
            var html = Field(root, "html", allowNumber: false);
            if (string.IsNullOrWhiteSpace(id)) throw ApiError.BadRequest("\"id\" is required.");
            id = id.Trim();
            if (id.Length > MaxIdLength) throw ApiError.BadRequest($"\"id\" is longer than {MaxIdLength} characters.");
            if (id.Any(char.IsControl)) throw ApiError.BadRequest("\"id\" must not contain control characters.");

            // "text" is the producer's own article text, so it wins over "html" (as in JSONL input).
            DocumentFormat format;
            string content;
            if (!string.IsNullOrWhiteSpace(text)) { format = DocumentFormat.TextBody; content = text; }
            else if (!string.IsNullOrWhiteSpace(html)) { format = DocumentFormat.Html; content = html; }
            else throw ApiError.BadRequest("\"text\" or \"html\" is required and must not be empty.");

            return new RawDocument(id, "api:" + id, format, content)
            {
                Title = Field(root, "title", allowNumber: true),
                Url = Field(root, "url", allowNumber: false),
                Outlet = Field(root, "outlet", allowNumber: false),
                Published = Field(root, "published", allowNumber: true),
            };
        }
    }

    private static string? Field(JsonElement root, string name, bool allowNumber)
    {
        if (!root.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            JsonValueKind.Number when allowNumber => value.GetRawText(),
            _ => throw ApiError.BadRequest($"\"{name}\" must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}."),
        };
    }

    private static ApiError TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The body is larger than the {maxBytes / 1024} KB limit for one document.");

    private static string FirstSentence(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at >= 0 ? message[..at] : message;
    }
}
