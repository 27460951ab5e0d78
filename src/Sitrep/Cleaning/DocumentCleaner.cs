using System.Security.Cryptography;
using System.Text;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Cleaning;

/// <summary>
/// The Clean stage: turns a raw input into a <see cref="Document"/> whose body paragraphs are
/// separated from page furniture and reader comments, with title, outlet and date filled in.
/// </summary>
public sealed class DocumentCleaner : ICleaner
{
    /// <summary>The lexicon file, relative to the data folder.</summary>
    public const string LexiconPath = "cleaning/boilerplate.txt";

    private static readonly Lazy<DocumentCleaner> Default = new(() => new DocumentCleaner(BoilerplateLexicon.Load(DataDirectory.PathOf(LexiconPath))));

    private readonly TextCleaner _text;
    private readonly HtmlCleaner _html;

    public DocumentCleaner(BoilerplateLexicon lexicon)
    {
        Lexicon = lexicon;
        _text = new TextCleaner(lexicon);
        _html = new HtmlCleaner(lexicon);
    }

    public BoilerplateLexicon Lexicon { get; }

    /// <summary>A cleaner with the shipped lexicon (data/cleaning/boilerplate.txt), loaded once.</summary>
    public static DocumentCleaner LoadDefault() => Default.Value;

    public Document Clean(RawDocument raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var content = raw.Content ?? "";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        var document = raw.Format == DocumentFormat.Html ? CleanHtml(raw, content) : CleanText(raw, content);
        document = document with { ContentHash = hash };
        return document.Body.IsEmpty ? document.AddWarning("no body text found") : document;
    }

    private Document CleanText(RawDocument raw, string content)
    {
        var hasTitleLine = raw.Format == DocumentFormat.Text;
        var layout = _text.Clean(content, hasTitleLine, raw.Title);
        var title = raw.Title;
        if (string.IsNullOrWhiteSpace(title) && layout.Title is { } t) title = content.Substring(t.Start, t.Length);
        return new Document
        {
            Id = raw.Id,
            Source = raw.Source,
            Text = content,
            Format = raw.Format,
            Url = raw.Url,
            Title = title,
            TitleSpan = layout.Title,
            Outlet = raw.Outlet ?? layout.Outlet ?? PageMetadata.DomainOf(raw.Url),
            Published = PublishedDate.Parse(raw.Published) ?? PublishedDate.Parse(PageMetadata.DateInUrl(raw.Url)),
            Body = layout.Body,
            Comments = layout.Comments,
            Boilerplate = layout.Boilerplate,
        };
    }

    private Document CleanHtml(RawDocument raw, string content)
    {
        var layout = _html.Clean(content, raw.Url);
        var meta = layout.Metadata;
        return new Document
        {
            Id = raw.Id,
            Source = raw.Source,
            Text = layout.Text,
            Format = raw.Format,
            Url = raw.Url ?? meta.Url,
            Title = string.IsNullOrWhiteSpace(raw.Title) ? meta.Title : raw.Title,
            TitleSpan = layout.Title,
            Outlet = raw.Outlet ?? meta.SiteName,
            Published = PublishedDate.Parse(raw.Published) ?? PublishedDate.Parse(meta.Published),
            Body = layout.Body,
            Comments = layout.Comments,
            Boilerplate = layout.Boilerplate,
        };
    }
}
