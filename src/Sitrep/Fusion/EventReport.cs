using Sitrep.Events;

namespace Sitrep.Fusion;

/// <summary>A document as fusion needs it: who published it and its copy fingerprint.</summary>
public sealed record FusionDocument(string DocumentId, string? Outlet, string? Url, DateOnly? Published, OutletProfile Publisher, TextFingerprint? Fingerprint)
{
    public static FusionDocument From(Documents.Document document, OutletRegistry registry) => new(
        document.Id, document.Outlet, document.Url, document.Published,
        registry.Recognise(document.Outlet, document.Url, document.Text.AsSpan(0, Math.Min(document.Text.Length, 4000))),
        TextFingerprint.Of(document));

    /// <summary>
    /// A document as a store keeps it for fusion: its remembered publisher and fingerprint, else (an older
    /// row without them) recognised and fingerprinted from its text when the store gives it.
    /// </summary>
    public static FusionDocument FromStored(
        string documentId, string? outlet, string? url, DateOnly? published,
        string? publisherKey, string? textSha256, byte[]? minHash, string? text, OutletRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var publisher = (publisherKey is null ? null : registry.ByKey(publisherKey))
            ?? registry.Recognise(outlet, url, text is null ? default : text.AsSpan(0, Math.Min(text.Length, 4000)));
        var fingerprint = textSha256 is not null && minHash is not null ? TextFingerprint.FromStored(textSha256, minHash)
            : text is not null ? TextFingerprint.Of(text) : null;
        return new FusionDocument(documentId, outlet, url, published, publisher, fingerprint);
    }

    /// <summary>The store's fusion_documents row: fingerprint and publisher (a document made by the pipeline always has a fingerprint).</summary>
    public Storage.StoredFusionDocument ToStored() =>
        new(DocumentId, Fingerprint!.Sha256, Fingerprint.MinHashBytes(), Publisher.Key);
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
