using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>
/// One pipeline stage: reads a document and returns it with its own annotations added.
/// Stages are stateless after construction (lexicons are loaded once), so one instance serves
/// every thread.
/// </summary>
public interface IStage
{
    /// <summary>A short stable name, e.g. "sentences", "actors".</summary>
    string Name { get; }

    /// <summary>What the stage adds (names from <see cref="Produces"/>), for ordering checks.</summary>
    IReadOnlyList<string> Provides { get; }

    /// <summary>What must already be on the document.</summary>
    IReadOnlyList<string> Requires { get; }

    Document Process(Document document);
}

/// <summary>The first stage: turns a raw input into a document with body/boilerplate/comment spans.</summary>
public interface ICleaner
{
    Document Clean(RawDocument raw);
}

/// <summary>Names of what stages produce, so a builder can check the order of stages.</summary>
public static class Produces
{
    public const string Body = "body";
    public const string Sentences = "sentences";
    public const string Tokens = "tokens";
    public const string Actors = "actors";
    public const string Places = "places";
    public const string Quantities = "quantities";
    public const string Dates = "dates";
    public const string Attributions = "attributions";
    public const string Events = "events";
    public const string Claims = "claims";
}
