using System.Text;
using System.Text.Json;
using Sitrep.Export;

namespace Sitrep.Tests.Cli;

/// <summary>The CLI contract, end to end through the real executable: files written, exit codes, errors named.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("sitrep-cli-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Out => Path.Combine(_work, "out");

    private static IEnumerable<JsonElement> Lines(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone());

    [Fact]
    public void Extract_on_the_samples_writes_all_five_files_with_evidence_inside_the_text()
    {
        var result = CliRunner.Run(_work, "extract", RepoPaths.SampleTexts, "--out", Out, "--db", Path.Combine(_work, "s.db"));
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        foreach (var file in new[] { "events.jsonl", "claims.jsonl", "documents.jsonl", "events.csv", "events.geojson" })
            Assert.True(File.Exists(Path.Combine(Out, file)), file);

        var texts = Lines(Path.Combine(Out, "documents.jsonl")).ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("text").GetString()!);
        Assert.Equal(5, texts.Count);
        var events = Lines(Path.Combine(Out, "events.jsonl")).ToList();
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            var text = texts[e.GetProperty("doc").GetString()!];
            foreach (var span in e.GetProperty("evidence").EnumerateArray())
            {
                var (start, end) = (span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32());
                Assert.InRange(start, 0, end - 1);
                Assert.InRange(end, start + 1, text.Length);
            }
        }

        var header = File.ReadLines(Path.Combine(Out, "events.csv"), Encoding.UTF8).First().TrimStart('\uFEFF');
        Assert.Equal(string.Join(',', AcledRow.Columns), header);

        using var geo = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "events.geojson")));
        Assert.Equal("FeatureCollection", geo.RootElement.GetProperty("type").GetString());
        var features = geo.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        Assert.All(features, f =>
        {
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(c[0].GetDouble(), -180, 180);
            Assert.InRange(c[1].GetDouble(), -90, 90);
        });
        Assert.Contains("documents", result.Stdout);
    }

    [Fact]
    public void Bad_inputs_are_named_on_stderr_the_rest_is_written_and_the_exit_code_is_1()
    {
        var bad = Path.Combine(AppContext.BaseDirectory, "data", "bad");
        var huge = Path.Combine(_work, "huge.txt");
        using (var writer = new StreamWriter(huge))
            for (var i = 0; i < 20 * 1024; i++) writer.Write(new string('a', 1023) + "\n");
        var missing = Path.Combine(_work, "does-not-exist.txt");

        var result = CliRunner.Run(_work, "extract", bad, huge, missing, RepoPaths.SampleTexts, "--out", Out, "--db", Path.Combine(_work, "s.db"));

        Assert.Equal(1, result.ExitCode);
        foreach (var name in new[] { "binary.txt", "empty.txt", "invalid-utf8.txt", "broken-feed.rss", "huge.txt", "does-not-exist.txt", "mixed.jsonl:2", "mixed.jsonl:5" })
            Assert.Contains(name, result.Stderr);
        var ids = Lines(Path.Combine(Out, "documents.jsonl")).Select(d => d.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains("good.txt", ids);
        Assert.Contains("utf16le-bom.txt", ids);
        Assert.Contains("arabic-1256.html", ids);
        Assert.Contains("000_f38722150d90b660.txt", ids);
        Assert.Empty(Directory.EnumerateFiles(Out, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("extract", "--published", "25/06/2020")]
    [InlineData("extract")]
    [InlineData("extract", "x.txt", "--db", "a.db", "--pg", "Host=localhost")]
    [InlineData("extract", "x.txt", "--pg", "Host=127.0.0.1;Port=1;Timeout=3")]
    [InlineData("extract", "x.txt", "--pg", "not a connection string")]
    [InlineData("frobnicate")]
    [InlineData("eval", "--gold", "nowhere", "--pred", "nowhere")]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        var result = CliRunner.Run(_work, args);
        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Stderr);
    }

    [Fact]
    public void Rerunning_the_same_inputs_is_idempotent_in_the_store()
    {
        var db = Path.Combine(_work, "s.db");
        var first = CliRunner.Run(_work, "extract", RepoPaths.SampleTexts, "--out", Out, "--db", db);
        Assert.Equal(0, first.ExitCode);
        using (var store = Sitrep.Storage.SqliteStore.Open(db))
        {
            var events = store.CountEvents();
            var second = CliRunner.Run(_work, "extract", RepoPaths.SampleTexts, "--out", Out, "--db", db);
            Assert.Equal(0, second.ExitCode);
            Assert.Contains("unchanged", second.Stdout);
            Assert.Equal(5, store.CountDocuments());
            Assert.Equal(events, store.CountEvents());
        }
    }

    [Fact]
    public void Eval_prints_the_metrics_table()
    {
        Assert.Equal(0, CliRunner.Run(_work, "extract", RepoPaths.SampleTexts, "--out", Out, "--db", Path.Combine(_work, "s.db")).ExitCode);
        var result = CliRunner.Run(_work, "eval", "--gold", RepoPaths.GoldDir, "--pred", Out, "--json", Path.Combine(_work, "r.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("events", result.Stdout);
        Assert.Contains("sub_event_type", result.Stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "r.json")));
        Assert.True(json.RootElement.GetProperty("events").GetProperty("f1").GetDouble() > 0);
    }
}
