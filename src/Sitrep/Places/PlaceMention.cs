using Sitrep.Documents;

namespace Sitrep.Places;

/// <summary>
/// A place name in the text, with the phrase around it that sets its precision
/// ("the vicinity of the city of Rusafa"), resolved to a gazetteer entry when one fits.
/// </summary>
/// <param name="Span">The name itself ("Rusafa").</param>
/// <param name="Phrase">The whole locative phrase (cue + name), for evidence and the event's surface.</param>
/// <param name="Name">The gazetteer's preferred name, or the surface when unresolved.</param>
/// <param name="GazetteerId">source:key of the entry (e.g. "ocha:C1234", "geonames:170063", "feature:al-tanf"), null if unresolved.</param>
/// <param name="FeatureType">settlement, governorate, district, region, desert, mountain, base, airport, field, crossing, ...</param>
/// <param name="GeoPrecision">1 the place itself; 2 near it or part of a region; 3 only a governorate or larger.</param>
public sealed record PlaceMention(
    TextSpan Span,
    TextSpan Phrase,
    string Name,
    string? GazetteerId,
    string? Country,
    string? Admin1,
    string? Admin2,
    double? Lat,
    double? Lon,
    string FeatureType,
    int GeoPrecision) : Mention(Span)
{
    public override string Label => "place";
    public bool IsResolved => GazetteerId is not null && Lat is not null && Lon is not null;
}
