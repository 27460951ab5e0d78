using Sitrep.Documents;

namespace Sitrep.Actors;

/// <summary>A mention of an actor, resolved to its canonical ACLED-style name.</summary>
/// <param name="Canonical">e.g. "Military Forces of Syria", "Islamic State".</param>
/// <param name="ActorType">state_forces, rebel_group, political_militia, identity_militia,
/// external_forces, civilians, unidentified, other.</param>
/// <param name="Country">ISO-like country name the actor belongs to, when it has one.</param>
/// <param name="IsReference">True for "the group", "its fighters", "the army" resolved from context.</param>
public sealed record ActorMention(TextSpan Span, string Canonical, string ActorType, string? Country, bool IsReference = false) : Mention(Span)
{
    public override string Label => "actor";

    /// <summary>The umbrella group of a faction ("Hamza Division" -> "Syrian National Army"), ACLED's actor for it.</summary>
    public string? Parent { get; init; }

    /// <summary>Made by the framer for an unnamed perpetrator; it has no surface of its own.</summary>
    public bool IsSynthetic { get; init; }

    /// <summary>The name an event codes: the umbrella group for a faction, else the canonical name.</summary>
    public string EventActor => Parent ?? Canonical;
}
