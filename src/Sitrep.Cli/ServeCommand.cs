using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
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
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                return Usage($"--urls must be http(s) addresses such as {DefaultUrls}, not '{url}'.");

        string storeName;
        Action<SitrepWebOptions> configure;
        if (pg is not null)
        {
            if (string.IsNullOrWhiteSpace(pg)) return Usage("--pg needs a connection string such as Host=localhost;Username=sitrep;Database=sitrep.");
            try
            {
                storeName = Describe(pg);
            }
            catch (ArgumentException ex)
            {
                return Usage($"--pg is not a valid connection string: {ex.Message}");
            }
            configure = options => options.Postgres = pg;
        }
        else
        {
            var database = Path.GetFullPath(db ?? "sitrep.db");
            storeName = database;
            configure = options => options.Database = database;
        }

        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = SitrepWebApp.Create(["--urls", urls], configure);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            return Usage($"cannot open the store {storeName}: {ex.Message}");
        }
        await using (app)
        {
            if (pg is not null)
            {
                // Connect (and migrate) now, so a wrong address or password is a usage error rather than failing requests.
                try
                {
                    app.Services.GetRequiredService<IWebStore>();
                }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
                {
                    return Usage($"cannot open the store {storeName}: {ex.Message}");
                }
            }
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException ex)
            {
                return Usage($"cannot listen on {urls}: {ex.Message}");
            }
            Console.WriteLine($"Sitrep dashboard on {string.Join(", ", app.Urls)} (store: {storeName}). Press Ctrl+C to stop.");
            await app.WaitForShutdownAsync(cancellationToken);
        }
        return ExitCodes.Ok;
    }

    /// <summary>Host, port and database of a connection string, for messages (never the password).</summary>
    private static string Describe(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"sitrep serve: {message}");
        return ExitCodes.Usage;
    }
}
