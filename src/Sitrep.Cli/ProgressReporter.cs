using Sitrep.Pipeline;
using Spectre.Console;

namespace Sitrep.Cli;

/// <summary>
/// Shows progress: a Spectre.Console progress bar on a terminal (sized by the bytes of the inputs,
/// since a JSONL file or a feed holds an unknown number of documents), plain lines on stderr when
/// output is redirected (CI logs, pipes). Failures are always named on stderr as they happen.
/// </summary>
internal sealed class ProgressReporter(IReadOnlyList<string> inputs)
{
    private const int PlainEvery = 500;
    private int _documents;
    private int _events;
    private int _failures;

    public ExtractSummary Run(Func<Action<DocumentResult>, ExtractSummary> job)
    {
        var interactive = !Console.IsErrorRedirected && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
            return job(result =>
            {
                Count(result);
                if (_documents > 0 && _documents % PlainEvery == 0 && result.Succeeded)
                    Console.Error.WriteLine($"progress: {_documents} documents, {_events} events, {_failures} failed");
            });

        ExtractSummary? summary = null;
        var totalBytes = Math.Max(1, InputBytes(inputs));
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("extracting", maxValue: totalBytes);
                summary = job(result =>
                {
                    Count(result);
                    if (result.Document is { } document) task.Increment(document.Text.Length);
                    task.Description = $"{_documents} documents, {_events} events, {_failures} failed";
                });
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    /// <summary>The size of every input file (folders walked), for the bar's length; unreadable paths count nothing.</summary>
    private static long InputBytes(IEnumerable<string> paths)
    {
        long total = 0;
        foreach (var path in paths)
        {
            try
            {
                if (File.Exists(path)) total += new FileInfo(path).Length;
                else if (Directory.Exists(path))
                    total += new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // the reader reports unreadable inputs with their reason
            }
        }
        return total;
    }

    private void Count(DocumentResult result)
    {
        if (result.Document is { } document)
        {
            _documents++;
            _events += document.Events.Length;
            return;
        }
        _failures++;
        Console.Error.WriteLine($"error: {result.Source}: {result.Error}");
    }
}
