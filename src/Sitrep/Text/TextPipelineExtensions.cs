using Sitrep.Pipeline;

namespace Sitrep.Text;

public static class TextPipelineExtensions
{
    /// <summary>Adds sentence and token splitting of the body.</summary>
    public static PipelineBuilder UseSentences(this PipelineBuilder builder) => builder.Use(new SentenceSplitter());
}
