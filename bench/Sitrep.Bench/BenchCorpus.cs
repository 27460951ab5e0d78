using Sitrep.Documents;
using Sitrep.Ingest;

/// <summary>The benchmark inputs: the documents of a file or folder, read once.</summary>
internal static class BenchCorpus
{
    /// <summary>Reads every document of <paramref name="input"/>; writes a message and returns null when there is none.</summary>
    public static List<RawDocument>? Read(string input)
    {
        var documents = new InputReader(new IngestOptions()).Read([input]).OfType<IngestedDocument>().Select(d => d.Document).ToList();
        if (documents.Count > 0) return documents;
        Console.Error.WriteLine($"no documents in {input}");
        return null;
    }
}
