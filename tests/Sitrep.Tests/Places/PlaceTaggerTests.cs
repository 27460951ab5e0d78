using Sitrep.Documents;
using Sitrep.Places;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Places;

public class PlaceTaggerTests
{
    private static PlaceMention First(string text, string name)
    {
        var mentions = PlacesFixture.Tag(text);
        var hit = mentions.FirstOrDefault(m => text[m.Span.Start..m.Span.End].Contains(name, StringComparison.Ordinal));
        Assert.True(hit is not null, $"no mention of '{name}' in: {string.Join("; ", mentions.Select(m => text[m.Span.Start..m.Span.End]))}");
        return hit;
    }

    [Fact]
    public void VicinityOfTheCityOfRusafa()
    {
        const string text = "ISIS cells attacked army points in the vicinity of the city of Rusafa.";
        var m = First(text, "Rusafa");
        Assert.Equal("ocha:C6824", m.GazetteerId);
        Assert.Equal(2, m.GeoPrecision);
        Assert.Equal("Raqqa", m.Admin1);
        Assert.Equal("the vicinity of the city of Rusafa", text[m.Phrase.Start..m.Phrase.End]);
        Assert.Equal("Rusafa", text[m.Span.Start..m.Span.End]);
    }

    [Fact]
    public void NearTheTownOfSukhnah()
    {
        var m = First("Government troops advanced near the town of al-Sukhnah on Friday.", "Sukhnah");
        Assert.Equal("ocha:C2893", m.GazetteerId);
        Assert.Equal(2, m.GeoPrecision);
        Assert.Equal("Homs", m.Admin1);
    }

    [Fact]
    public void ASectWordIsNoPlace()
    {
        var mentions = PlacesFixture.Tag("A suicide bomber blew himself up at a Shiite mosque in Baghdad.");
        var m = Assert.Single(mentions);
        Assert.Equal("Baghdad", m.Name);
    }

    [Fact]
    public void CampBeforeANameIsASiteWord()
    {
        var m = First("A barrage of Katyusha rockets struck Camp Taji north of Baghdad.", "Taji");
        Assert.Equal("ochairq:IQG08Q02N05", m.GazetteerId);
    }

    [Fact]
    public void AnUnknownVillageMayOpenWithACommonWord()
    {
        const string text = "HTS fighters clashed with Hurras al-Din militants in the village of Arab Said west of Idlib city.";
        var m = First(text, "Arab Said");
        Assert.Equal("Arab Said", text[m.Span.Start..m.Span.End]);
        Assert.Equal("Idlib", m.Admin1);
        Assert.Equal(2, m.GeoPrecision);
    }

    [Fact]
    public void AnEnglishPrepositionIsNoArabicArticle()
    {
        const string text = "Israeli warplanes fired missiles from over the occupied Golan at Aleppo International Airport.";
        var m = First(text, "Aleppo");
        Assert.Equal("Aleppo", text[m.Span.Start..m.Span.End]);
        Assert.Equal("Aleppo", m.Admin1);
        Assert.DoesNotContain(PlacesFixture.Tag(text), p => text[p.Phrase.Start..p.Phrase.End].Contains("Golan at", StringComparison.Ordinal));
        // a glued article still opens the name
        Assert.Equal("ocha:C2893", First("Clashes erupted near as-Sukhnah.", "Sukhnah").GazetteerId);
    }

    [Fact]
    public void TowardsATownIsNearIt()
    {
        var m = First("The militants moved towards al-Sukhnah before dawn.", "Sukhnah");
        Assert.Equal("ocha:C2893", m.GazetteerId);
        Assert.Equal(2, m.GeoPrecision);
        Assert.Equal(1, First("The militants moved into al-Sukhnah before dawn.", "Sukhnah").GeoPrecision);
    }

    [Fact]
    public void InTheTownOfMayadin()
    {
        var m = First("A car bomb exploded in the town of Mayadin.", "Mayadin");
        Assert.Equal("ocha:C5192", m.GazetteerId);
        Assert.Equal(1, m.GeoPrecision);
        Assert.Equal("Deir ez-Zor", m.Admin1);
    }

    [Fact]
    public void InRaqqaGovernorate()
    {
        const string text = "Coalition jets struck targets in Raqqa governorate.";
        var m = First(text, "Raqqa");
        Assert.Equal("admin1:SY:Raqqa", m.GazetteerId);
        Assert.Equal(3, m.GeoPrecision);
        Assert.Equal("Raqqa governorate", text[m.Phrase.Start..m.Phrase.End]);
    }

