using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Sitrep.Actors;
using Sitrep.Attribution;
using Sitrep.Cleaning;
using Sitrep.Dates;
using Sitrep.Events;
using Sitrep.Places;
using Sitrep.Quantities;
using Sitrep.Text;

namespace Sitrep.Pipeline;

/// <summary>The standard pipeline with the shipped lexicons and gazetteer, loaded once.</summary>
public static class SitrepDefaults
{
    /// <summary>Every stage in data-flow order: clean, sentences, actors, places, quantities, dates, attribution, events.</summary>
    public static PipelineBuilder CreateBuilder() => new PipelineBuilder()
        .UseCleaner(DocumentCleaner.LoadDefault())
        .UseSentences()
        .Use(new ActorTagger(ActorLexicon.LoadDefault()))
        .Use(new PlaceTagger(Gazetteer.LoadDefault()))
        .Use(new CasualtyTagger())
        .Use(new DateTagger())
        .UseAttribution(AttributionLexicon.LoadDefault())
        .UseEventFrames(EventLexicon.LoadDefault());

    public static SitrepPipeline Create() => CreateBuilder().Build();

    private static readonly Lazy<string> Version = new(ComputeVersion);

    /// <summary>
    /// Identifies the code and data that produced a result: the assembly version plus a hash of the
    /// shipped data files, so a changed lexicon re-processes documents already in the store.
    /// </summary>
    public static string PipelineVersion => Version.Value;

    private static string ComputeVersion()
    {
        var assembly = typeof(SitrepDefaults).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var root = DataDirectory.Root;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return $"{version.Split('+')[0]}+data.{Convert.ToHexStringLower(hash.GetHashAndReset())[..12]}";
    }
}
