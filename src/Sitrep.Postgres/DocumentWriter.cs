using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Export;
using Sitrep.Fusion;

namespace Sitrep.Postgres;

/// <summary>
/// Writes processed documents inside the caller's transaction: deletes what was stored under their ids
/// (mentions, events, claims, fusion rows cascade), then binary-COPYs documents, mentions, events and claims.
/// </summary>
internal static class DocumentWriter
{
    public static void Write(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<Document> batch, string pipelineVersion, OutletRegistry? registry)
    {
        if (batch.Count == 0) return;
        // A batch may hold one id twice (the same item in two inputs): the last one wins.
        var documents = batch.GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        using (var delete = new NpgsqlCommand("DELETE FROM documents WHERE id = ANY($1)", connection, tx))
        {
            delete.Parameters.AddWithValue(documents.Select(d => d.Id).ToArray());
            delete.ExecuteNonQuery();
        }

        using (var copy = connection.BeginBinaryImport("""
            COPY documents (id, content_hash, pipeline_version, source, url, title, outlet, published, text, body, comments, boilerplate, warnings)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var d in documents)
            {
                copy.StartRow();
                copy.Write(d.Id, NpgsqlDbType.Text);
                copy.Write(d.ContentHash ?? "", NpgsqlDbType.Text);
                copy.Write(pipelineVersion, NpgsqlDbType.Text);
                Text(copy, d.Source);
                Text(copy, d.Url);
                Text(copy, d.Title);
                Text(copy, d.Outlet);
                if (d.Published is { } p) copy.Write(p, NpgsqlDbType.Date); else copy.WriteNull();
                copy.Write(d.Text, NpgsqlDbType.Text);
                copy.Write(ToJson(OrEmpty(d.Body)), NpgsqlDbType.Jsonb);
                copy.Write(ToJson(OrEmpty(d.Comments)), NpgsqlDbType.Jsonb);
                copy.Write(ToJson(OrEmpty(d.Boilerplate)), NpgsqlDbType.Jsonb);
                copy.Write(ToJson(OrEmpty(d.Warnings)), NpgsqlDbType.Jsonb);
            }
            copy.Complete();
        }

        using (var copy = connection.BeginBinaryImport("""COPY mentions (doc_id, start, "end", label, payload) FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var d in documents)
                foreach (var m in OrEmpty(d.Mentions))
                {
                    copy.StartRow();
                    copy.Write(d.Id, NpgsqlDbType.Text);
                    copy.Write(m.Span.Start, NpgsqlDbType.Integer);
                    copy.Write(m.Span.End, NpgsqlDbType.Integer);
                    copy.Write(m.Label, NpgsqlDbType.Text);
                    copy.Write(JsonSerializer.Serialize(m, m.GetType(), SitrepJson.Options), NpgsqlDbType.Jsonb);
                }
            copy.Complete();
        }

        using (var copy = connection.BeginBinaryImport("""
            COPY events (id, doc_id, event_type, sub_event_type, actor1, actor2, admin1, country, location_name,
                         lat, lon, geo_precision, date_value, date_precision, date_from, date_to, fatalities, hedged, json)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var d in documents)
                foreach (var e in OrEmpty(d.Events))
                {
                    var l = e.Location;
                    var (from, to) = DateRange(e.Date);
                    copy.StartRow();
                    copy.Write(e.Id, NpgsqlDbType.Text);
                    copy.Write(d.Id, NpgsqlDbType.Text);
                    copy.Write(e.EventType, NpgsqlDbType.Text);
                    copy.Write(e.SubEventType, NpgsqlDbType.Text);
                    Text(copy, e.Actor1);
                    Text(copy, e.Actor2);
                    Text(copy, l?.Admin1);
                    Text(copy, l?.Country);
                    Text(copy, l?.Name);
                    if (l is { Lat: { } lat, Lon: { } lon } && double.IsFinite(lat) && double.IsFinite(lon))
                    {
                        copy.Write(lat, NpgsqlDbType.Double);
                        copy.Write(lon, NpgsqlDbType.Double);
                    }
                    else
                    {
                        copy.WriteNull();
                        copy.WriteNull();
                    }
                    if (l is not null) copy.Write(l.GeoPrecision, NpgsqlDbType.Integer); else copy.WriteNull();
                    Text(copy, e.Date?.Value);
                    Text(copy, e.Date?.Precision);
                    if (from is { } f) copy.Write(f, NpgsqlDbType.Date); else copy.WriteNull();
                    if (to is { } t) copy.Write(t, NpgsqlDbType.Date); else copy.WriteNull();
                    if (e.Fatalities?.Best is { } best) copy.Write(best, NpgsqlDbType.Integer); else copy.WriteNull();
                    copy.Write(e.Hedged, NpgsqlDbType.Boolean);
                    copy.Write(JsonSerializer.Serialize(e, SitrepJson.Options), NpgsqlDbType.Jsonb);
                }
            copy.Complete();
        }

        if (registry is not null)
            using (var copy = connection.BeginBinaryImport("COPY fusion_documents (doc_id, text_sha256, minhash, publisher) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var d in documents)
                {
                    var f = FusionDocument.From(d, registry);
                    if (f.Fingerprint is null) continue;
                    copy.StartRow();
                    copy.Write(d.Id, NpgsqlDbType.Text);
                    copy.Write(f.Fingerprint.Sha256, NpgsqlDbType.Text);
                    copy.Write(f.Fingerprint.MinHashBytes(), NpgsqlDbType.Bytea);
                    copy.Write(f.Publisher.Key, NpgsqlDbType.Text);
                }
                copy.Complete();
            }

        using (var copy = connection.BeginBinaryImport("COPY claims (id, doc_id, json) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var d in documents)
                foreach (var c in OrEmpty(d.Claims))
                {
                    copy.StartRow();
                    copy.Write(c.Id, NpgsqlDbType.Text);
                    copy.Write(d.Id, NpgsqlDbType.Text);
                    copy.Write(JsonSerializer.Serialize(c, SitrepJson.Options), NpgsqlDbType.Jsonb);
                }
            copy.Complete();
        }
    }

    /// <summary>The days an event date covers: a day, a week around it, or a whole month.</summary>
    public static (DateOnly? From, DateOnly? To) DateRange(EventDate? date)
    {
        var value = date?.Value;
        if (string.IsNullOrEmpty(value)) return (null, null);
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return date!.Precision == "week" ? (day.AddDays(-3), day.AddDays(3)) : (day, day);
        if (DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return (month, month.AddMonths(1).AddDays(-1));
        return (null, null);
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }

    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> array) => array.IsDefault ? [] : array;

    private static string ToJson<T>(T value) => JsonSerializer.Serialize(value, SitrepJson.Options);
}
