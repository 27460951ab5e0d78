using Sitrep.Pipeline;

namespace Sitrep.Events;

public static class EventsPipelineExtensions
{
    /// <summary>Adds event and claim framing (needs sentences, actors, places, quantities, dates, attribution).</summary>
    public static PipelineBuilder UseEventFrames(this PipelineBuilder builder, EventLexicon lexicon) =>
        builder.Use(new EventFramer(lexicon));
}