    [Fact]
    public void SouthernCountrysideOfDeirEzzor()
    {
        var m = First("Clashes broke out in the southern countryside of Deir Ezzor.", "Deir Ezzor");
        Assert.Equal(2, m.GeoPrecision);
        Assert.Equal("Deir ez-Zor", m.Admin1);
        var centroid = PlacesFixture.Gazetteer.Centroid("Deir ez-Zor")!.Value;
        Assert.True(m.Lat < centroid.Lat, "a southern sub-region lies south of the centroid");
    }

    [Fact]
    public void CityOfRaqqaIsTheCity()
    {
        var m = First("Residents of the city of Raqqa fled.", "Raqqa");
        Assert.Equal("ocha:C5710", m.GazetteerId);
        Assert.Equal(1, m.GeoPrecision);
    }

    [Fact]
    public void SukhnahInEasternHomsUsesTheGovernorateNamedNextToIt()
    {
        var mentions = PlacesFixture.Tag("ISIS attacked al-Sukhnah in eastern Homs.");
        Assert.Equal(2, mentions.Count);
        Assert.Equal("ocha:C2893", mentions[0].GazetteerId);
        Assert.Equal("admin1:SY:Homs", mentions[1].GazetteerId);
        Assert.Equal(2, mentions[1].GeoPrecision);
    }

    [Fact]
    public void BetweenTwoPlacesIsNear()
    {
        var mentions = PlacesFixture.Tag("An ambush on the road between Palmyra and al-Sukhnah killed nine.");
        Assert.Equal(["ocha:C2889", "ocha:C2893"], mentions.Select(m => m.GazetteerId));
        Assert.All(mentions, m => Assert.Equal(2, m.GeoPrecision));
    }

    [Theory]
    [InlineData("The Islamic State said in a statement on Sunday that the Army lost most of its men.")]
    [InlineData("As reported by SANA, the Union of Medical Care Organizations said May was quiet.")]
    [InlineData("President Bashar al-Assad met the Russian Defence Minister in March.")]
    [InlineData("Fighters of Liwa al-Quds and the Tiger Forces joined.")]
    public void CommonWordsAreNotPlaces(string text)
    {
        var found = PlacesFixture.Tag(text);
        Assert.True(found.Count == 0, string.Join("; ", found.Select(m => $"{text[m.Span.Start..m.Span.End]} -> {m.GazetteerId}")));
    }

    [Fact]
    public void UnknownTownStaysUnresolved()
    {
        var m = First("ISIS stormed the village of Zzyqwarat overnight.", "Zzyqwarat");
        Assert.Null(m.GazetteerId);
        Assert.Null(m.Lat);
        Assert.False(m.IsResolved);
    }

    [Fact]
    public void IraqiContextPrefersIraq()
    {
        var m = First("Iraqi forces said ISIS remnants attacked a checkpoint in Tarmiyah, north of Baghdad, in Iraq.", "Tarmiyah");
        Assert.Equal("IQ", m.Country);
        Assert.Equal("Baghdad", m.Admin1);
    }

    [Fact]
    public void UsesSentencesWhenPresentAndSkipsNonBodyText()
    {
        const string text = "Donate to Aleppo relief\nClashes erupted in Hajin. Troops moved.";
        var body = new TextSpan(24, text.Length);
        var document = new Document
        {
            Id = "d", Text = text, Body = [body],
            Sentences = [new Sentence(new TextSpan(24, 49), 0), new Sentence(new TextSpan(50, text.Length), 0)],
        };
        var mentions = PlacesFixture.Tagger.Process(document).MentionsOf<PlaceMention>().ToList();
        Assert.Single(mentions);
        Assert.Equal("ocha:C5175", mentions[0].GazetteerId);
    }

    [Fact]
    public void StageContract()
    {
        var tagger = PlacesFixture.Tagger;
        Assert.Equal("places", tagger.Name);
        Assert.Equal([Produces.Places], tagger.Provides);
        Assert.Empty(tagger.Requires);
    }

    public static TheoryData<string, string, int> Variants()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "places", "variants.tsv")))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var c = line.Split('\t');
            data.Add(c[0], c[1], int.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ResolvesSpellingVariants(string text, string expectedId, int precision)
    {
        var mentions = PlacesFixture.Tag(text);
        var m = mentions.FirstOrDefault(x => x.IsResolved);
        Assert.True(m is not null, $"nothing resolved in '{text}'");
        Assert.Equal(expectedId, m.GazetteerId);
        Assert.Equal(precision, m.GeoPrecision);
    }
}
