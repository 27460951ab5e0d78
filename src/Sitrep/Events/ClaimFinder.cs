using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Attribution;
using Sitrep.Documents;

namespace Sitrep.Events;

/// <summary>
/// Allegations that are not events: a sentence where a named actor is said to transport, train,
/// support or collude with another ("the US army transporting militants to the desert"), with the
/// claimant taken from the sentence's or paragraph's source, else the outlet itself. Consecutive
/// sentences by the same claimant about the same subject are one claim.
/// </summary>
internal sealed class ClaimFinder(EventLexicon lexicon, FrameContext context)
{
    private const int SubjectWindow = 80;

    private sealed record Found(int Sentence, TextSpan Span, ActorMention Subject, AttributionMention? Source);

    public ImmutableArray<Claim> Find()
    {
        var document = context.Document;
        var found = new List<Found>();
        for (var si = 0; si < document.Sentences.Length; si++)
        {
            var (first, end) = context.TokenRange(si);
            var span = context.SentenceSpan(si);
            var actors = FrameContext.Within(context.Actors, span).Where(IsClaimSubject).ToList();
            if (actors.Count == 0) continue;
            ActorMention? subject = null;
            foreach (var cue in lexicon.ClaimCues.FindAll(document.Text, document.Tokens, first, end))
            {
                if (InsideSupportPhrase(cue.Span)) continue;
                subject = actors.LastOrDefault(a => a.Span.End <= cue.Span.Start && cue.Span.Start - a.Span.End <= SubjectWindow)
                    ?? actors.FirstOrDefault(a => a.Span.Start >= cue.Span.End);
                if (subject is not null) break;
            }
            if (subject is null) continue;
            var paragraph = context.ParagraphOf(si);
            var source = FrameContext.Within(context.Attributions, span).FirstOrDefault()
                ?? context.Attributions.LastOrDefault(a => a.Span.End <= span.Start && paragraph.Contains(a.Span));
            found.Add(new Found(si, span, subject, source));
        }

        var claims = ImmutableArray.CreateBuilder<Claim>();
        for (var i = 0; i < found.Count; i++)
        {
            var head = found[i];
            var evidence = new List<TextSpan> { head.Span };
            while (i + 1 < found.Count && Continues(found[i], found[i + 1], head))
                evidence.Add(found[++i].Span);
            claims.Add(new Claim
            {
                DocumentId = document.Id,
                Id = $"{document.Id}-C{claims.Count + 1}",
                Evidence = [.. evidence],
                Text = string.Join(" ", evidence.Select(document.Slice)),
                Claimant = head.Source is null ? document.Outlet ?? "the outlet" : document.Slice(head.Source.Span),
                Subject = head.Subject.Canonical,
                SourceKind = head.Source?.SourceKind ?? SourceKinds.OutletItself,
            });
        }
        return claims.ToImmutable();
    }

    private static bool IsClaimSubject(ActorMention a) =>
        a.ActorType is "state_forces" or "external_forces" or "rebel_group" or "political_militia";

    /// <summary>The next sentence carries on the same allegation: same subject, same kind of source, no sentence between.</summary>
    private static bool Continues(Found previous, Found next, Found head) =>
        next.Sentence == previous.Sentence + 1
        && next.Subject.Canonical == head.Subject.Canonical
        && (next.Source?.SourceKind ?? SourceKinds.OutletItself) == (head.Source?.SourceKind ?? SourceKinds.OutletItself);

    /// <summary>"with logistical support from the Russian army" backs a side in an event; it alleges nothing.</summary>
    private bool InsideSupportPhrase(TextSpan cue) =>
        context.Cues.Any(c => c.Value == "support" && c.Span.Overlaps(cue));
}
