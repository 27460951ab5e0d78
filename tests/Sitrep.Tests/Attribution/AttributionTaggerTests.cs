using Sitrep.Attribution;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Tests.Attribution;

public class AttributionTaggerTests
{
    private static readonly AttributionTagger Tagger = new(AttributionLexicon.LoadDefault());

    internal static Document Prepare(string text) =>
        new SentenceSplitter().Process(new Document { Id = "t", Text = text, Body = [new TextSpan(0, text.Length)] });

    [Theory]
    [InlineData("A field source confirmed that ISIS cells attacked army points.", "A field source confirmed", "anonymous")]
    [InlineData("The Amaq news agency reported that the group's fighters attacked a unit.", "The Amaq news agency reported", "militant_media")]
    [InlineData("Clashes erupted, according to local sources.", "according to local sources", "local_sources")]
    [InlineData("The Russian Defense Ministry said its jets struck 18 hideouts.", "The Russian Defense Ministry said", "official_government")]
    [InlineData("The Syrian Observatory for Human Rights reported that 12 people were killed.", "The Syrian Observatory for Human Rights reported", "monitor")]
    [InlineData("A Sputnik correspondent reported that the army sent reinforcements.", "Sputnik correspondent reported", "correspondent")]
    [InlineData("Reuters reported heavy fighting.", "Reuters reported", "wire")]
    [InlineData("According to the Sputnik correspondent, the army advanced.", "According to the Sputnik correspondent", "correspondent")]
    [InlineData("Moscow and the Syrian government have repeatedly accused US forces of supporting ISIS.", "the Syrian government have repeatedly accused", "official_government")]
    [InlineData("Military sources, who asked not to be named, said the base was hit.", "Military sources, who asked not to be named, said", "anonymous")]
    public void Finds_the_source_and_its_kind(string text, string expectedSpan, string expectedKind)
    {
        var doc = Tagger.Process(Prepare(text));
        var mention = Assert.Single(doc.MentionsOf<AttributionMention>());
        Assert.Equal(expectedSpan, doc.Slice(mention.Span));
        Assert.Equal(expectedKind, mention.SourceKind);
    }

    [Theory]
    [InlineData("Sources of income dried up in the region.")]
    [InlineData("The army advanced toward the town.")]
    public void A_source_word_without_a_reporting_verb_is_not_an_attribution(string text)
    {
        Assert.Empty(Tagger.Process(Prepare(text)).MentionsOf<AttributionMention>());
    }

    [Fact]
    public void The_source_points_back_to_the_last_named_source()
    {
        var doc = Tagger.Process(Prepare("Local sources said the convoy was hit. The source added that two died."));
        Assert.Equal(["local_sources", "local_sources"], doc.MentionsOf<AttributionMention>().Select(m => m.SourceKind).ToArray());
    }

    [Fact]
    public void A_named_person_takes_the_kind_of_the_source_introduced_before()
    {
        var doc = Tagger.Process(Prepare("A senior Syrian lawmaker revealed that the US moved ISIL leaders. Ammar al-Assad said the deal was struck in May."));
        var mentions = doc.MentionsOf<AttributionMention>().ToList();
        Assert.Equal(2, mentions.Count);
        Assert.Equal("Ammar al-Assad said", doc.Slice(mentions[1].Span));
        Assert.Equal("official_government", mentions[1].SourceKind);
    }

    [Fact]
    public void An_actor_name_is_not_a_person_and_ISIS_needs_its_verb_at_once()
    {
        var doc = Tagger.Process(Prepare("Strikes hit sites from which the ISIS attack was launched, while preliminary information confirms 25 dead."));
        Assert.Empty(doc.MentionsOf<AttributionMention>());
    }

    [Theory]
    [InlineData("Two soldiers were allegedly killed.", "allegedly")]
    [InlineData("Preliminary information confirms the killing of 25 militants.", "Preliminary information")]
    [InlineData("The convoy was reportedly hit near the border.", "reportedly")]
    public void Finds_hedges(string text, string hedge)
    {
        var doc = Tagger.Process(Prepare(text));
        Assert.Equal(hedge, doc.Slice(Assert.Single(doc.MentionsOf<HedgeMention>()).Span));
    }
}
