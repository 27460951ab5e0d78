using Sitrep.Actors;
using Sitrep.Attribution;
using Sitrep.Dates;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Places;
using Sitrep.Quantities;
using Sitrep.Text;

namespace Sitrep.Tests.Events;

/// <summary>
/// A text with its mentions given by hand, framed by the real framer: the framer's rules are pinned
/// without the taggers in between. Paragraphs are separated by blank lines. Places get the default
/// governorate and point of the constructor unless a test names another governorate.
/// </summary>
internal class AnnotatedText(string text, EventFramer framer, AttributionTagger attribution,
    string defaultAdmin1 = "Homs", double lat = 34.8, double lon = 38.8)
{
    private readonly List<Mention> _mentions = [];
    public string Text { get; } = text;

    private TextSpan Find(string surface, int occurrence = 0)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++) at = Text.IndexOf(surface, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{surface}' not in text");
        return new TextSpan(at, at + surface.Length);
    }

    public AnnotatedText Actor(string surface, string canonical, string type = "state_forces", int occurrence = 0, string? parent = null)
    {
        _mentions.Add(new ActorMention(Find(surface, occurrence), canonical, type, "Syria") { Parent = parent });
        return this;
    }

    public AnnotatedText Place(string surface, string name, int precision = 1, string? phrase = null, string? admin1 = null,
        string type = "settlement", int occurrence = 0)
    {
        var span = Find(surface, occurrence);
        var phraseSpan = phrase is null ? span : Find(phrase, occurrence);
        _mentions.Add(new PlaceMention(span, phraseSpan, name, $"test:{name}", "Syria", admin1 ?? defaultAdmin1, null, lat, lon, type, precision));
        return this;
    }

    public AnnotatedText Killed(string surface, int? value, QuantityKind kind = QuantityKind.Killed, int? low = null, string? who = null, int? high = null)
    {
        _mentions.Add(new QuantityMention(Find(surface), kind, value, low, high, who, value is null));
        return this;
    }

    public AnnotatedText Date(string surface, string? value, string precision = "day", string relativeTo = "publication", int? offset = null)
    {
        _mentions.Add(new DateMention(Find(surface), value, precision, relativeTo) { Offset = offset });
        return this;
    }

    public Document Frame()
    {
        var body = new List<TextSpan>();
        var start = 0;
        while (start < Text.Length)
        {
            var end = Text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0) end = Text.Length;
            body.Add(new TextSpan(start, end));
            start = end + 2;
        }
        var split = new SentenceSplitter().Process(new Document { Id = "t", Text = Text, Body = [.. body] });
        return framer.Process(attribution.Process(split).AddMentions(_mentions));
    }
}
