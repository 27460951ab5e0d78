using Sitrep.Pipeline;
using Spectre.Console;

namespace Sitrep.Cli;

/// <summary>
/// Shows progress: a live Spectre.Console status line on a terminal, plain lines on stderr when
/// output is redirected (CI logs, pipes). Failures are always named on stderr as they happen.
/// </summary>
internal sealed class ProgressReporter
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
        AnsiConsole.Status().Spinner(Spinner.Known.Dots).Start("Extracting…", context =>
        {
            summary = job(result =>
            {
                Count(result);
                context.Status($"Extracting… {_documents} documents, {_events} events, {_failures} failed");
            });
        });
        return summary!;
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
