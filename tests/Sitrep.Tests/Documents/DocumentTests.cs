using System.Text.Json;
using Sitrep.Dates;
using Sitrep.Documents;
using Sitrep.Places;

namespace Sitrep.Tests.DocumentModel;

public class DocumentTests
{
    [Theory]
    [InlineData(0, 5, 3, 8, true, 2)]
    [InlineData(0, 5, 5, 8, false, 0)]
    [InlineData(2, 4, 0, 10, true, 2)]
    public void Spans_overlap_by_their_shared_characters(int s1, int e1, int s2, int e2, bool overlaps, int shared)
    {
        var a = new TextSpan(s1, e1);
        var b = new TextSpan(s2, e2);
        Assert.Equal(overlaps, a.Overlaps(b));
        Assert.Equal(overlaps, b.Overlaps(a));
        Assert.Equal(shared, a.OverlapLength(b));
    }

    [Fact]
    public void A_span_serialises_as_start_and_end_only()
    {
        Assert.Equal("{\"start\":3,\"end\":9}", JsonSerializer.Serialize(new TextSpan(3, 9)));
    }

    [Fact]
    public void Mentions_stay_in_text_order_and_the_text_is_shared_by_copies()
    {
        const string text = "On 5 October, a drone hit Homs.";
        var doc = new Document { Id = "d", Text = text, Body = [new TextSpan(0, text.Length)] };
        var withPlace = doc.AddMentions([new PlaceMention(new TextSpan(26, 30), new TextSpan(26, 30), "Homs", "t:1", "SY", "Homs", null, 34.7, 36.7, "settlement", 1)]);
        var withDate = withPlace.AddMentions([new DateMention(new TextSpan(3, 12), null, "day", "publication")]);
        Assert.Equal(["date", "place"], withDate.Mentions.Select(m => m.Label).ToArray());
        Assert.Same(text, withDate.Text);
        Assert.Empty(doc.Mentions);
        Assert.Equal("Homs", withDate.Slice(withDate.MentionsOf<PlaceMention>().Single().Span));
    }

    [Fact]
    public void IsInBody_requires_one_paragraph_to_hold_the_whole_span()
    {
        var doc = new Document { Id = "d", Text = new string('x', 40), Body = [new TextSpan(0, 10), new TextSpan(12, 30)] };
        Assert.True(doc.IsInBody(new TextSpan(12, 20)));
        Assert.False(doc.IsInBody(new TextSpan(8, 14)));
        Assert.False(doc.IsInBody(new TextSpan(31, 35)));
    }
}
