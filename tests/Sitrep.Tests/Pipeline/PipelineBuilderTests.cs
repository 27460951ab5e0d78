using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Pipeline;

public class PipelineBuilderTests
{
    private sealed class WholeTextCleaner : ICleaner
    {
        public Document Clean(RawDocument raw) =>
            new() { Id = raw.Id, Text = raw.Content, Body = [new TextSpan(0, raw.Content.Length)] };
    }

    private sealed class UpperWarnStage(string name, string[] provides, string[] requires) : IStage
    {
        public string Name => name;
        public IReadOnlyList<string> Provides => provides;
        public IReadOnlyList<string> Requires => requires;
        public Document Process(Document document) => document.AddWarning(name);
    }

    [Fact]
    public void Build_rejects_a_stage_whose_requirement_comes_later()
    {
        var builder = new PipelineBuilder()
            .UseCleaner(new WholeTextCleaner())
            .Use(new UpperWarnStage("events", [Produces.Events], [Produces.Sentences]));
        var ex = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("sentences", ex.Message);
    }

    [Fact]
    public void Build_without_cleaner_fails()
    {
        Assert.Throws<InvalidOperationException>(() => new PipelineBuilder().Build());
    }

    [Fact]
    public void Stages_run_in_order_and_the_text_is_shared()
    {
        var pipeline = new PipelineBuilder()
            .UseCleaner(new WholeTextCleaner())
            .Use(new UpperWarnStage("a", ["x"], []))
            .Use(new UpperWarnStage("b", ["y"], ["x"]))
            .Build();
        var raw = new RawDocument("d1", "test", DocumentFormat.Text, "some text");
        var doc = pipeline.Run(raw);
        Assert.Equal(["a", "b"], doc.Warnings.ToArray());
        Assert.Same(raw.Content, doc.Text);
    }

    [Fact]
    public void Replace_swaps_a_stage_in_place()
    {
        var builder = new PipelineBuilder().UseCleaner(new WholeTextCleaner())
            .Use(new UpperWarnStage("a", ["x"], []));
        builder.Replace<UpperWarnStage>(new UpperWarnStage("c", ["x"], []));
        var doc = builder.Build().Run(new RawDocument("d", "t", DocumentFormat.Text, "t"));
        Assert.Equal(["c"], doc.Warnings.ToArray());
    }

    [Fact]
    public void RunAll_keeps_input_order_and_turns_exceptions_into_errors()
    {
        var pipeline = new PipelineBuilder().UseCleaner(new WholeTextCleaner())
            .Use(new ThrowingStage()).Build();
        var inputs = Enumerable.Range(0, 200)
            .Select(i => new RawDocument($"d{i}", "t", DocumentFormat.Text, i % 7 == 0 ? "boom" : "ok"))
            .ToList();
        var results = pipeline.RunAll(inputs, workers: 2).ToList();
        Assert.Equal(inputs.Select(i => i.Id), results.Select(r => r.Id));
        Assert.Equal(inputs.Count(i => i.Content == "boom"), results.Count(r => !r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains("boom", r.Error));
    }

    private sealed class ThrowingStage : IStage
    {
        public string Name => "throwing";
        public IReadOnlyList<string> Provides => [];
        public IReadOnlyList<string> Requires => [];
        public Document Process(Document document) =>
            document.Text == "boom" ? throw new InvalidDataException("boom") : document;
    }
}
