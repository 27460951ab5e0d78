using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Storage;

namespace Sitrep.Web;

/// <summary>One evidence span with the words it covers.</summary>
public sealed record EvidenceText(int Start, int End, string Text);

/// <summary>A report of an event: which outlet said it, where, and whom it cites.</summary>
public sealed record EventSource(string Document, string? Title, string? Outlet, string? Url, string? Published, string? SourceText, string SourceKind);

/// <summary>GET /api/events/{id}: the event, its evidence sentences, its reports and its corroboration label.</summary>
public sealed record EventReport(ConflictEvent Event, IReadOnlyList<EvidenceText> Evidence, IReadOnlyList<EventSource> Sources, string Corroboration)
{
    /// <summary>Until fusion joins reports of one event across outlets, every stored event has one report.</summary>
    public const string SingleSource = "single_source";

    public static EventReport? Find(SqliteStore store, string eventId)
    {
        var documentId = DocumentOf(store.Path, eventId);
        if (documentId is null) return null;
        var document = store.GetDocument(documentId);
        var found = document?.Events.FirstOrDefault(e => e.Id == eventId);
        if (document is null || found is null) return null;
        var evidence = found.Evidence
            .Where(span => span.Start >= 0 && span.End <= document.Text.Length && span.Start <= span.End)
            .Select(span => new EvidenceText(span.Start, span.End, document.Slice(span)))
            .ToList();
        var source = new EventSource(document.Id, document.Title, document.Outlet, document.Url,
            document.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            found.Attribution.SourceText, found.Attribution.SourceKind);
        return new EventReport(found, evidence, [source], SingleSource);
    }

    private static string? DocumentOf(string path, string eventId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc_id FROM events WHERE id = $id";
        command.Parameters.AddWithValue("$id", eventId);
        return command.ExecuteScalar() as string;
    }
}
