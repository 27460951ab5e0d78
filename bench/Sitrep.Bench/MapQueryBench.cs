using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Sitrep.Postgres;
using Sitrep.Storage;

/// <summary>
/// The dashboard's map query (box + date range, newest page of 500 and the total) on a PostgreSQL store of
/// N synthetic events (default 1,000,000) spread over Syria and Iraq from 2012 to 2024.
///   --map-query --pg CONNSTR [--events N]     (CONNSTR names a server; the database sitrep_mapbench is recreated)
/// </summary>
internal static class MapQueryBench
{
    public static int Run(string[] args)
    {
        var admin = BenchArgs.Value(args, "--pg") ?? Environment.GetEnvironmentVariable("SITREP_PG");
        if (admin is null) { Console.Error.WriteLine("--map-query needs --pg CONNSTR"); return 2; }
        var count = BenchArgs.Int(args, "--events", 1000000);
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            new NpgsqlCommand("DROP DATABASE IF EXISTS sitrep_mapbench WITH (FORCE)", connection).ExecuteNonQuery();
            new NpgsqlCommand("CREATE DATABASE sitrep_mapbench", connection).ExecuteNonQuery();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = "sitrep_mapbench" }.ConnectionString;
        using var store = PostgresStore.Open(cs);

        var load = Stopwatch.StartNew();
        using (var connection = store.DataSource.OpenConnection())
        {
            Exec(connection, """
                INSERT INTO documents (id, content_hash, pipeline_version, text, body, comments, boilerplate, warnings)
                VALUES ('synthetic', '', 'bench', 'synthetic events', '[]', '[]', '[]', '[]')
                """);
            Exec(connection, "SELECT setseed(0.5)"); // the same events every run
            using var insert = new NpgsqlCommand("""
                INSERT INTO events (id, doc_id, event_type, sub_event_type, actor1, actor2, admin1, country, location_name,
                                    lat, lon, geo_precision, date_value, date_precision, date_from, date_to, fatalities, hedged, json)
                SELECT 'syn-' || g, 'synthetic', t.type, t.sub, 'Islamic State', 'Military Forces of Syria', NULL, 'Syria', 'Place ' || (g % 5000),
                       lat, lon, 1 + g % 3, to_char(d, 'YYYY-MM-DD'), 'day', d, d, g % 7, g % 5 = 0,
                       jsonb_build_object('doc', 'synthetic', 'id', 'syn-' || g, 'event_type', t.type, 'sub_event_type', t.sub,
                                          'evidence', '[]'::jsonb, 'location', jsonb_build_object('name', 'Place ' || (g % 5000), 'lat', lat, 'lon', lon, 'geo_precision', 1 + g % 3),
                                          'date', jsonb_build_object('value', to_char(d, 'YYYY-MM-DD'), 'precision', 'day'), 'hedged', g % 5 = 0)
                FROM (SELECT g, 29.0 + random() * 9.0 AS lat, 35.5 + random() * 13.0 AS lon,
                             DATE '2012-01-01' + (random() * 4748)::int AS d
                      FROM generate_series(1, $1) g) s
                CROSS JOIN LATERAL (SELECT (ARRAY['Battles', 'Explosions/Remote violence', 'Violence against civilians'])[1 + s.g % 3] AS type,
                                           (ARRAY['Armed clash', 'Air/drone strike', 'Attack'])[1 + s.g % 3] AS sub) t
                """, connection);
            insert.CommandTimeout = 3600;
            insert.Parameters.AddWithValue(count);
            insert.ExecuteNonQuery();
            Exec(connection, "VACUUM ANALYZE events");
        }
        load.Stop();
        Console.WriteLine($"{store.CountEvents():N0} events loaded and indexed in {load.Elapsed.TotalSeconds:0} s");
        Console.WriteLine();
        Console.WriteLine("| query | matching events | page | median (ms) | worst of 7 (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var queries = new (string Name, EventQuery Query)[]
        {
            ("city box (Deir ez-Zor, 0.2 degrees), all dates", new EventQuery { Box = new GeoBox(40.04, 35.24, 40.24, 35.44), Limit = 500 }),
            ("governorate box (Homs desert), one month", new EventQuery { Box = new GeoBox(37.0, 34.0, 40.0, 35.5), From = "2017-05-01", To = "2017-05-31", Limit = 500 }),
            ("governorate box, one year", new EventQuery { Box = new GeoBox(37.0, 34.0, 40.0, 35.5), From = "2017-01-01", To = "2017-12-31", Limit = 500 }),
            ("Syria box, one week", new EventQuery { Box = new GeoBox(35.5, 32.3, 42.4, 37.3), From = "2019-03-01", To = "2019-03-07", Limit = 500 }),
            ("Syria box, one year, Battles only", new EventQuery { Box = new GeoBox(35.5, 32.3, 42.4, 37.3), From = "2019-01-01", To = "2019-12-31", EventType = "Battles", Limit = 500 }),
            ("every event's box, all dates", new EventQuery { Box = new GeoBox(35.0, 28.5, 49.0, 38.5), Limit = 500 }),
            ("every event's box, 2012-2013", new EventQuery { Box = new GeoBox(35.0, 28.5, 49.0, 38.5), From = "2012-01-01", To = "2013-12-31", Limit = 500 }),
        };
        foreach (var (name, query) in queries)
        {
            store.QueryEvents(query); // warm the cache
            var times = new List<double>();
            EventPage? page = null;
            for (var i = 0; i < 7; i++)
            {
                var sw = Stopwatch.StartNew();
                page = store.QueryEvents(query);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"| {name} | {page!.Total:N0} | {page.Items.Count} | {times[3]:0} | {times[^1]:0} |");
        }
        return 0;
    }

    private static void Exec(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        command.ExecuteNonQuery();
    }
}
