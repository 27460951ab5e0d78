using System.CommandLine;
using Sitrep.Cli;

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
