using System.Globalization;
using System.Text;

namespace Sitrep.Export;

/// <summary>
/// Writes <see cref="AcledRow"/>s as an RFC 4180 CSV with ACLED's column names. Single writer: not thread-safe.
/// </summary>
public sealed class AcledCsvRenderer : IDisposable
{
    /// <summary>UTF-8 with a byte-order mark: without it Excel reads the file as ANSI and garbles Arabic.</summary>
    public static readonly Encoding FileEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private readonly TextWriter _writer;
    private readonly bool _leaveOpen;

    /// <summary>Writes the header at once. The stream receives the BOM from <see cref="FileEncoding"/>.</summary>
    public AcledCsvRenderer(Stream stream, bool leaveOpen = false)
        : this(new StreamWriter(stream, FileEncoding, bufferSize: 1 << 16, leaveOpen: leaveOpen), leaveOpen: false)
    {
    }

    /// <summary>Writes to a text writer (its encoding decides the BOM) and writes the header at once.</summary>
    public AcledCsvRenderer(TextWriter writer, bool leaveOpen = false)
    {
        _writer = writer;
        _leaveOpen = leaveOpen;
        for (var i = 0; i < AcledRow.Columns.Count; i++)
        {
            if (i > 0) _writer.Write(',');
            _writer.Write(AcledRow.Columns[i]);
        }
        _writer.Write("\r\n");
    }

    public long Count { get; private set; }

    public void Write(AcledRow row)
    {
        var w = _writer;
        Text(row.EventIdCnty); w.Write(',');
        Text(row.EventDate); w.Write(',');
        Number(row.TimePrecision); w.Write(',');
        Text(row.EventType); w.Write(',');
        Text(row.SubEventType); w.Write(',');
        Text(row.Actor1); w.Write(',');
        Text(row.AssocActor1); w.Write(',');
        Text(row.Actor2); w.Write(',');
        Text(row.AssocActor2); w.Write(',');
        Text(row.Country); w.Write(',');
        Text(row.Admin1); w.Write(',');
        Text(row.Location); w.Write(',');
        Coordinate(row.Latitude); w.Write(',');
        Coordinate(row.Longitude); w.Write(',');
        if (row.GeoPrecision is { } gp) Number(gp);
        w.Write(',');
        Text(row.Source); w.Write(',');
        Text(row.Notes); w.Write(',');
        Number(row.Fatalities);
        w.Write("\r\n");
        Count++;
    }

    public void Flush() => _writer.Flush();

    public void Dispose()
    {
        _writer.Flush();
        if (!_leaveOpen) _writer.Dispose();
    }

    private void Text(string? value) => _writer.Write(Field(value));

    private void Number(int value) => _writer.Write(value.ToString(CultureInfo.InvariantCulture));

    private void Coordinate(double? value)
    {
        if (value is { } v && double.IsFinite(v)) _writer.Write(FormatCoordinate(v));
    }

    /// <summary>Coordinates with at most 6 decimals (about 10 cm), invariant culture.</summary>
    public static string FormatCoordinate(double value) =>
        Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>
    /// One text field, guarded and quoted: a leading = + - @ (or tab/CR) would make a spreadsheet run
    /// it as a formula, so it gets an apostrophe; fields with a comma, quote or line break are quoted
    /// with inner quotes doubled (RFC 4180).
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
