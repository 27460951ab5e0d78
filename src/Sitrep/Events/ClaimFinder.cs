using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Documents;

namespace Sitrep.Events;

/// <summary>
/// Allegations that are not events: a sentence where a named actor is said to transport, train,
/// support or coordinate with another ("the US army transporting militants to the desert"), with
/// the claimant taken from the sentence's or paragraph's source, else the outlet itself.
/// </summary>
internal sealed class ClaimFinder(EventLexicon lexicon, FrameContext context)
{
    private const int SubjectWindow = 80;

    public ImmutableArray<Claim> Find()
    {
        var document = context.Document;
        var claims = ImmutableArray.CreateBuilder<Claim>();
        for (var si = 0; si < document.Sentences.Length; si++)
        {
            var (first, end) = context.TokenRange(si);
            var span = context.SentenceSpan(si);
            var cue = lexicon.ClaimCues.FindAll(document.Text, document.Tokens, first, end).FirstOrDefault();
            if (cue.Span == default) continue;
            var subject = FrameContext.Within(context.Actors, span)
                .LastOrDefault(a => a.Span.End <= cue.Span.Start && cue.Span.Start - a.Span.End <= SubjectWindow
                                    && a.ActorType is "state_forces" or "external_forces" or "rebel_group" or "political_militia");
            if (subject is null) continue;
            var paragraph = context.ParagraphOf(si);
            var source = FrameContext.Within(context.Attributions, span).FirstOrDefault()
                ?? context.Attributions.LastOrDefault(a => a.Span.End <= span.Start && paragraph.Contains(a.Span));
            claims.Add(new Claim
            {
                DocumentId = document.Id,
                Id = $"{document.Id}-C{claims.Count + 1}",
                Evidence = [span],
                Text = document.Slice(span),
                Claimant = source is null ? document.Outlet ?? "the outlet" : document.Slice(source.Span),
                Subject = subject.Canonical,
                SourceKind = source?.SourceKind ?? SourceKinds.OutletItself,
            });
        }
        return claims.ToImmutable();
    }
}
