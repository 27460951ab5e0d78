using Npgsql;
using Sitrep.Documents;
using Sitrep.Fusion;
using Sitrep.Pipeline;
using Sitrep.Postgres;
using Sitrep.Storage;
using Sitrep.Testing;

namespace Sitrep.Tests.Postgres;

/// <summary>The PostgreSQL store and queue against a real server (skipped without SITREP_TEST_PG).</summary>
public sealed class PostgresStoreTests(PgDatabase db) : IClassFixture<PgDatabase>
{
    private static readonly Lazy<SitrepPipeline> Pipeline = new(SitrepDefaults.Create);

    private static RawDocument Raw(string id, string text, string? published = "2024-03-12") =>
        new(id, id, DocumentFormat.Text, text) { Published = published, Outlet = "Test Outlet" };

    private const string Attack = "Soldiers killed near al-Sukhnah\n\n" +
        "Seven soldiers were killed on Tuesday when ISIS fighters attacked an army checkpoint near al-Sukhnah in the eastern countryside of Homs, a military source said.";

    private PostgresStore Fresh()
    {
        var store = PostgresStore.Open(db.Require());
        using var connection = store.DataSource.OpenConnection();
        using var clear = new NpgsqlCommand("TRUNCATE queue, documents, mentions, events, claims, fusion_documents, fusion_members, fused_events CASCADE", connection);
        clear.ExecuteNonQuery();
        return store;
    }

    [SkippableFact]
    public void MigratesOnceEvenWhenManyOpenAtOnce()
    {
        db.Require();
        var stores = new PostgresStore[4];
        Parallel.For(0, stores.Length, i => stores[i] = PostgresStore.Open(db.ConnectionString!));
        try
        {
            Assert.All(stores, s => Assert.Equal(PostgresMigrations.Latest, s.SchemaVersion));
            Assert.Equal(0, PostgresMigrations.Apply(stores[0].DataSource));
        }
        finally
        {
            foreach (var s in stores) s?.Dispose();
        }
    }

    [SkippableFact]
    public void EnqueueingTheSameContentTwiceIsANoOpAndChangedContentIsQueuedAgain()
    {
        using var store = Fresh();
        var first = store.Enqueue([Raw("a", Attack), Raw("b", "Nothing happened.")], "v1");
        Assert.Equal(2, first.Queued);
        var again = store.Enqueue([Raw("a", Attack), Raw("b", "Nothing happened.")], "v1");
        Assert.Equal(0, again.Queued);
        Assert.Equal(2, again.Unchanged);
        var changed = store.Enqueue([Raw("a", Attack + " Two more died later.")], "v1");
        Assert.Equal(1, changed.Queued);
        var newVersion = store.Enqueue([Raw("b", "Nothing happened.")], "v2");
        Assert.Equal(1, newVersion.Queued);
        Assert.Equal(2, store.CountQueue().Pending);
    }

    [SkippableFact]
    public void ConcurrentClaimsGetDisjointBatchesAndAnAbandonedClaimReturnsToTheQueue()
    {
        using var store = Fresh();
        store.Enqueue(Enumerable.Range(0, 10).Select(i => Raw($"d{i}", Attack + $" Case {i}.")), "v1");
        using (var one = store.Claim(4, "w1"))
        using (var two = store.Claim(4, "w2"))
        {
            Assert.NotNull(one);
            Assert.NotNull(two);
            Assert.Equal(4, one.Items.Count);
            Assert.Equal(4, two.Items.Count);
            Assert.Empty(one.Items.Select(d => d.Id).Intersect(two.Items.Select(d => d.Id)));
            // both die without completing: like a SIGKILLed worker, the connection just goes away
        }
        Assert.Equal(10, store.CountQueue().Pending);
        Assert.Equal(0, store.CountDocuments());
    }

