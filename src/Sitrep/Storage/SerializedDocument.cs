using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Export;

namespace Sitrep.Storage;

/// <summary>
/// A document's records as the store and the output files write them: its mentions as one JSON array (text order),
/// each event and claim as a JSON object. Made where the document is made (on the pipeline workers), so the single
/// store writer and the output writer only copy strings.
/// </summary>
public sealed record SerializedDocument(string? Mentions, ImmutableArray<string> Events, ImmutableArray<string> Claims)
{
    /// <summary>The document's fusion fingerprint and publisher, stored with it when given (the extract job's fusion pass needs them).</summary>
    public StoredFusionDocument? Fusion { get; init; }

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;

    public static SerializedDocument Of(Document document)
    {
        var events = document.Events.IsDefault ? [] : document.Events;
        var claims = document.Claims.IsDefault ? [] : document.Claims;
        return new SerializedDocument(
            document.Mentions.IsDefaultOrEmpty ? null : MentionsJson(document.Mentions),
            [.. events.Select(e => JsonSerializer.Serialize(e, SitrepJson.Options))],
            [.. claims.Select(c => JsonSerializer.Serialize(c, SitrepJson.Options))]);
    }

    /// <summary>The mentions as one JSON array in text order (by start, then end; the pipeline's order among equals).</summary>
    private static string MentionsJson(ImmutableArray<Mention> mentions)
    {
        var ordered = true;
        for (var i = 1; i < mentions.Length && ordered; i++)
            ordered = mentions[i - 1].Span.Start < mentions[i].Span.Start ||
                      mentions[i - 1].Span.Start == mentions[i].Span.Start && mentions[i - 1].Span.End <= mentions[i].Span.End;
        IEnumerable<Mention> inOrder = ordered ? mentions : mentions.OrderBy(m => m.Span.Start).ThenBy(m => m.Span.End);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, SitrepJson.WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var m in inOrder) JsonSerializer.Serialize(writer, m, m.GetType(), SitrepJson.Options);
            writer.WriteEndArray();
        }
        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        // a huge document's buffer is not kept for the thread's life
        if (buffer.Capacity > 1 << 20) t_buffer = null;
        return json;
    }
}
