using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Cleaning;

/// <summary>
/// Real article text from FA-KES (15 outlets, CC BY 4.0; data/cleaning/fakes-sample.jsonl) through
/// the whole default pipeline: no errors, spans inside the text, a body for almost every article.
/// </summary>
public class FakesFixtureTests
{
    private static readonly Lazy<List<(RawDocument Raw, DocumentResult Result)>> Results = new(() =>
    {
        var pipeline = SitrepDefaults.Create();
        var items = new InputReader().Read([RepoPaths.TestData("cleaning", "fakes-sample.jsonl")]).ToList();
        Assert.All(items, item => Assert.IsType<IngestedDocument>(item));
        return items.Cast<IngestedDocument>().Select(d => (d.Document, pipeline.TryRun(d.Document))).ToList();
    });

    [Fact]
    public void The_fixture_spans_many_outlets()
    {
        Assert.True(Results.Value.Count >= 40, $"{Results.Value.Count} articles");
        Assert.True(Results.Value.Select(r => r.Raw.Outlet).Distinct().Count() >= 8);
    }

    [Fact]
    public void Every_article_is_processed_without_errors()
    {
        var failures = Results.Value.Where(r => !r.Result.Succeeded).Select(r => $"{r.Raw.Id}: {r.Result.Error}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Body_comment_and_boilerplate_spans_lie_inside_the_text_in_order()
    {
        foreach (var (raw, result) in Results.Value)
        {
            var document = result.Document!;
            Assert.Equal(raw.Content, document.Text);
            foreach (var spans in new[] { document.Body, document.Comments, document.Boilerplate })
            {
                var previousEnd = 0;
                foreach (var span in spans)
                {
                    Assert.True(span.Start >= previousEnd && span.End <= document.Text.Length && !span.IsEmpty, $"{raw.Id}: bad span {span}");
                    previousEnd = span.End;
                }
            }
            foreach (var body in document.Body)
                Assert.DoesNotContain(document.Comments, c => c.Overlaps(body));
        }
    }

    [Fact]
    public void Almost_every_article_has_a_body_covering_most_of_its_text()
    {
        var documents = Results.Value.Select(r => r.Result.Document!).ToList();
        var withBody = documents.Count(d => !d.Body.IsEmpty);
        Assert.True(withBody >= documents.Count * 0.9, $"{withBody} of {documents.Count} have a body");
        // FA-KES holds article text only: the body is most of it.
        var share = documents.Sum(d => d.Body.Sum(s => (long)s.Length)) / (double)documents.Sum(d => (long)d.Text.Length);
        Assert.True(share > 0.8, $"body is {share:P0} of the text");
    }

    [Fact]
    public void Event_and_claim_evidence_lies_in_the_body()
    {
        var outside = new List<string>();
        foreach (var (raw, result) in Results.Value)
        {
            var document = result.Document!;
            bool InBody(TextSpan span) => document.Body.Any(b => b.Contains(span));
            foreach (var e in document.Events)
                if (!e.Evidence.All(InBody)) outside.Add($"{raw.Id}: event {string.Join(",", e.Evidence)}");
            foreach (var c in document.Claims)
                if (!c.Evidence.All(InBody)) outside.Add($"{raw.Id}: claim {string.Join(",", c.Evidence)}");
        }
        Assert.True(outside.Count == 0, string.Join("\n", outside.Take(10)));
    }
}
