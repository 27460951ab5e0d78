using Sitrep.Actors;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Actors;

public class ActorTaggerTests
{
    private static readonly string TablePath = Path.Combine(AppContext.BaseDirectory, "data", "actors", "mentions.tsv");

    public static TheoryData<string, string, string> Table()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(TablePath))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            data.Add(cols[0], cols[1], cols[2]);
        }
        return data;
    }

    [Fact]
    public void TableHasAtLeastSixtyPhrasingsFromSeveralRegisters()
    {
        var rows = Table();
        Assert.True(rows.Count() >= 60, $"only {rows.Count()} rows");
        var registers = rows.Select(r => (string)r[0]).Distinct().ToList();
        Assert.Superset(new HashSet<string> { "wire", "sana", "amaq", "sohr", "iraq", "mod" }, registers.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void ResolvesRealPhrasings(string register, string text, string expected)
    {
        var found = ActorFixture.Tag(text);
        var described = $"[{register}] {text}\n  got: {string.Join(" | ", found.Select(f => $"{f.Surface} => {f.Mention.Canonical}{(f.Mention.IsReference ? "*" : "")}"))}";
        if (expected.Trim() == "-")
        {
            Assert.True(found.Count == 0, described);
            return;
        }
        var items = expected.Split(" | ").Select(i => i.Trim()).ToList();
        var wanted = new List<(string? Surface, string Canonical, bool Reference)>();
        foreach (var item in items)
        {
            var arrow = item.IndexOf(" => ", StringComparison.Ordinal);
            var surface = arrow >= 0 ? item[..arrow] : null;
            var canonical = arrow >= 0 ? item[(arrow + 4)..] : item;
            var reference = canonical.EndsWith('*');
            canonical = canonical.TrimEnd('*');
            if (canonical == "-")
            {
                Assert.True(found.All(f => !f.Surface.Contains(surface!, StringComparison.Ordinal) && !surface!.Contains(f.Surface, StringComparison.Ordinal)),
                    $"'{surface}' should not be an actor\n{described}");
                continue;
            }
            wanted.Add((surface, canonical, reference));
        }
        Assert.True(wanted.Count == found.Count, $"expected {wanted.Count} mentions\n{described}");
        for (var i = 0; i < wanted.Count; i++)
        {
            Assert.True(wanted[i].Canonical == found[i].Mention.Canonical, $"mention {i}: expected {wanted[i].Canonical}\n{described}");
            if (wanted[i].Surface is { } surface)
                Assert.True(surface == found[i].Surface, $"mention {i}: expected span '{surface}'\n{described}");
            Assert.True(wanted[i].Reference == found[i].Mention.IsReference, $"mention {i}: IsReference should be {wanted[i].Reference}\n{described}");
        }
    }

    [Fact]
    public void FocusCountryFollowsTheText()
    {
        var tagger = ActorFixture.Tagger;
        Assert.Equal("Syria", tagger.FocusCountry(ActorFixture.Doc("The army shelled the town.")));
        Assert.Equal("Iraq", tagger.FocusCountry(ActorFixture.Doc("Gunmen attacked a checkpoint in Tarmiyah, north of Baghdad, Iraqi officials said.")));
        var iraqi = ActorFixture.Tag("The army repelled an attack in Anbar province, west of Baghdad.");
        Assert.Equal("Military Forces of Iraq", Assert.Single(iraqi).Mention.Canonical);
        var syrian = ActorFixture.Tag("The army repelled an attack in Deir ez-Zor province, near Palmyra.");
        Assert.Equal("Military Forces of Syria", Assert.Single(syrian).Mention.Canonical);
    }

    [Fact]
    public void CaseSensitiveAcronymsIgnoreOrdinaryWords()
    {
        Assert.Empty(ActorFixture.Tag("This is what it is: he told us the sdf is not here."));
        var found = ActorFixture.Tag("IS fighters attacked SDF positions.");
        Assert.Equal(["Islamic State", "Syrian Democratic Forces"], found.Select(f => f.Mention.Canonical));
        Assert.Equal(["IS fighters", "SDF positions"], found.Select(f => f.Surface));
    }

    [Fact]
    public void CurlyApostrophesPossessivesAndDottedAcronymsNormalise()
    {
        var found = ActorFixture.Tag("Assad’s forces and the U.S.-led coalition’s jets hit Dara’a; ISIS’ fighters withdrew.");
        Assert.Equal(["Military Forces of Syria", "US-led Coalition", "Islamic State"], found.Select(f => f.Mention.Canonical));
        Assert.Equal("the U.S.-led coalition’s jets", found[1].Surface);
    }

    [Fact]
    public void MentionsDoNotOverlapAndStayInsideTheBody()
    {
        const string text = "Title: ISIS attack\nISIS militants and Syrian army units clashed with the SDF (Syrian Democratic Forces).";
        var bodyStart = text.IndexOf('\n') + 1;
        var doc = new Document { Id = "t", Text = text, Body = [new TextSpan(bodyStart, text.Length)] };
        var mentions = ActorFixture.Tagger.Find(doc);
        Assert.Equal(3, mentions.Length);
        Assert.All(mentions, m => Assert.True(m.Span.Start >= bodyStart));
        for (var i = 1; i < mentions.Length; i++) Assert.True(mentions[i - 1].Span.End <= mentions[i].Span.Start);
    }

    [Fact]
    public void UsesSentencesWhenPresent()
    {
        const string text = "ISIS attacked. The army responded.";
        var doc = new Document
        {
            Id = "t", Text = text, Body = [new TextSpan(0, text.Length)],
            Sentences = [new Sentence(new TextSpan(15, text.Length), 0)],
        };
        var mention = Assert.Single(ActorFixture.Tagger.Find(doc));
        Assert.Equal("Military Forces of Syria", mention.Canonical);
    }

    [Fact]
    public void StageAddsActorMentionsToTheDocument()
    {
        var stage = ActorFixture.Tagger;
        Assert.Equal("actors", stage.Name);
        Assert.Equal([Produces.Actors], stage.Provides);
        Assert.Empty(stage.Requires);
        var doc = stage.Process(ActorFixture.Doc("Russian warplanes struck ISIS hideouts."));
        Assert.Equal(["Military Forces of Russia", "Islamic State"], doc.MentionsOf<ActorMention>().Select(m => m.Canonical));
        var builder = new PipelineBuilder().UseActors(stage.Lexicon);
        Assert.Single(builder.Stages, s => s.Name == "actors");
    }
}