    [SkippableFact]
    public void ACompletedBatchStoresResultsOnceAndMarksTheQueue()
    {
        using var store = Fresh();
        store.Enqueue([Raw("a", Attack), Raw("b", "The weather was fine.")], "v1");
        using (var batch = store.Claim(10, "w"))
        {
            Assert.NotNull(batch);
            batch.Complete([.. batch.Items.Select(Pipeline.Value.TryRun)], "v1", OutletRegistry.Default);
        }
        Assert.Equal(new QueueCounts(0, 2, 0), store.CountQueue());
        Assert.Null(store.Claim(10, "w"));
        var a = store.GetDocument("a");
        Assert.NotNull(a);
        Assert.Equal(Attack, a.Text);
        var e = Assert.Single(a.Events);
        Assert.Equal("Battles", e.EventType);
        Assert.Equal(Json(e), Json(store.ReadEvents().Single()));
        Assert.True(store.CountMentions() > 0);

        // the same document saved again replaces its rows instead of adding to them
        store.Save([a with { Events = [e] }], "v1");
        Assert.Equal(1, store.CountEvents());
        Assert.Equal(2, store.CountDocuments());
    }

    [SkippableFact]
    public void ADocumentTheDatabaseRefusesFailsAloneWithTheReason()
    {
        using var store = Fresh();
        store.Enqueue([Raw("good", Attack), Raw("bad", "placeholder")], "v1");
        using (var batch = store.Claim(10, "w"))
        {
            Assert.NotNull(batch);
            var results = batch.Items.Select(Pipeline.Value.TryRun)
                // a NUL character: PostgreSQL text cannot hold it
                .Select(r => r.Id == "bad" ? r with { Document = r.Document! with { Text = "bad\0text" } } : r).ToList();
            batch.Complete(results, "v1", OutletRegistry.Default);
        }
        Assert.Equal(new QueueCounts(0, 1, 1), store.CountQueue());
        var failure = Assert.Single(store.Failures(["good", "bad"]));
        Assert.Equal("bad", failure.Id);
        Assert.Contains("refused", failure.Error, StringComparison.Ordinal);
        Assert.NotNull(store.GetDocument("good"));
    }

