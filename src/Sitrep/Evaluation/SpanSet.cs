using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Evaluation;

/// <summary>
/// A set of character positions held as sorted, merged, non-empty spans, so that character
/// overlap between evidence or body annotations is computed without per-character sets.
/// </summary>
public sealed class SpanSet
{
    public static readonly SpanSet Empty = new([]);

    public ImmutableArray<TextSpan> Spans { get; }
    public int Length { get; }

    private SpanSet(ImmutableArray<TextSpan> merged)
    {
        Spans = merged;
        var length = 0;
        foreach (var s in merged) length += s.Length;
        Length = length;
    }

    public static SpanSet Of(IEnumerable<TextSpan> spans)
    {
        var sorted = spans.Where(s => !s.IsEmpty).OrderBy(s => s).ToList();
        if (sorted.Count == 0) return Empty;
        var merged = ImmutableArray.CreateBuilder<TextSpan>(sorted.Count);
        var current = sorted[0];
        for (var i = 1; i < sorted.Count; i++)
        {
            var next = sorted[i];
            if (next.Start <= current.End) current = current.Union(next);
            else { merged.Add(current); current = next; }
        }
        merged.Add(current);
        return new SpanSet(merged.ToImmutable());
    }

    /// <summary>Number of positions present in both sets (a linear merge of the two span lists).</summary>
    public int IntersectionLength(SpanSet other)
    {
        int i = 0, j = 0, total = 0;
        var a = Spans; var b = other.Spans;
        while (i < a.Length && j < b.Length)
        {
            total += a[i].OverlapLength(b[j]);
            if (a[i].End <= b[j].End) i++; else j++;
        }
        return total;
    }

    public bool Overlaps(SpanSet other) => IntersectionLength(other) > 0;

    /// <summary>Jaccard similarity of the two position sets: |A∩B| / |A∪B|.</summary>
    public double Jaccard(SpanSet other)
    {
        var inter = IntersectionLength(other);
        var union = Length + other.Length - inter;
        return union == 0 ? 0 : (double)inter / union;
    }

    /// <summary>The parts of <paramref name="span"/> that are not in this set.</summary>
    public IEnumerable<TextSpan> Outside(TextSpan span)
    {
        var cursor = span.Start;
        foreach (var s in Spans)
        {
            if (s.End <= cursor) continue;
            if (s.Start >= span.End) break;
            if (s.Start > cursor) yield return new TextSpan(cursor, s.Start);
            cursor = Math.Max(cursor, s.End);
            if (cursor >= span.End) yield break;
        }
        if (cursor < span.End) yield return new TextSpan(cursor, span.End);
    }
}
