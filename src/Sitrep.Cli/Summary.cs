using Sitrep.Pipeline;
using Spectre.Console;

namespace Sitrep.Cli;

/// <summary>The closing summary table of an extract run.</summary>
internal static class Summary
{
    public static void Print(ExtractSummary summary, ExtractOptions options, string? store = null)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("sitrep extract");
        table.AddColumn("what");
        table.AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("documents", summary.Documents.ToString());
        if (summary.Unchanged > 0) table.AddRow("  already in store, unchanged", summary.Unchanged.ToString());
        table.AddRow("events", summary.Events.ToString());
        foreach (var (type, count) in summary.EventsByType)
            table.AddRow($"  {Markup.Escape(type)}", count.ToString());
        table.AddRow("claims", summary.Claims.ToString());
        if (summary.Fusion is { } fusion)
        {
            table.AddRow("fused real-world events", fusion.FusedEvents.ToString());
            table.AddRow("  told by several documents", fusion.MultiReportEvents.ToString());
        }
        table.AddRow(summary.Failures.Count > 0 ? "[red]failed inputs[/]" : "failed inputs", summary.Failures.Count.ToString());
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 1e-6);
        table.AddRow("time", $"{summary.Elapsed.TotalSeconds:0.00} s ({summary.Documents / seconds:0} documents/s)");
        AnsiConsole.Write(table);
        foreach (var failure in summary.Failures)
            AnsiConsole.MarkupLine($"[red]failed[/] {Markup.Escape(failure.Source)}: {Markup.Escape(failure.Reason)}");
        var output = Path.GetFullPath(options.OutputDirectory);
        AnsiConsole.MarkupLine($"Results: [bold]{Markup.Escape(output)}[/] (events, fused_events: .jsonl .csv .geojson; claims.jsonl; documents.jsonl)");
        if (store is not null)
            AnsiConsole.MarkupLine($"Store: [bold]{Markup.Escape(store)}[/]");
        else if (options.DatabasePath is not null)
            AnsiConsole.MarkupLine($"Store: [bold]{Markup.Escape(Path.GetFullPath(options.DatabasePath))}[/]");
    }
}