    [SkippableFact]
    public void TheExtractJobMatchesTheSqliteJobOnTheSamples()
    {
        using var store = Fresh();
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-pg-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new ExtractOptions { Inputs = [RepoPaths.SampleTexts], OutputDirectory = Path.Combine(dir, "pg"), DatabasePath = null, Workers = 2, BatchSize = 2 };
            var pg = new PostgresExtractJob(Pipeline.Value, store).Run(options);
            var lite = new ExtractJob(Pipeline.Value).Run(options with { OutputDirectory = Path.Combine(dir, "lite"), DatabasePath = Path.Combine(dir, "s.db") });
            Assert.Equal(lite.Documents, pg.Documents);
            Assert.True(pg.Events > 20);
            Assert.Equal(lite.Events, pg.Events);
            foreach (var file in new[] { "events.jsonl", "claims.jsonl", "documents.jsonl", "events.csv", FusedEventWriter.JsonlFile })
                Assert.Equal(File.ReadAllText(Path.Combine(dir, "lite", file)), File.ReadAllText(Path.Combine(dir, "pg", file)));

            var rerun = new PostgresExtractJob(Pipeline.Value, store).Run(options with { OutputDirectory = Path.Combine(dir, "pg2") });
            Assert.Equal(rerun.Documents, rerun.Unchanged);
            Assert.Equal(pg.Events, store.CountEvents());
            Assert.Equal(File.ReadAllText(Path.Combine(dir, "pg", "events.jsonl")), File.ReadAllText(Path.Combine(dir, "pg2", "events.jsonl")));
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    [SkippableFact]
    public void FusionOnTheStoreMatchesInMemoryFusionAndOnlyScoresNewEvents()
    {
        using var store = Fresh();
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-pgf-" + Guid.NewGuid().ToString("N"));
        try
        {
            var corpus = Path.Combine(RepoPaths.Samples, "fusion");
            var lines = File.ReadAllLines(Path.Combine(corpus, "fusion.jsonl"));
            Directory.CreateDirectory(dir);
            File.WriteAllLines(Path.Combine(dir, "first.jsonl"), lines.Take(lines.Length / 2));
            File.WriteAllLines(Path.Combine(dir, "second.jsonl"), lines.Skip(lines.Length / 2));
            var job = new PostgresExtractJob(Pipeline.Value, store);
            var options = new ExtractOptions { Inputs = [Path.Combine(dir, "first.jsonl")], OutputDirectory = Path.Combine(dir, "o1"), DatabasePath = null, Workers = 2 };
            var first = job.Run(options);
            var second = job.Run(options with { Inputs = [Path.Combine(dir, "second.jsonl")], OutputDirectory = Path.Combine(dir, "o2") });
            Assert.NotNull(second.Fusion);
            Assert.Equal(second.Events, second.Fusion.NewReports);

            // the same corpus in one run without a store: the same clusters
            var memory = new ExtractJob(Pipeline.Value).Run(new ExtractOptions
            {
                Inputs = [Path.Combine(dir, "first.jsonl"), Path.Combine(dir, "second.jsonl")],
                OutputDirectory = Path.Combine(dir, "mem"), DatabasePath = null, Workers = 2,
            });
            Assert.Equal(memory.Fusion!.FusedEvents, second.Fusion.FusedEvents);
            Assert.Equal(memory.Fusion.MultiReportEvents, second.Fusion.MultiReportEvents);
            Assert.True(second.Fusion.MultiReportEvents > 3);
            Assert.Equal(Clusters(Path.Combine(dir, "mem")), Clusters(Path.Combine(dir, "o2")));

            // nothing new: nothing scored, the view unchanged
            var third = job.Run(options with { OutputDirectory = Path.Combine(dir, "o3") });
            Assert.Equal(0, third.Fusion!.NewReports);
            Assert.Equal(second.Fusion.FusedEvents, third.Fusion.FusedEvents);
            Assert.Equal(first.Documents + second.Documents, store.CountDocuments());
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static string Json(Sitrep.Events.ConflictEvent e) => System.Text.Json.JsonSerializer.Serialize(e, Sitrep.Export.SitrepJson.Options);

    /// <summary>Each fused event as the sorted set of its report event ids, whatever its cluster number.</summary>
    private static List<string> Clusters(string dir) =>
        [.. File.ReadLines(Path.Combine(dir, FusedEventWriter.JsonlFile))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("reports").EnumerateArray()
                .Select(r => r.GetProperty("event_id").GetString()!).Order(StringComparer.Ordinal))
            .Select(ids => string.Join(",", ids)).Order(StringComparer.Ordinal)];

    [SkippableFact]
    public void TheMapQueryFiltersByBoxDatesTypeAndText()
    {
        using var store = Fresh();
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-pgq-" + Guid.NewGuid().ToString("N"));
        try
        {
            new PostgresExtractJob(Pipeline.Value, store).Run(new ExtractOptions
            {
                Inputs = [Path.Combine(RepoPaths.Samples, "fusion")], OutputDirectory = dir, DatabasePath = null, Workers = 2, Fuse = false,
            });
            var all = store.ReadEvents().ToList();
            Assert.True(all.Count > 10);
            var box = new GeoBox(37.5, 33.5, 39.5, 35.5);
            var page = store.QueryEvents(new EventQuery { Box = box, Limit = 1000 });
            var expected = all.Count(e => e.Location is { Lat: { } lat, Lon: { } lon } && lon >= box.MinLon && lon <= box.MaxLon && lat >= box.MinLat && lat <= box.MaxLat);
            Assert.True(expected > 0);
            Assert.Equal(expected, page.Total);
            Assert.Equal(expected, page.Items.Count);

            var day = all.Where(e => e.Date.Precision == "day").Select(e => e.Date.Value!).Order(StringComparer.Ordinal).First();
            var onDay = store.QueryEvents(new EventQuery { From = day, To = day, Limit = 1000 });
            Assert.Equal(all.Count(e => e.Date.Value == day || (e.Date.Precision == "month" && day.StartsWith(e.Date.Value!, StringComparison.Ordinal))), onDay.Total);
            Assert.All(onDay.Items, e => Assert.True(e.Date.Value == day || day.StartsWith(e.Date.Value!, StringComparison.Ordinal)));

            // box and dates together (the (lon, lat, day) index), checked against the events themselves
            bool InBox(Sitrep.Events.ConflictEvent e) => e.Location is { Lat: { } lat, Lon: { } lon } && lon >= box.MinLon && lon <= box.MaxLon && lat >= box.MinLat && lat <= box.MaxLat;
            var days = all.Where(e => InBox(e) && e.Date.Precision == "day").Select(e => e.Date.Value!).Order(StringComparer.Ordinal).ToList();
            var (d0, d1) = (days[days.Count / 3], days[2 * days.Count / 3]);
            var both = store.QueryEvents(new EventQuery { Box = box, From = d0, To = d1, Limit = 1000 });
            var expectedBoth = all.Count(e => InBox(e) && e.Date.Precision == "day" && string.CompareOrdinal(e.Date.Value, d0) >= 0 && string.CompareOrdinal(e.Date.Value, d1) <= 0);
            Assert.True(expectedBoth > 0);
            Assert.Equal(expectedBoth, both.Total);
            Assert.Equal(expectedBoth, store.QueryEvents(new EventQuery { Box = box, From = d0, To = d1, Limit = 1 }).Total);
            // newest first, and pages of 3 walk the same order without gaps or repeats
            Assert.Equal([.. both.Items.Select(e => e.Date.Value).OrderDescending(StringComparer.Ordinal)], both.Items.Select(e => e.Date.Value));
            var paged = new List<string>();
            for (var offset = 0; offset < expectedBoth; offset += 3)
                paged.AddRange(store.QueryEvents(new EventQuery { Box = box, From = d0, To = d1, Limit = 3, Offset = offset }).Items.Select(e => e.Id));
            Assert.Equal(both.Items.Select(e => e.Id), paged);
            // the same pages when they are found by walking the date order instead of filtering first
            var queries = new[]
            {
                new EventQuery { Box = box, From = d0, To = d1, Limit = 4, Offset = 2 },
                new EventQuery { From = d0, To = d1, Limit = 5 },
                new EventQuery { From = d0, Limit = 1000 },
                new EventQuery { To = d1, Limit = 1000 },
                new EventQuery { Box = box, Limit = 7 },
            };
            var filterFirst = queries.Select(q => store.QueryEvents(q)).ToList();
            store.FilterFirstRows = 0;
            var walked = queries.Select(q => store.QueryEvents(q)).ToList();
            store.FilterFirstRows = 20_000;
            for (var i = 0; i < queries.Length; i++)
            {
                Assert.True(filterFirst[i].Items.Count > 0);
                Assert.Equal(filterFirst[i].Total, walked[i].Total);
                Assert.Equal(filterFirst[i].Items.Select(e => e.Id), walked[i].Items.Select(e => e.Id));
            }
            var open = store.QueryEvents(new EventQuery { Box = box, From = d0, Limit = 1000 });
            Assert.Equal(all.Count(e => InBox(e) && e.Date.Value is { } v && string.CompareOrdinal(v.Length == 7 ? v + "-31" : v, d0) >= 0), open.Total);

            var battles = store.QueryEvents(new EventQuery { EventType = "Battles", Limit = 1000 });
            Assert.Equal(all.Count(e => e.EventType == "Battles"), battles.Total);
            Assert.Equal(0, store.QueryEvents(new EventQuery { Text = "'; DROP TABLE events; --" }).Total);
            Assert.Equal(all.Count, store.CountEvents());
            Assert.True(store.QueryEvents(new EventQuery { Text = "Sukhnah" }).Total > 0);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
