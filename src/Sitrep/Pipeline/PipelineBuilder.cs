using System.Collections.Immutable;

namespace Sitrep.Pipeline;

/// <summary>
/// Composes a cleaner and an ordered list of stages into an immutable <see cref="SitrepPipeline"/>.
/// Extension methods in each stage folder (<c>UseSentences()</c>, <c>UsePlaces(g)</c> ...) add their
/// stage once; <see cref="Replace{T}"/> swaps one without touching the others.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = [];

    public ICleaner? Cleaner { get; private set; }
    public IReadOnlyList<IStage> Stages => _stages;

    public PipelineBuilder UseCleaner(ICleaner cleaner)
    {
        Cleaner = cleaner;
        return this;
    }

    /// <summary>Adds a stage at the end, unless a stage of the same name is already there.</summary>
    public PipelineBuilder Use(IStage stage)
    {
        if (!_stages.Any(s => s.Name == stage.Name))
            _stages.Add(stage);
        return this;
    }

    /// <summary>Replaces the stage of type <typeparamref name="T"/> in place (or adds it).</summary>
    public PipelineBuilder Replace<T>(IStage replacement) where T : IStage
    {
        var index = _stages.FindIndex(s => s is T);
        if (index < 0) _stages.Add(replacement);
        else _stages[index] = replacement;
        return this;
    }

    public PipelineBuilder Remove<T>() where T : IStage
    {
        _stages.RemoveAll(s => s is T);
        return this;
    }

    /// <summary>Freezes the stages, checking that each stage's requirements come before it.</summary>
    public SitrepPipeline Build()
    {
        var cleaner = Cleaner ?? throw new InvalidOperationException("A pipeline needs a cleaner: call UseCleaner().");
        var available = new HashSet<string>(StringComparer.Ordinal) { Produces.Body };
        foreach (var stage in _stages)
        {
            var missing = stage.Requires.Where(r => !available.Contains(r)).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException(
                    $"Stage '{stage.Name}' requires {string.Join(", ", missing)}, which no earlier stage provides.");
            available.UnionWith(stage.Provides);
        }
        return new SitrepPipeline(cleaner, [.. _stages]);
    }
}
