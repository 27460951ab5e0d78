using System.Text;
using System.Text.Json;
using Sitrep.Events;
using Sitrep.Export;

namespace Sitrep.Tests.Export;

public sealed class OutputSetTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitrep-out-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static readonly string[] FileNames =
        [OutputSet.DocumentsFile, OutputSet.EventsFile, OutputSet.ClaimsFile, OutputSet.CsvFile, OutputSet.GeoJsonFile];

    [Fact]
    public void CompleteWritesFiveFilesAndNoTemporaries()
    {
        using (var output = OutputSet.Create(_dir))
        {
            output.Add(SampleDocuments.Rusafa("a.txt"));
            output.Add(SampleDocuments.Rusafa("b.txt"));
            Assert.Empty(Directory.GetFiles(_dir, "*.jsonl")); // nothing final before Complete
            output.Complete();
            Assert.Equal(2, output.Documents);
            Assert.Equal(4, output.Events);
            Assert.Equal(2, output.Claims);
        }
        Assert.Equal(FileNames.Order(), Directory.GetFiles(_dir).Select(Path.GetFileName).Order());

        var events = File.ReadAllLines(Path.Combine(_dir, OutputSet.EventsFile));
        Assert.Equal(4, events.Length);
        var first = JsonSerializer.Deserialize<ConflictEvent>(events[0], SitrepJson.Options)!;
        Assert.Equal("a.txt", first.DocumentId);
        Assert.Equal("a.txt#E1", first.Id);
        Assert.Equal(12, first.Fatalities.Best);
        using (var raw = JsonDocument.Parse(events[0]))
        {
            Assert.Equal("a.txt", raw.RootElement.GetProperty("doc").GetString());
            Assert.Equal("Armed clash", raw.RootElement.GetProperty("sub_event_type").GetString());
        }

        var claims = File.ReadAllLines(Path.Combine(_dir, OutputSet.ClaimsFile));
        Assert.Equal(2, claims.Length);
        Assert.Contains("مصدر ميداني", claims[0]); // Arabic stays readable, not \u escapes
        using (var claim = JsonDocument.Parse(claims[0]))
            Assert.Equal("anonymous", claim.RootElement.GetProperty("source_kind").GetString());

        var documents = File.ReadAllLines(Path.Combine(_dir, OutputSet.DocumentsFile));
        Assert.Equal(2, documents.Length);
        using (var doc = JsonDocument.Parse(documents[0]))
        {
            var root = doc.RootElement;
            Assert.Equal(SampleDocuments.RusafaText, root.GetProperty("text").GetString());
            Assert.Equal("2023-10-05", root.GetProperty("published").GetString());
            var body = root.GetProperty("body")[0];
            Assert.StartsWith("Yesterday night", SampleDocuments.RusafaText[body.GetProperty("start").GetInt32()..body.GetProperty("end").GetInt32()]);
            Assert.Equal(0, root.GetProperty("comments").GetArrayLength());
            Assert.Equal(1, root.GetProperty("boilerplate").GetArrayLength());
        }

        var csv = File.ReadAllText(Path.Combine(_dir, OutputSet.CsvFile), Encoding.UTF8);
        Assert.Equal(5, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        using var geo = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_dir, OutputSet.GeoJsonFile)));
        Assert.Equal(2, geo.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public void DocumentWithoutPublishedDateWritesNull()
    {
        using (var output = OutputSet.Create(_dir))
        {
            output.Add(SampleDocuments.Rusafa() with { Published = null, Events = [], Claims = [] });
            output.Complete();
        }
        using var doc = JsonDocument.Parse(File.ReadAllLines(Path.Combine(_dir, OutputSet.DocumentsFile))[0]);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("published").ValueKind);
        using var geo = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_dir, OutputSet.GeoJsonFile)));
        Assert.Equal(0, geo.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public void UncompletedSetLeavesPreviousOutputsUntouched()
    {
        using (var first = OutputSet.Create(_dir))
        {
            first.Add(SampleDocuments.Rusafa("old.txt"));
            first.Complete();
        }
        var before = FileNames.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(_dir, f)));

        using (var second = OutputSet.Create(_dir))
        {
            second.Add(SampleDocuments.Rusafa("new1.txt"));
            second.Add(SampleDocuments.Rusafa("new2.txt"));
            // A run that fails here never calls Complete.
        }

        foreach (var (name, bytes) in before)
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(_dir, name)));
        Assert.Equal(FileNames.Order(), Directory.GetFiles(_dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void ParallelAddsWriteWholeLines()
    {
        using (var output = OutputSet.Create(_dir))
        {
            Parallel.For(0, 200, i => output.Add(SampleDocuments.Rusafa($"doc{i}.txt")));
            output.Complete();
        }
        var lines = File.ReadAllLines(Path.Combine(_dir, OutputSet.EventsFile));
        Assert.Equal(400, lines.Length);
        foreach (var line in lines)
            using (JsonDocument.Parse(line)) { }
        using var geo = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_dir, OutputSet.GeoJsonFile)));
        Assert.Equal(200, geo.RootElement.GetProperty("features").GetArrayLength());
    }
}
