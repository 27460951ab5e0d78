using Sitrep.Documents;

namespace Sitrep.Ingest;

/// <summary>One outcome of reading the inputs: a document, or a failure that names its input.</summary>
/// <param name="Source">The input: a path, <c>path:line</c> for a JSONL line, <c>path#n</c> for a feed item.</param>
public abstract record IngestItem(string Source);

/// <summary>A document read successfully.</summary>
public sealed record IngestedDocument(RawDocument Document) : IngestItem(Document.Source);

/// <summary>An input that could not be read; the run goes on without it.</summary>
/// <param name="Reason">A human sentence, e.g. "not valid UTF-8 (byte 0xC3 at offset 1042)".</param>
public sealed record IngestFailure(string Source, string Reason) : IngestItem(Source)
{
    public override string ToString() => $"{Source}: {Reason}";
}
