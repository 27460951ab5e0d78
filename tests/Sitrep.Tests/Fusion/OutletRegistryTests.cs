using Sitrep.Fusion;
using Xunit;

namespace Sitrep.Tests.Fusion;

public sealed class OutletRegistryTests
{
    private static readonly OutletRegistry Registry = OutletRegistry.Default;

    [Theory]
    [InlineData("SANA", "sana", "state_media", "pro-government-axis")]
    [InlineData("Syrian Arab News Agency", "sana", "state_media", "pro-government-axis")]
    [InlineData("sputnik", "sputnik", "state_media", "pro-government-axis")]
    [InlineData("The Syrian Observatory for Human Rights", "sohr", "monitor", "opposition")]
    [InlineData("Amaq News Agency", "amaq", "militant_media", "jihadist")]
    [InlineData("dailysabah", "dailysabah", "partisan", "turkey")]
    [InlineData("Veterans Today", "vt", "partisan", "pro-government-axis")]
    [InlineData("Reuters", "reuters", "wire", "western")]
    public void RecognisesOutletFields(string outlet, string key, string type, string alignment)
    {
        var p = Registry.ByName(outlet);
        Assert.NotNull(p);
        Assert.Equal((key, type, alignment), (p.Key, p.Type, p.Alignment));
    }

    [Theory]
    [InlineData("https://sana.sy/en/?p=1", "sana")]
    [InlineData("https://www.reuters.com/article/x", "reuters")]
    [InlineData("https://english.almanar.com.lb/123", "manar")]
    [InlineData("https://www.aa.com.tr/en/middle-east/x", "anadolu")]
    public void RecognisesUrlDomains(string url, string key) => Assert.Equal(key, Registry.ByUrl(url)?.Key);

    [Theory]
    [InlineData("Clashes erupted in Daraa, a Sputnik correspondent reported on Monday.", "sputnik")]
    [InlineData("Four soldiers were killed, SANA reported.", "sana")]
    [InlineData("Twelve people died, according to the Syrian Observatory for Human Rights.", "sohr")]
    [InlineData("Islamic State claimed the attack in a statement carried by Amaq News Agency.", "amaq")]
    public void RecognisesInTextCredits(string text, string key) => Assert.Equal(key, Registry.ByCredit(text)?.Key);

    [Fact]
    public void UnknownOutletsAreTheirOwnOwner()
    {
        var p = Registry.Recognise("Idlib Post", null, "Shelling hit the town.");
        Assert.False(p.IsKnown);
        Assert.Equal("unknown:idlib post", p.Ownership);
        Assert.Null(p.Side);
    }

    [Fact]
    public void EveryFakesOutletIsInTheRegistry()
    {
        foreach (var o in new[] { "ahram", "manar", "alalam", "alaraby", "dailysabah", "sana", "sputnik", "etilaf", "trt", "jordantimes", "reuters", "arabiya", "nna", "asharqalawsat", "tass" })
            Assert.True(Registry.ByName(o)?.IsKnown, o);
    }
}
