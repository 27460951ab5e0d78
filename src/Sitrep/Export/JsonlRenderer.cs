using System.Text.Json;

namespace Sitrep.Export;

/// <summary>Writes one compact JSON object per line (JSON Lines) to a stream. Single writer: not thread-safe.</summary>
public sealed class JsonlRenderer : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Utf8JsonWriter _writer;

    public JsonlRenderer(Stream stream, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _writer = new Utf8JsonWriter(stream, SitrepJson.WriterOptions);
    }

    public long Count { get; private set; }

    public void Write<T>(T value)
    {
        JsonSerializer.Serialize(_writer, value, SitrepJson.Options);
        _writer.Flush();
        _stream.WriteByte((byte)'\n');
        // A fresh writer state per line: each line is its own top-level JSON value.
        _writer.Reset(_stream);
        Count++;
    }

    /// <summary>Writes a value already serialised with <see cref="SitrepJson.Options"/> as one line.</summary>
    public void WriteRaw(string json)
    {
        _writer.WriteRawValue(json, skipInputValidation: true);
        _writer.Flush();
        _stream.WriteByte((byte)'\n');
        _writer.Reset(_stream);
        Count++;
    }

    public void Flush()
    {
        _writer.Flush();
        _stream.Flush();
    }

    public void Dispose()
    {
        _writer.Dispose();
        if (!_leaveOpen) _stream.Dispose();
    }
}
