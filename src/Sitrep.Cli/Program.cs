using System.CommandLine;
using Sitrep.Cli;
using Spectre.Console;

// Plain text when the output goes to a file or a pipe: no colour codes in logs.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Capabilities.Ansi = false;
    AnsiConsole.Profile.Width = 100;
}

var root = new RootCommand("Sitrep: verified, geolocated, source-attributed conflict event data from raw reporting.");
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(ServeCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"sitrep: {error.Message}");
    Console.Error.WriteLine("Run 'sitrep --help' for usage.");
    return ExitCodes.Usage;
}
return await parse.InvokeAsync();
