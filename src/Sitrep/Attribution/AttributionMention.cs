using Sitrep.Documents;

namespace Sitrep.Attribution;

/// <summary>Who says it: "A field source confirmed", "Amaq said", "according to the Russian MoD".</summary>
/// <param name="SourceKind">One of <see cref="Sitrep.Events.SourceKinds"/>.</param>
public sealed record AttributionMention(TextSpan Span, string SourceKind) : Mention(Span)
{
    public override string Label => "attribution";
}

/// <summary>A hedge on the facts: "allegedly", "reportedly", "preliminary information".</summary>
public sealed record HedgeMention(TextSpan Span) : Mention(Span)
{
    public override string Label => "hedge";
}
