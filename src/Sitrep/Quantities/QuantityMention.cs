using Sitrep.Documents;

namespace Sitrep.Quantities;

public enum QuantityKind
{
    Killed,
    Injured,
    Captured,
    /// <summary>"killed or wounded", "casualties": never a fatality number.</summary>
    KilledOrInjured,
    /// <summary>Vehicles, tanks, posts, hideouts destroyed or seized.</summary>
    Materiel,
}

/// <summary>
/// A count of people or things affected, as stated: "at least 25 militants were killed",
/// "dozens of soldiers", "2 [soldier]", "six four-wheel drive vehicles destroyed".
/// </summary>
/// <param name="Span">The whole phrase (number, noun and verb).</param>
/// <param name="Value">The number when one is stated (the conservative one for "at least n"), null for vague amounts.</param>
/// <param name="Low">Lower bound when stated ("at least 25" -> 25).</param>
/// <param name="High">Upper bound when stated ("up to 30", "almost 30" -> 30).</param>
/// <param name="Who">Who or what was counted, as written ("militants", "civilians", "vehicles").</param>
/// <param name="IsVague">"tens of", "dozens", "a number of": kept as text, no invented number.</param>
public sealed record QuantityMention(
    TextSpan Span,
    QuantityKind Kind,
    int? Value,
    int? Low,
    int? High,
    string? Who,
    bool IsVague) : Mention(Span)
{
    public override string Label => "quantity";
}
