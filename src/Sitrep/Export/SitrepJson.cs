using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Sitrep.Export;

/// <summary>The one set of JSON options for every file and column Sitrep writes.</summary>
public static class SitrepJson
{
    /// <summary>
    /// Compact, snake_case for types without explicit names, enums as strings. The encoder lets
    /// every Unicode range through so Arabic stays readable in files; it still escapes HTML-significant
    /// characters, so never embed this output in HTML unescaped.
    /// </summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Writer options matching <see cref="Options"/>, for hand-written JSON (GeoJSON, document lines).</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = Options.Encoder,
        Indented = false,
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            WriteIndented = false,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
