using System.CommandLine;
using System.Globalization;
using Npgsql;
using Sitrep.Pipeline;
using Sitrep.Postgres;
using Spectre.Console;

namespace Sitrep.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int SomeInputsFailed = 1;
    public const int Usage = 2;
}

/// <summary>
/// <c>sitrep extract INPUT... [--out DIR] [--db FILE | --pg CONNSTR] [--published YYYY-MM-DD] [--workers N]</c>.
/// Exit 0 when every input was processed, 1 when some failed (each named on stderr), 2 for usage errors.
/// </summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "Files and folders: .txt, .html/.htm, .jsonl, .xml/.rss/.atom. With --pg and none, the process only works the shared queue.", Arity = ArgumentArity.ZeroOrMore };
        var outDir = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "out" };
        var db = new Option<string?>("--db") { Description = "SQLite store file (default sitrep.db)." };
        var pg = new Option<string?>("--pg") { Description = "PostgreSQL connection string (scale-out store)." };
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) for inputs that give none." };
        var workers = new Option<int>("--workers") { Description = "Parallel workers (default: one per core).", DefaultValueFactory = _ => 0 };
        var command = new Command("extract", "Extract events, claims and cleaned documents from articles.") { inputs, outDir, db, pg, published, workers };
        command.SetAction(parse => Run(
            parse.GetValue(inputs) ?? [],
            parse.GetValue(outDir)!,
            parse.GetValue(db),
            parse.GetValue(pg),
            parse.GetValue(published),
            parse.GetValue(workers)));
        return command;
    }

    public static int Run(string[] inputs, string outDir, string? db, string? pg, string? published, int workers)
    {
        if (db is not null && pg is not null)
            return Usage("--db and --pg are alternatives: give one.");
        if (inputs.Length == 0 && pg is null)
            return Usage("give at least one INPUT (only a --pg worker may run without inputs: it works the shared queue).");
        if (published is not null && !DateOnly.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return Usage($"--published must be a date as YYYY-MM-DD, not '{published}'.");
        if (workers < 0)
            return Usage("--workers must be 0 (one per core) or more.");

        SitrepPipeline pipeline;
        try
        {
            pipeline = SitrepDefaults.Create();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"sitrep extract: could not load the shipped data: {ex.Message}");
            return ExitCodes.Usage;
        }

        var options = new ExtractOptions
        {
            Inputs = inputs,
            OutputDirectory = outDir,
            DatabasePath = db ?? "sitrep.db",
            Published = published,
            Workers = workers,
        };
        var progress = new ProgressReporter(inputs);
        ExtractSummary summary;
        string? storeName = null;
        if (pg is not null)
        {
            PostgresStore store;
            try
            {
                store = PostgresStore.Open(pg);
            }
            catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
            {
                Console.Error.WriteLine($"sitrep extract: could not open the PostgreSQL store: {ex.Message}");
                return ExitCodes.Usage;
            }
            storeName = store.Describe();
            using (store)
                summary = progress.Run(onResult => new PostgresExtractJob(pipeline, store).Run(options with { DatabasePath = null }, onResult));
        }
        else
        {
            summary = progress.Run(onResult => new ExtractJob(pipeline).Run(options, onResult));
        }
        Summary.Print(summary, options, storeName);
        return summary.Failures.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"sitrep extract: {message}");
        return ExitCodes.Usage;
    }
}
