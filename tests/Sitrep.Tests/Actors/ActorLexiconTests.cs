using Sitrep.Actors;

namespace Sitrep.Tests.Actors;

public class ActorLexiconTests
{
    private static readonly string[] Types =
        ["state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces", "civilians", "unidentified", "other"];

    [Fact]
    public void EveryRowHasAKnownTypeAndReferencesHaveATarget()
    {
        var lexicon = ActorFixture.Tagger.Lexicon;
        Assert.True(lexicon.Entries.Count > 800, $"{lexicon.Entries.Count} rows");
        foreach (var e in lexicon.Entries)
        {
            if (e.Canonical == "-") Assert.NotEqual(ReferenceTarget.None, e.Refers);
            else Assert.Contains(e.ActorType, Types);
        }
    }

    [Theory]
    [InlineData("Military Forces of Syria", "state_forces", "Syria")]
    [InlineData("Islamic State", "rebel_group", null)]
    [InlineData("Military Forces of Russia", "external_forces", "Russia")]
    [InlineData("US-led Coalition", "external_forces", null)]
    [InlineData("Civilians (Iraq)", "civilians", "Iraq")]
    [InlineData("Unidentified Armed Group (Syria)", "unidentified", "Syria")]
    [InlineData("Pro-Government Militia (Syria)", "political_militia", "Syria")]
    [InlineData("Military Forces of Iraq (Kurdistan Region)", "state_forces", "Iraq")]
    public void DescribesGoldCanonicalActors(string canonical, string type, string? country)
    {
        var entry = ActorFixture.Tagger.Lexicon.Describe(canonical);
        Assert.NotNull(entry);
        Assert.Equal(type, entry.ActorType);
        Assert.Equal(country, entry.Country);
    }

    [Theory]
    [InlineData("Hamza Division", "Syrian National Army")]
    [InlineData("Sultan Murad Division", "Syrian National Army")]
    [InlineData("Kataib Hezbollah", "Popular Mobilization Forces")]
    [InlineData("YPG: People's Protection Units", "Syrian Democratic Forces")]
    [InlineData("Islamic State", null)]
    public void FactionsNameTheirParent(string canonical, string? parent) =>
        Assert.Equal(parent, ActorFixture.Tagger.Lexicon.ParentOf(canonical));

    [Fact]
    public void LoadsAnAnalystsFileAndRejectsUnknownFlags()
    {
        var dir = Directory.CreateTempSubdirectory("sitrep-actors-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "heads.tsv"), "# heads\nmilitary\tfighters\nunit\tfighters\n");
            File.WriteAllText(Path.Combine(dir.FullName, "focus.tsv"), "Syria\tsyria\n");
            var path = Path.Combine(dir.FullName, "actors.tsv");
            File.WriteAllText(path, "# test\nLiwa al-Baqir\tpolitical_militia\tSyria\tLiwa al-Baqir\t\nLiwa al-Baqir\tpolitical_militia\tSyria\tBaqir Brigade\t\n");
            var tagger = new ActorTagger(ActorLexicon.Load(path));
            var doc = ActorFixture.Doc("Fighters of the Baqir Brigade and Liwa al-Baqir fighters entered Aleppo.");
            var found = tagger.Find(doc).Select(m => (doc.Slice(m.Span), m.Canonical)).ToList();
            Assert.Equal([("Fighters of the Baqir Brigade", "Liwa al-Baqir"), ("Liwa al-Baqir fighters", "Liwa al-Baqir")], found);

            File.WriteAllText(path, "X\trebel_group\tSyria\tX group\tnoisy\n");
            Assert.Throws<FormatException>(() => ActorLexicon.Load(path));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
