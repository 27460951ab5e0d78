using System.Text;
using Sitrep.Export;

namespace Sitrep.Tests.Export;

public class AcledCsvRendererTests
{
    private static string Render(params AcledRow[] rows)
    {
        using var stream = new MemoryStream();
        using (var csv = new AcledCsvRenderer(stream, leaveOpen: true))
            foreach (var row in rows) csv.Write(row);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A minimal RFC 4180 reader, so the tests check what a spreadsheet would read back.</summary>
    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString()); field.Clear();
                rows.Add(row); row = [];
                i++;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    [Fact]
    public void HeaderIsExactlyTheAcledColumnsAndStartsWithBom()
    {
        using var stream = new MemoryStream();
        using (new AcledCsvRenderer(stream, leaveOpen: true)) { }
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var header = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(
            "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2," +
            "country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\r\n",
            header);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Deir ez-Zor, Syria", "\"Deir ez-Zor, Syria\"")]
    [InlineData("the so-called \"caliphate\"", "\"the so-called \"\"caliphate\"\"\"")]
    [InlineData("line one\nline two", "\"line one\nline two\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+963 11 000", "'+963 11 000")]
    [InlineData("-2 soldiers", "'-2 soldiers")]
    [InlineData("@SANA", "'@SANA")]
    [InlineData("الرقة", "الرقة")]
    [InlineData("", "")]
    public void FieldIsQuotedAndGuarded(string value, string expected) =>
        Assert.Equal(expected, AcledCsvRenderer.Field(value));

    [Fact]
    public void RowRoundTripsThroughAnRfc4180Reader()
    {
        var doc = SampleDocuments.Rusafa();
        var row = AcledRow.From(doc.Events[0], doc.Outlet) with { Notes = "Clashes, \"heavy\" losses\nper =source" };
        var rows = Parse(Render(row)[1..]); // skip the BOM char
        Assert.Equal(2, rows.Count);
        Assert.Equal(AcledRow.Columns, rows[0]);
        var fields = rows[1];
        Assert.Equal(18, fields.Count);
        Assert.Equal("000_rusafa.txt#E1", fields[0]);
        Assert.Equal("2023-10-04", fields[1]);
        Assert.Equal("1", fields[2]);
        Assert.Equal("Wilayat al-Sham; Jund al-Khilafa", fields[6]);
        Assert.Equal("Ar-Raqqa", fields[10]);
        Assert.Equal("35.8383", fields[12]);
        Assert.Equal("38.7457", fields[13]);
        Assert.Equal("2", fields[14]);
        Assert.Equal("South Front; a field source", fields[15]);
        Assert.Equal("Clashes, \"heavy\" losses\nper =source", fields[16]);
        Assert.Equal("12", fields[17]);
    }

    [Fact]
    public void NumericColumnsAreNotGuarded()
    {
        var row = new AcledRow { EventIdCnty = "x", Latitude = -33.5, Longitude = -70.25, GeoPrecision = 1, Fatalities = 3 };
        var fields = Parse(Render(row)[1..])[1];
        Assert.Equal("-33.5", fields[12]);
        Assert.Equal("-70.25", fields[13]);
        Assert.Equal("3", fields[17]);
    }

    [Fact]
    public void UnlocatedMonthEventUsesFirstOfMonthPrecisionThreeAndASummary()
    {
        var doc = SampleDocuments.Rusafa();
        var row = AcledRow.From(doc.Events[1], doc.Outlet);
        Assert.Equal("2023-10-01", row.EventDate);
        Assert.Equal(3, row.TimePrecision);
        Assert.Equal(0, row.Fatalities);
        Assert.False(row.HasPoint);
        Assert.Contains("Islamic State", row.Notes);
        Assert.StartsWith("On 2023-10", row.Notes);
        var fields = Parse(Render(row)[1..])[1];
        Assert.Equal("", fields[12]);
        Assert.Equal("", fields[14]);
    }

    [Theory]
    [InlineData("day", 1)]
    [InlineData("week", 2)]
    [InlineData("month", 3)]
    [InlineData("unknown", 3)]
    public void TimePrecisionFollowsAcled(string precision, int code) =>
        Assert.Equal(code, AcledRow.TimePrecisionOf(precision));
}
