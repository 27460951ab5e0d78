using Sitrep.Documents;

namespace Sitrep.Export;

/// <summary>
/// The five output files of <c>sitrep extract</c> in one folder: documents.jsonl, events.jsonl,
/// claims.jsonl, events.csv and events.geojson. Everything is streamed to temporary files in the
/// same folder; <see cref="Complete"/> renames each onto its final name, so a run that dies or is
/// disposed before completing leaves earlier outputs untouched. <see cref="Add"/> is thread-safe
/// (calls are serialised), so parallel workers may share one set.
/// </summary>
public sealed class OutputSet : IDisposable
{
    public const string DocumentsFile = "documents.jsonl";
    public const string EventsFile = "events.jsonl";
    public const string ClaimsFile = "claims.jsonl";
    public const string CsvFile = "events.csv";
    public const string GeoJsonFile = "events.geojson";

    private const int BufferSize = 1 << 16;

    private readonly Lock _gate = new();
    private readonly List<(string Temp, string Final, FileStream Stream)> _files = [];
    private readonly JsonlRenderer _documents;
    private readonly JsonlRenderer _events;
    private readonly JsonlRenderer _claims;
    private readonly AcledCsvRenderer _csv;
    private readonly GeoJsonRenderer _geoJson;
    private bool _completed;
    private bool _disposed;

    private OutputSet(string directory)
    {
        Directory = directory;
        try
        {
            _documents = new JsonlRenderer(OpenTemp(DocumentsFile));
            _events = new JsonlRenderer(OpenTemp(EventsFile));
            _claims = new JsonlRenderer(OpenTemp(ClaimsFile));
            _csv = new AcledCsvRenderer(OpenTemp(CsvFile));
            _geoJson = new GeoJsonRenderer(OpenTemp(GeoJsonFile));
        }
        catch
        {
            _documents?.Dispose();
            _events?.Dispose();
            _claims?.Dispose();
            _csv?.Dispose();
            DeleteTemps();
            throw;
        }
    }

    /// <summary>Creates the folder if needed and opens the temporary files in it.</summary>
    public static OutputSet Create(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(full);
        return new OutputSet(full);
    }

    public string Directory { get; }

    public long Documents { get { lock (_gate) return _documents.Count; } }
    public long Events { get { lock (_gate) return _events.Count; } }
    public long Claims { get { lock (_gate) return _claims.Count; } }
    /// <summary>Events written to the GeoJSON (those with coordinates).</summary>
    public long Features { get { lock (_gate) return _geoJson.Count; } }

    /// <summary>Writes the document line and all its events (JSONL, CSV, GeoJSON) and claims.</summary>
    public void Add(Document document) => Add(document, null);

    /// <summary>As <see cref="Add(Document)"/>, with the events and claims already serialised (JSON Lines take them as they are).</summary>
    public void Add(Document document, Storage.SerializedDocument? json)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Build everything outside the lock; only the writes are serialised.
        var line = DocumentLine.From(document);
        var events = document.Events.IsDefault ? [] : document.Events;
        var claims = document.Claims.IsDefault ? [] : document.Claims;
        var rows = new AcledRow[events.Length];
        for (var i = 0; i < rows.Length; i++) rows[i] = AcledRow.From(events[i], document.Outlet);

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_completed) throw new InvalidOperationException("The output set is already complete.");
            _documents.Write(line);
            for (var i = 0; i < events.Length; i++)
            {
                if (json is not null) _events.WriteRaw(json.Events[i]);
                else _events.Write(events[i]);
                _csv.Write(rows[i]);
                _geoJson.Write(rows[i]);
            }
            for (var i = 0; i < claims.Length; i++)
            {
                if (json is not null) _claims.WriteRaw(json.Claims[i]);
                else _claims.Write(claims[i]);
            }
        }
    }

    /// <summary>Closes the GeoJSON, flushes every file to disk and moves each onto its final name.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_completed) return;
            _geoJson.Complete();
            _documents.Flush();
            _events.Flush();
            _claims.Flush();
            _csv.Flush();
            // On disk before the rename, so a power cut cannot leave a renamed but empty file.
            foreach (var file in _files) file.Stream.Flush(flushToDisk: true);
            _documents.Dispose();
            _events.Dispose();
            _claims.Dispose();
            _csv.Dispose();
            _geoJson.Dispose();
            foreach (var (temp, final, _) in _files)
                File.Move(temp, final, overwrite: true); // a rename within one folder: atomic on POSIX and NTFS
            _completed = true;
        }
    }

    /// <summary>Releases the files; without <see cref="Complete"/>, deletes the temporaries and leaves earlier outputs as they were.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            if (_completed) return;
            _documents.Dispose();
            _events.Dispose();
            _claims.Dispose();
            _csv.Dispose();
            _geoJson.Dispose();
            DeleteTemps();
        }
    }

    private FileStream OpenTemp(string name)
    {
        var final = Path.Combine(Directory, name);
        // Hidden, unique per run, and in the same folder so the final move is a rename.
        var temp = Path.Combine(Directory, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.Read, BufferSize);
        _files.Add((temp, final, stream));
        return stream;
    }

    private void DeleteTemps()
    {
        foreach (var (temp, _, _) in _files)
        {
            try { File.Delete(temp); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
