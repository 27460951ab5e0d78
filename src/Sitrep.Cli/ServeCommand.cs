using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Sitrep.Web;

namespace Sitrep.Cli;

/// <summary>
/// <c>sitrep serve [--db FILE | --pg CONNSTR] [--urls URLS]</c>: the dashboard and the JSON API over a
/// store, bound to loopback unless told otherwise. Exit 2 for usage errors.
/// </summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "SQLite store file (default sitrep.db; created when missing)." };
        var pg = new Option<string?>("--pg") { Description = "PostgreSQL connection string (scale-out store)." };
        var urls = new Option<string>("--urls") { Description = "Where to listen, ';'-separated.", DefaultValueFactory = _ => DefaultUrls };
        var command = new Command("serve", "Serve the dashboard (map, timeline, evidence, sources) and the JSON API.") { db, pg, urls };
        command.SetAction((parse, cancellationToken) => Run(parse.GetValue(db), parse.GetValue(pg), parse.GetValue(urls)!, cancellationToken));
        return command;
    }

    public static async Task<int> Run(string? db, string? pg, string urls, CancellationToken cancellationToken)
    {
        if (db is not null && pg is not null) return Usage("--db and --pg are alternatives: give one.");
        if (pg is not null) return Usage("--pg is not available in this build: the PostgreSQL store is not included yet; use --db.");
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                return Usage($"--urls must be http(s) addresses such as {DefaultUrls}, not '{url}'.");

        var database = Path.GetFullPath(db ?? "sitrep.db");
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = SitrepWebApp.Create(["--urls", urls], options => options.Database = database);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            return Usage($"cannot open the store {database}: {ex.Message}");
        }
        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException ex)
            {
                return Usage($"cannot listen on {urls}: {ex.Message}");
            }
            Console.WriteLine($"Sitrep dashboard on {string.Join(", ", app.Urls)} (store: {database}). Press Ctrl+C to stop.");
            await app.WaitForShutdownAsync(cancellationToken);
        }
        return ExitCodes.Ok;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"sitrep serve: {message}");
        return ExitCodes.Usage;
    }
}
