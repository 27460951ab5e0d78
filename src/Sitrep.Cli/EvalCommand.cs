using System.CommandLine;
using Sitrep.Evaluation;

namespace Sitrep.Cli;

/// <summary><c>sitrep eval --gold DIR --pred DIR [--json FILE]</c>: scores an extract output folder against gold.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Option<DirectoryInfo>("--gold") { Description = "Folder of gold JSON files (one per document).", Required = true };
        var pred = new Option<DirectoryInfo>("--pred") { Description = "Output folder of 'sitrep extract' (events.jsonl, claims.jsonl, documents.jsonl).", Required = true };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON to this file." };
        var command = new Command("eval", "Score predicted events, claims and document bodies against gold annotations.") { gold, pred, json };
        command.SetAction(parse => Run(parse.GetValue(gold)!, parse.GetValue(pred)!, parse.GetValue(json)));
        return command;
    }

    public static int Run(DirectoryInfo gold, DirectoryInfo pred, FileInfo? json)
    {
        if (!gold.Exists)
        {
            Console.Error.WriteLine($"sitrep eval: gold folder not found: {gold.FullName}");
            return ExitCodes.Usage;
        }
        if (!pred.Exists)
        {
            Console.Error.WriteLine($"sitrep eval: prediction folder not found: {pred.FullName}");
            return ExitCodes.Usage;
        }
        var report = Evaluator.Evaluate(GoldSet.Load(gold.FullName), PredictionSet.Load(pred.FullName));
        Console.Out.Write(report.ToText());
        if (json is not null) File.WriteAllText(json.FullName, report.ToJson());
        return ExitCodes.Ok;
    }
}
