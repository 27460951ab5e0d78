using Sitrep.Events;

namespace Sitrep.Fusion;

/// <summary>A document as fusion needs it: who published it and its copy fingerprint.</summary>
public sealed record FusionDocument(string DocumentId, string? Outlet, string? Url, DateOnly? Published, OutletProfile Publisher, TextFingerprint? Fingerprint)
{
    public static FusionDocument From(Documents.Document document, OutletRegistry registry) => new(
        document.Id, document.Outlet, document.Url, document.Published,
        registry.Recognise(document.Outlet, document.Url, document.Text.AsSpan(0, Math.Min(document.Text.Length, 4000))),
        TextFingerprint.Of(document));
}

/// <summary>One event as one document reports it: the unit fusion clusters.</summary>
/// <param name="Voice">Whose account it is: the outlet named in the event's attribution ("SOHR said"), else the publisher.</param>
public sealed record EventReport(ConflictEvent Event, FusionDocument Document, OutletProfile Voice)
{
    public static EventReport Create(ConflictEvent e, FusionDocument document, OutletRegistry registry)
    {
        var voice = e.Attribution.SourceText is { Length: > 0 } source ? registry.ByCredit(source) ?? registry.ByNameWithin(source) : null;
        return new EventReport(e, document, voice ?? document.Publisher);
    }
}
