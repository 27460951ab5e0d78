namespace Sitrep.Tests.Actors;

public class ActorReferenceTests
{
    [Fact]
    public void TheGroupResolvesToTheLatestNonStateArmedActor()
    {
        var found = ActorFixture.Tag(
            "Hayat Tahrir al-Sham attacked army positions near Kafr Nabl.",
            "The group said its fighters killed 12 soldiers; the army denied it.");
        var refs = found.Where(f => f.Mention.IsReference).ToList();
        Assert.Equal(["army positions", "The group", "its fighters", "the army"], refs.Select(r => r.Surface));
        Assert.Equal(["Military Forces of Syria", "Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham", "Military Forces of Syria"], refs.Select(r => r.Mention.Canonical));
    }

    [Fact]
    public void ReferenceFollowsTheMostRecentAntecedent()
    {
        var found = ActorFixture.Tag(
            "ISIS cells ambushed a bus near al-Sukhnah. Separately, Turkish-backed militants shelled Ain Issa.",
            "The militants also shelled villages near Tal Tamr.");
        var reference = found.Single(f => f.Surface == "The militants");
        Assert.True(reference.Mention.IsReference);
        Assert.Equal("Syrian National Army", reference.Mention.Canonical);
        Assert.Equal("rebel_group", reference.Mention.ActorType);
    }

    [Fact]
    public void StateActorsAreNotAntecedentsOfTheGroup()
    {
        var found = ActorFixture.Tag("Islamic State fighters attacked; Russian warplanes responded and the terrorist organization withdrew.");
        Assert.Equal("Islamic State", found.Single(f => f.Surface == "the terrorist organization").Mention.Canonical);
    }

    [Fact]
    public void AirAssetsResolveToTheLatestStateOrForeignForce()
    {
        var found = ActorFixture.Tag(
            "The US-led coalition fighter jets attacked Raqqa. ISIL militants fled.",
            "In the meantime, the fighter jets bombed the waterway in Deiban.");
        var jets = found.Single(f => f.Surface == "the fighter jets");
        Assert.Equal("US-led Coalition", jets.Mention.Canonical);
        Assert.True(jets.Mention.IsReference);
    }

    [Fact]
    public void ReferencesWithoutAntecedentAreSkipped()
    {
        Assert.Empty(ActorFixture.Tag("The group met on Tuesday and the organization published its members' names."));
        Assert.Empty(ActorFixture.Tag("The warplanes of the airline were grounded."));
    }

    [Fact]
    public void ArmyAndGovernmentForcesResolveToTheFocusCountry()
    {
        var syria = ActorFixture.Tag("Government forces and the troops stationed in Hama shelled Latamneh.");
        Assert.All(syria, f => Assert.Equal("Military Forces of Syria", f.Mention.Canonical));
        Assert.All(syria, f => Assert.True(f.Mention.IsReference));
        Assert.Equal(2, syria.Count);
        var iraq = ActorFixture.Tag("Government forces and the troops stationed in Mosul repelled the attack, the Iraqi command said.");
        Assert.All(iraq, f => Assert.Equal("Military Forces of Iraq", f.Mention.Canonical));
        Assert.Equal(2, iraq.Count);
    }

    [Fact]
    public void QuotedNameAfterAReferenceIsTheNamedActor()
    {
        var found = ActorFixture.Tag("Units of the army clashed with remnants of the terrorist organization “ISIS” in the desert.");
        var named = found.Last();
        Assert.Equal("remnants of the terrorist organization “ISIS”", named.Surface);
        Assert.Equal("Islamic State", named.Mention.Canonical);
        Assert.False(named.Mention.IsReference);
    }
}
