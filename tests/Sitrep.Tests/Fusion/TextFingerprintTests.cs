using Sitrep.Fusion;
using Xunit;

namespace Sitrep.Tests.Fusion;

public sealed class TextFingerprintTests
{
    private const string Story = "Seven soldiers were killed on Tuesday when ISIS terrorists attacked an army convoy near the town of al-Sukhnah in the eastern countryside of Homs, a military source told SANA. The source said army units clashed with the attackers and killed a number of them, while the rest fled into the desert.";

    [Fact]
    public void ExactCopyWithOtherSpacingAndCaseHasTheSameHash()
    {
        var a = TextFingerprint.Of(Story);
        var b = TextFingerprint.Of("  " + Story.ToUpperInvariant().Replace(" ", "  ") + "\n");
        Assert.Equal(a.Sha256, b.Sha256);
        Assert.Equal(1, a.Similarity(b));
    }

    [Fact]
    public void SyndicatedCopyWithChangedCreditIsACopy()
    {
        var copy = Story.Replace("a military source told SANA", "a military source said") + " The attack comes as US-backed forces besiege the last ISIS pocket.";
        Assert.True(TextFingerprint.Of(Story).IsCopyOf(TextFingerprint.Of(copy)));
    }

    [Fact]
    public void IndependentReportOfTheSameEventIsNotACopy()
    {
        const string other = "Islamic State fighters killed 11 members of the regime forces on Tuesday in an ambush on a military convoy near al-Sukhnah in the eastern desert of Homs, the Syrian Observatory for Human Rights has documented.";
        Assert.False(TextFingerprint.Of(Story).IsCopyOf(TextFingerprint.Of(other)));
    }

    [Fact]
    public void StoredSignatureRoundTrips()
    {
        var a = TextFingerprint.Of(Story);
        var b = TextFingerprint.FromStored(a.Sha256, a.MinHashBytes());
        Assert.Equal(a.MinHash, b.MinHash);
    }
}
