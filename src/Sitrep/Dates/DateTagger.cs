using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Quantities;

namespace Sitrep.Dates;

/// <summary>
/// Finds date and time phrases in the title and body ("On June 25", "yesterday night", "last April",
/// "two days after the attack") and resolves them against <see cref="Document.Published"/>; without one, calendar
/// phrases take their year from the dated events the text names (<see cref="AnchorDating"/>).
/// </summary>
public sealed class DateTagger(AnchorEvents anchors) : IStage
{
    /// <summary>A tagger with the shipped anchor events.</summary>
    public DateTagger() : this(AnchorEvents.LoadDefault()) { }

    public string Name => "dates";
    public IReadOnlyList<string> Provides { get; } = [Produces.Dates];
    public IReadOnlyList<string> Requires { get; } = [];

    public Document Process(Document document)
    {
        var found = Tag(document, anchors);
        return found.Count == 0 ? document : document.AddMentions(found);
    }

    /// <summary>The date mentions of the title span (when the title is in the text) and the body paragraphs.</summary>
    public static List<DateMention> Tag(Document document) => Tag(document, AnchorEvents.LoadDefault());

    /// <summary>As <see cref="Tag(Document)"/> with the given anchor events.</summary>
    public static List<DateMention> Tag(Document document, AnchorEvents anchors)
    {
        var words = WordList.Of(document.Text);
        var found = new List<DateMention>();
        // The title often carries the only date ("Syria in Last 24 Hours").
        if (document.TitleSpan is { } title && !document.IsInBody(title)) TagRange(words, title, document.Published, found);
        foreach (var paragraph in document.Body)
        {
            var first = found.Count;
            TagRange(words, paragraph, document.Published, found);
            if (found.Count > first) UnresolveQuoted(document.Text, paragraph, found, first);
        }
        AnchorDating.Apply(document, found, anchors);
        return found;
    }

    /// <summary>
    /// "“... clashed near al-Sukhnah two days ago,” Amaq said": a deictic date inside a quotation counts from the
    /// statement, not from publication, so it keeps no value. One pass over the paragraph for its mentions (in text order).
    /// </summary>
    private static void UnresolveQuoted(string text, TextSpan paragraph, List<DateMention> found, int first)
    {
        var open = 0;
        var straight = false;
        var at = paragraph.Start;
        for (var k = first; k < found.Count; k++)
        {
            var d = found[k];
            if (d is not { RelativeTo: DateResolver.Publication, Value: not null }) continue;
            for (; at < d.Span.Start; at++)
            {
                var c = text[at];
                if (c == '\u201C') open++;
                else if (c == '\u201D') open = Math.Max(0, open - 1);
                else if (c == '"') straight = !straight;
            }
            if (open > 0 || straight) found[k] = d with { Value = null };
        }
    }

    /// <summary>Tags a bare phrase (tests, tools): the whole text is one body paragraph.</summary>
    public static List<DateMention> Tag(string text, DateOnly? published) =>
        Tag(new Document { Id = "phrase", Text = text, Published = published, Body = [new TextSpan(0, text.Length)] });

    private static void TagRange(WordList w, TextSpan range, DateOnly? published, List<DateMention> found)
    {
        w.Scan(range.Start, range.End);
        var i = 0;
        while (i < w.Count)
        {
            var used = DateResolver.Match(w, i, published, out var date);
            if (used == 0) { i++; continue; }
            found.Add(new DateMention(w.Cover(i, i + used - 1), date.Value, date.Precision, date.RelativeTo)
            {
                Offset = date.Offset, CalendarMonth = date.Month, CalendarDay = date.DayOfMonth,
            });
            i += used;
        }
    }
}
