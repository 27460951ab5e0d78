using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Storage;
using Sitrep.Tests.Export;

namespace Sitrep.Tests.Storage;

public sealed class SqliteStoreTests : IDisposable
{
    private const string Pipeline = "test-1";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitrep-db-" + Guid.NewGuid().ToString("N"));
    private string DbPath => Path.Combine(_dir, "sitrep.db");

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    [Fact]
    public void MigratesAnEmptyFileAndReopeningIsANoOp()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllBytes(DbPath, []);
        using (var store = SqliteStore.Open(DbPath))
            Assert.Equal(SchemaMigrations.Latest, store.SchemaVersion);
        Assert.True(SchemaMigrations.Latest >= 1);
        var rows = Scalar("SELECT COUNT(*) FROM schema_version");
        var appliedAt = Scalar("SELECT COUNT(DISTINCT applied_at) FROM schema_version");

        using (var store = SqliteStore.Open(DbPath))
        {
            Assert.Equal(SchemaMigrations.Latest, store.SchemaVersion);
            Assert.Equal(0, store.CountDocuments());
        }
        Assert.Equal(rows, Scalar("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(appliedAt, Scalar("SELECT COUNT(DISTINCT applied_at) FROM schema_version"));
        Assert.Equal(SchemaMigrations.All.Count, rows);
        Assert.Equal("wal", ScalarText("PRAGMA journal_mode"));
    }

    [Fact]
    public void AStoreWithMentionRowsIsMigratedToOneArrayPerDocumentInTextOrder()
    {
        Directory.CreateDirectory(_dir);
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);"
                + string.Concat(SchemaMigrations.All.Where(m => m.Version <= 3).Select(m => m.Sql + $";INSERT INTO schema_version VALUES ({m.Version}, '{m.Name}', 'then');"))
                + """
                INSERT INTO documents (id, content_hash, pipeline_version, text, body, comments, boilerplate, warnings, ingested_at)
                VALUES ('d1', 'h', 'v', 'ISIS attacked Palmyra.', '[]', '[]', '[]', '[]', 'then');
                INSERT INTO mentions (doc_id, start, "end", label, payload) VALUES
                  ('d1', 14, 21, 'place', '{"label":"place","span":{"start":14,"end":21}}'),
                  ('d1', 0, 4, 'actor', '{"label":"actor","span":{"start":0,"end":4}}');
                """;
            command.ExecuteNonQuery();
        }
        using var store = SqliteStore.Open(DbPath);
        Assert.Equal(SchemaMigrations.Latest, store.SchemaVersion);
        var mentions = store.ReadMentions("d1");
        Assert.Equal(["actor", "place"], mentions.Select(m => m.Label));
        Assert.Equal(new TextSpan(14, 21), mentions[1].Span);
        Assert.Equal(2, store.CountMentions());
        Assert.Empty(store.ReadMentions("no such document"));
    }

    [Fact]
    public void SaveChangedLeavesCurrentDocumentsAloneAndReplacesChangedOnes()
    {
        var doc = SampleDocuments.Rusafa();
        using var store = SqliteStore.Open(DbPath);
        Assert.Equal(0, store.SaveChanged([(doc, SerializedDocument.Of(doc))], Pipeline));
        var events = store.CountEvents();
        // the same content and pipeline version: left alone
        Assert.Equal(1, store.SaveChanged([(doc, SerializedDocument.Of(doc))], Pipeline));
        // another pipeline version: replaced, not duplicated
        Assert.Equal(0, store.SaveChanged([(doc, SerializedDocument.Of(doc))], Pipeline + "-next"));
        Assert.Equal(events, store.CountEvents());
        Assert.Equal(1, store.CountDocuments());
        Assert.True(store.IsCurrent(doc.Id, doc.ContentHash, Pipeline + "-next"));
    }

    private string ScalarText(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public void SavesAndReadsBackDocumentEventsClaimsAndMentions()
    {
        var doc = SampleDocuments.Rusafa();
        using var store = SqliteStore.Open(DbPath);
        store.Save([doc], Pipeline);

        var back = store.GetDocument(doc.Id);
        Assert.NotNull(back);
        Assert.Equal(doc.Text, back.Text);
        Assert.Equal(doc.Body.ToArray(), back.Body.ToArray());
        Assert.Equal(doc.Boilerplate.ToArray(), back.Boilerplate.ToArray());
        Assert.Equal(doc.Published, back.Published);
        Assert.Equal(doc.Outlet, back.Outlet);
        Assert.Equal(doc.ContentHash, back.ContentHash);
        Assert.Equal(2, back.Events.Length);
        Assert.Equal(doc.Events[0].Location, back.Events[0].Location);
        Assert.Equal(doc.Events[0].Fatalities, back.Events[0].Fatalities);
        Assert.Equal(doc.Events[0].AssocActor1.ToArray(), back.Events[0].AssocActor1.ToArray());
        Assert.Equal(doc.Events[0].Evidence.ToArray(), back.Events[0].Evidence.ToArray());
        Assert.Equal(doc.Events[0].Date, back.Events[0].Date);
        Assert.Equal(doc.Claims[0].Text, back.Claims[0].Text);
        Assert.Null(store.GetDocument("missing"));

        var mentions = store.ReadMentions(doc.Id);
        Assert.Equal(3, mentions.Count);
        Assert.Equal(["actor", "place", "quantity"], mentions.Select(m => m.Label));
        using (var payload = JsonDocument.Parse(mentions[1].Payload))
            Assert.Equal("feature:rusafa", payload.RootElement.GetProperty("gazetteer_id").GetString());
        using (var payload = JsonDocument.Parse(mentions[2].Payload))
            Assert.Equal("killed", payload.RootElement.GetProperty("kind").GetString());

        Assert.Equal(2, store.ReadEvents().Count());
        Assert.Single(store.ReadClaims());
    }

    [Fact]
    public void SavingTheSameDocumentTwiceKeepsOneCopy()
    {
        var doc = SampleDocuments.Rusafa();
        using var store = SqliteStore.Open(DbPath);
        Assert.False(store.IsCurrent(doc.Id, doc.ContentHash, Pipeline));
        store.Save([doc], Pipeline);
        Assert.True(store.IsCurrent(doc.Id, doc.ContentHash, Pipeline));
        Assert.False(store.IsCurrent(doc.Id, doc.ContentHash, "test-2"));
        store.Save([doc], Pipeline);

        Assert.Equal(1, store.CountDocuments());
        Assert.Equal(2, store.CountEvents());
        Assert.Equal(1, store.CountClaims());
        Assert.Equal(3, store.CountMentions());
        Assert.Single(store.Search("Rusafa vicinity"), h => h.EventId is null);
        Assert.Single(store.EventsInBox(38, 35, 39, 36));
    }

    [Fact]
    public void ChangedContentReplacesTheOldRows()
    {
        using var store = SqliteStore.Open(DbPath);
        store.Save([SampleDocuments.Rusafa()], Pipeline);
        Assert.Contains(store.Search("attack"), h => h.EventId == "000_rusafa.txt#E1");
        var changed = SampleDocuments.Rusafa(hash: "hash-2", notes: "Revised: posts overrun near Rusafa") with
        {
            Events = [SampleDocuments.Rusafa().Events[0] with { Notes = "Revised: posts overrun near Rusafa" }],
            Claims = [],
            Mentions = [],
        };
        Assert.False(store.IsCurrent(changed.Id, "hash-2", Pipeline));
        store.Save([changed], Pipeline);

        Assert.True(store.IsCurrent(changed.Id, "hash-2", Pipeline));
        Assert.False(store.IsCurrent(changed.Id, "hash-1", Pipeline));
        Assert.Equal(1, store.CountDocuments());
        Assert.Equal(1, store.CountEvents());
        Assert.Equal(0, store.CountClaims());
        Assert.Equal(0, store.CountMentions());
        Assert.Equal("Revised: posts overrun near Rusafa", store.ReadEvents().Single().Notes);
        Assert.DoesNotContain(store.Search("attack"), h => h.EventId is not null); // the old notes left the index
        Assert.Single(store.Search("overrun"));
    }

    [Fact]
    public void CommittedBatchSurvivesAFailedLaterBatch()
    {
        using (var store = SqliteStore.Open(DbPath))
        {
            store.Save([SampleDocuments.Rusafa("first.txt"), SampleDocuments.Rusafa("second.txt")], Pipeline);

            // The second batch fails half-way: its last document reuses an event id of its first.
            var good = SampleDocuments.Rusafa("third.txt");
            var clash = SampleDocuments.Rusafa("fourth.txt") with
            {
                Events = [SampleDocuments.Rusafa("fourth.txt").Events[0] with { Id = good.Events[0].Id }],
            };
            Assert.Throws<SqliteException>(() => store.Save([good, clash], Pipeline));
            Assert.Equal(2, store.CountDocuments());
        }

        using (var reopened = SqliteStore.Open(DbPath))
        {
            Assert.Equal(2, reopened.CountDocuments());
            Assert.Equal(4, reopened.CountEvents());
            Assert.NotNull(reopened.GetDocument("second.txt"));
            Assert.Null(reopened.GetDocument("third.txt"));
            Assert.DoesNotContain(reopened.Search("Rusafa"), h => h.DocumentId == "third.txt");
            // The store still accepts writes after the failure.
            reopened.Save([SampleDocuments.Rusafa("third.txt")], Pipeline);
            Assert.Equal(3, reopened.CountDocuments());
        }
    }

    [Fact]
    public void BatchAbandonedByAKilledProcessLeavesNoTrace()
    {
        using (var store = SqliteStore.Open(DbPath))
            store.Save([SampleDocuments.Rusafa("first.txt")], Pipeline);

        // A writer that dies mid-transaction: its connection goes away without commit.
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var tx = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = "DELETE FROM events; DELETE FROM documents WHERE id = 'nothing';";
            command.ExecuteNonQuery();
        }

        using var reopened = SqliteStore.Open(DbPath);
        Assert.Equal(1, reopened.CountDocuments());
        Assert.Equal(2, reopened.CountEvents());
    }

    [Theory]
    [InlineData("Rusafa", true)]
    [InlineData("rusafa ISIS", true)]
    [InlineData("الاشتباكات", true)]
    [InlineData("Palmyra", false)]
    [InlineData("\"unbalanced AND (", false)]
    [InlineData("NEAR(x y) OR *", false)]
    public void FullTextSearchFindsWordsOfTheText(string words, bool found)
    {
        using var store = SqliteStore.Open(DbPath);
        store.Save([SampleDocuments.Rusafa()], Pipeline);
        var hits = store.Search(words);
        Assert.Equal(found, hits.Any(h => h.DocumentId == "000_rusafa.txt" && h.EventId is null));
    }

    [Fact]
    public void TheSameIdTwiceInOneBatchLeavesOnlyTheLaterVersionInTheIndex()
    {
        using (var store = SqliteStore.Open(DbPath))
        {
            store.Save([SampleDocuments.Rusafa(notes: "Checkpoint overrun at dawn"),
                        SampleDocuments.Rusafa(hash: "hash-2", notes: "Convoy ambushed at dusk")], Pipeline);
            Assert.Empty(store.Search("checkpoint"));
            Assert.Equal("000_rusafa.txt#E1", Assert.Single(store.Search("convoy")).EventId);
            Assert.True(store.IsCurrent("000_rusafa.txt", "hash-2", Pipeline));
        }
        // every full-text row belongs to a search row: the first version left nothing behind
        Assert.Equal(Scalar("SELECT count(*) FROM search_rows"), Scalar("SELECT count(*) FROM search"));
        Assert.Equal(2, Scalar("SELECT count(*) FROM search_rows")); // the document and its one event with notes
    }

    [Fact]
    public void SearchFindsEventNotes()
    {
        using var store = SqliteStore.Open(DbPath);
        store.Save([SampleDocuments.Rusafa(notes: "Checkpoint overrun at dawn")], Pipeline);
        var hit = Assert.Single(store.Search("checkpoint"));
        Assert.Equal("000_rusafa.txt#E1", hit.EventId);
    }

    [Fact]
    public void BoxQueryFindsTheEventPoint()
    {
        using var store = SqliteStore.Open(DbPath);
        store.Save([SampleDocuments.Rusafa()], Pipeline);
        var inside = Assert.Single(store.EventsInBox(minLon: 38.5, minLat: 35.5, maxLon: 39.0, maxLat: 36.0));
        Assert.Equal("000_rusafa.txt#E1", inside.Id);
        Assert.Empty(store.EventsInBox(minLon: 35.5, minLat: 38.5, maxLon: 36.0, maxLat: 39.0)); // lat/lon swapped
        Assert.Empty(store.EventsInBox(minLon: 40, minLat: 30, maxLon: 42, maxLat: 40));
    }

    [Theory]
    [InlineData("x'); DROP TABLE documents; --")]
    [InlineData("\" OR 1=1 --")]
    [InlineData("doc; DELETE FROM events")]
    public void InjectionAttemptsAreStoredVerbatim(string hostile)
    {
        using var store = SqliteStore.Open(DbPath);
        store.Save([SampleDocuments.Rusafa()], Pipeline);
        var doc = SampleDocuments.Rusafa(id: hostile) with
        {
            Text = SampleDocuments.RusafaText + "\n" + hostile,
            Title = hostile,
            Outlet = hostile,
        };
        store.Save([doc], Pipeline);

        Assert.Equal(2, store.CountDocuments());
        Assert.Equal(4, store.CountEvents());
        var back = store.GetDocument(hostile);
        Assert.NotNull(back);
        Assert.Equal(hostile, back.Id);
        Assert.Equal(hostile, back.Title);
        Assert.EndsWith(hostile, back.Text);
        Assert.True(store.IsCurrent(hostile, doc.ContentHash, Pipeline));
        Assert.NotNull(store.GetDocument("000_rusafa.txt"));
        _ = store.Search(hostile);
        Assert.Equal(2, store.CountDocuments());
    }

    [Fact]
    public void DeleteRemovesEverythingOfTheDocument()
    {
        using var store = SqliteStore.Open(DbPath);
        store.Save([SampleDocuments.Rusafa("a.txt"), SampleDocuments.Rusafa("b.txt")], Pipeline);
        Assert.True(store.Delete("a.txt"));
        Assert.False(store.Delete("a.txt"));
        Assert.Equal(1, store.CountDocuments());
        Assert.Equal(2, store.CountEvents());
        Assert.All(store.Search("Rusafa"), h => Assert.Equal("b.txt", h.DocumentId));
        Assert.Single(store.EventsInBox(38, 35, 39, 36));
    }

    [Fact]
    public void AThousandDocumentsInBatchesAreAllStoredAndSearchable()
    {
        using (var store = SqliteStore.Open(DbPath))
        {
            var docs = Enumerable.Range(0, 1000).Select(i => SampleDocuments.Rusafa($"d{i}.txt")).ToList();
            for (var i = 0; i < docs.Count; i += 100) store.Save(docs.GetRange(i, 100), Pipeline);
            Assert.Equal(1000, store.CountDocuments());
            Assert.Equal(2000, store.CountEvents());
            Assert.Equal(1000, store.Search("Rusafa vicinity", limit: 5000).Count(h => h.EventId is null));
        }
        Assert.Equal(Scalar("SELECT count(*) FROM search_rows"), Scalar("SELECT count(*) FROM search"));
    }
}
