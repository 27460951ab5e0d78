using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Sitrep.Events;
using Sitrep.Export;
using Sitrep.Pipeline;

namespace Sitrep.Web;

/// <summary>
/// The dashboard host: the JSON API over the SQLite or PostgreSQL store, the embedded page, and the security
/// headers every response carries. Used by <c>sitrep serve</c> and by the tests.
/// </summary>
public static class SitrepWebApp
{
    /// <summary>No inline script or style, nothing from another origin: article text is hostile input.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static WebApplication Create(string[] args, Action<SitrepWebOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SitrepWebApp).Assembly.GetName().Name,
        });
        AddSitrep(builder.Services, builder.Configuration, configure);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var app = builder.Build();
        UseSitrep(app);
        return app;
    }

    public static void AddSitrep(IServiceCollection services, IConfiguration configuration, Action<SitrepWebOptions>? configure = null)
    {
        var options = services.AddOptions<SitrepWebOptions>().Bind(configuration.GetSection(SitrepWebOptions.Section));
        if (configure is not null) options.Configure(configure);
        services.AddSingleton<StoreAccess>();
        // The store the endpoints use: PostgreSQL when a connection string is configured, else the SQLite file.
        services.AddSingleton<IWebStore>(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<SitrepWebOptions>>().Value;
            return string.IsNullOrWhiteSpace(settings.Postgres)
                ? provider.GetRequiredService<StoreAccess>()
                : new PostgresWebStore(settings.Postgres);
        });
        // The pipeline loads its lexicons and gazetteer once, on the first ingest.
        services.AddSingleton(_ => new Lazy<SitrepPipeline>(SitrepDefaults.Create, LazyThreadSafetyMode.ExecutionAndPublication));
    }

    public static void UseSitrep(WebApplication app)
    {
        app.Use(SecurityHeaders);
        app.Use(ApiErrors);
        var files = new EmbeddedFileProvider(typeof(SitrepWebApp).Assembly, "Sitrep.Web.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = ContentTypes(),
        });
        MapApi(app);
    }

    private static Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider ContentTypes()
    {
        var provider = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        provider.Mappings[".geojson"] = "application/geo+json";
        return provider;
    }

    private static async Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        await next(context);
    }

    /// <summary>Every refusal is JSON <c>{"error": "..."}</c>; unexpected failures say nothing of the internals.</summary>
    private static async Task ApiErrors(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (ApiError error) when (!context.Response.HasStarted)
        {
            await WriteError(context, error.Status, error.Message);
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            await WriteError(context, error.StatusCode, error.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is too large." : "The request is malformed.");
        }
        catch (Exception error) when (!context.Response.HasStarted && error is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Sitrep.Web")
                .LogError(error, "Request {Path} failed", context.Request.Path);
            await WriteError(context, StatusCodes.Status500InternalServerError, "The server failed to answer this request.");
        }
    }

    private static Task WriteError(HttpContext context, int status, string message)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return context.Response.WriteAsJsonAsync(new { error = message }, SitrepJson.Options);
    }

    private static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, SitrepJson.Options, statusCode: status);

    private static void MapApi(WebApplication app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/events", (HttpRequest request, IWebStore store, IOptions<SitrepWebOptions> options) =>
        {
            var query = EventFilter.Parse(request.Query, defaultLimit: 100, options.Value.MaxPageSize);
            var page = store.QueryEvents(query);
            var documents = store.Summaries(page.Items.Select(e => e.DocumentId));
            return Json(new { total = page.Total, limit = query.Limit, offset = query.Offset, items = page.Items, documents });
        });

        api.MapGet("/events/{id}", (string id, IWebStore store) =>
        {
            var found = store.FindEvent(id) ?? throw ApiError.NotFound($"No event has the id '{Short(id)}'.");
            return Json(found);
        });

        api.MapGet("/fused", (HttpRequest request, IWebStore store, IOptions<SitrepWebOptions> options) =>
        {
            // Validates the same filters as /api/events so clients can switch between the two.
            EventFilter.Parse(request.Query, defaultLimit: 100, options.Value.MaxPageSize);
            var (limit, offset) = EventFilter.Paging(request.Query, 100, options.Value.MaxPageSize);
            var (total, items) = store.ReadFused(limit, offset);
            return Json(new { total, items });
        });

        api.MapGet("/documents/{id}", (string id, IWebStore store) =>
        {
            var document = store.GetDocument(id) ?? throw ApiError.NotFound($"No document has the id '{Short(id)}'.");
            return Json(new
            {
                id = document.Id,
                title = document.Title,
                url = document.Url,
                outlet = document.Outlet,
                published = document.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                text = document.Text,
                body = document.Body,
                comments = document.Comments,
                boilerplate = document.Boilerplate,
                warnings = document.Warnings,
                events = document.Events,
                claims = document.Claims,
            });
        });

        api.MapPost("/documents", async (HttpRequest request, IWebStore store, Lazy<SitrepPipeline> pipeline,
            IOptions<SitrepWebOptions> options, CancellationToken cancellationToken) =>
        {
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = options.Value.MaxDocumentBytes;
            var body = await DocumentIngest.ReadBodyAsync(request, options.Value.MaxDocumentBytes, cancellationToken);
            var raw = DocumentIngest.Parse(body);
            var result = pipeline.Value.TryRun(raw);
            if (result.Document is not { } document)
                throw new ApiError(StatusCodes.Status422UnprocessableEntity, $"The document could not be processed: {result.Error}");
            await store.SaveAsync(document, cancellationToken);
            var location = "/api/documents/" + Uri.EscapeDataString(document.Id);
            request.HttpContext.Response.Headers.Location = location;
            return Json(new
            {
                id = document.Id,
                location,
                events = document.Events.Select(e => e.Id),
                claims = document.Claims.Length,
                warnings = document.Warnings,
            }, StatusCodes.Status201Created);
        });

        api.MapGet("/claims", (HttpRequest request, IWebStore store, IOptions<SitrepWebOptions> options) =>
        {
            var (limit, offset) = EventFilter.Paging(request.Query, 100, options.Value.MaxPageSize);
            var (total, items) = store.ReadClaims(EventFilter.Text(request.Query, "doc"), EventFilter.Text(request.Query, "q"), limit, offset);
            var documents = store.Summaries(items.Select(c => c.DocumentId));
            return Json(new { total, items, documents });
        });

        api.MapGet("/facets", (IWebStore store) => Json(store.ReadFacets()));

        api.MapGet("/export.csv", async (HttpContext context, IWebStore store, IOptions<SitrepWebOptions> options) =>
        {
            var (total, rows) = store.ExportRows(ExportQuery(context.Request, options.Value));
            using var buffer = new MemoryStream();
            using (var csv = new AcledCsvRenderer(buffer, leaveOpen: true))
                foreach (var row in rows) csv.Write(row);
            await Send(context, buffer, "text/csv; charset=utf-8", "sitrep-events.csv", total, rows.Count);
        });

        api.MapGet("/export.geojson", async (HttpContext context, IWebStore store, IOptions<SitrepWebOptions> options) =>
        {
            var (total, rows) = store.ExportRows(ExportQuery(context.Request, options.Value));
            using var buffer = new MemoryStream();
            using (var geo = new GeoJsonRenderer(buffer, leaveOpen: true))
            {
                foreach (var row in rows) geo.Write(row);
                geo.Complete();
            }
            await Send(context, buffer, "application/geo+json", "sitrep-events.geojson", total, rows.Count);
        });

        api.MapMethods("/{**rest}", ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"], IResult (string? rest) => throw ApiError.NotFound($"There is no API endpoint '/api/{Short(rest ?? "")}'."));

        app.MapGet("/openapi/v1.json", () =>
        {
            var stream = typeof(SitrepWebApp).Assembly.GetManifestResourceStream("Sitrep.Web.openapi.json")
                ?? throw new InvalidOperationException("The OpenAPI document is not embedded.");
            return Results.Stream(stream, "application/json");
        });
    }

    /// <summary>An export takes the event filters without paging: everything that matches, up to the cap.</summary>
    private static Storage.EventQuery ExportQuery(HttpRequest request, SitrepWebOptions options)
    {
        if (request.Query.ContainsKey("limit") || request.Query.ContainsKey("offset"))
            throw ApiError.BadRequest($"Exports take no 'limit' or 'offset': they hold every matching event, up to {options.MaxExportRows}.");
        return EventFilter.Parse(request.Query, defaultLimit: 0, maxLimit: 0) with { Limit = options.MaxExportRows, Offset = 0 };
    }

    private static async Task Send(HttpContext context, MemoryStream buffer, string contentType, string fileName, long total, int written)
    {
        var response = context.Response;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (total > written) response.Headers["X-Truncated"] = "true";
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, context.RequestAborted);
    }

    private static string Short(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
