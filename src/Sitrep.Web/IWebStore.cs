using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Export;
using Sitrep.Storage;

namespace Sitrep.Web;

/// <summary>
/// Everything the API endpoints read from and write to a store. <see cref="StoreAccess"/> answers
/// from the embedded SQLite file, <see cref="PostgresWebStore"/> from a shared PostgreSQL database;
/// both give the same answers for the same documents. Implementations are singletons and thread-safe.
/// </summary>
public interface IWebStore
{
    /// <summary>Where the store lives, for messages (never a password).</summary>
    string Describe();

    /// <summary>The events matching the filters, newest first, with the total count.</summary>
    EventPage QueryEvents(EventQuery query);

    /// <summary>One event with its evidence, its reports and its corroboration label; null when unknown.</summary>
    EventReport? FindEvent(string eventId);

    /// <summary>A stored document with its events and claims; null when unknown.</summary>
    Document? GetDocument(string documentId);

    /// <summary>Stores a processed document, replacing what was stored under its id.</summary>
    Task SaveAsync(Document document, CancellationToken cancellationToken);

    /// <summary>Title, outlet, date and URL of each named document that exists.</summary>
    Dictionary<string, DocumentSummary> Summaries(IEnumerable<string> documentIds);

    /// <summary>The values the filters offer, the counts and the date range.</summary>
    Facets ReadFacets();

    /// <summary>A page of the fused (multi-source) events, newest first; empty before fusion has run.</summary>
    (long Total, IReadOnlyList<JsonElement> Items) ReadFused(int limit, int offset);

    /// <summary>Claims, in the order they were stored, optionally of one document or containing some words.</summary>
    (long Total, IReadOnlyList<Claim> Items) ReadClaims(string? documentId, string? text, int limit, int offset);

    /// <summary>The rows of an export: the query's events flattened with their outlets.</summary>
    (long Total, IReadOnlyList<AcledRow> Rows) ExportRows(EventQuery query);
}
