namespace Sitrep.Tests.Ingest;

/// <summary>A throwaway folder for inputs written by a test; deleted afterwards.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "sitrep-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relative, string content) => Write(relative, System.Text.Encoding.UTF8.GetBytes(content));

    public string Write(string relative, byte[] content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

internal static class BadInputs
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "data", "bad");

    public static string PathOf(string name) => Path.Combine(Folder, name);
}
