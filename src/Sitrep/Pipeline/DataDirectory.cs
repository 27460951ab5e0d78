namespace Sitrep.Pipeline;

/// <summary>
/// Finds the shipped data folder (gazetteer, lexicons): $SITREP_DATA, else a <c>data</c> folder
/// next to the binaries, else the nearest <c>data</c> folder above the working directory.
/// </summary>
public static class DataDirectory
{
    private static readonly Lazy<string> Located = new(Locate);

    public static string Root => Located.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SITREP_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnv) && Directory.Exists(fromEnv)) return fromEnv;
        var nextToBinaries = Path.Combine(AppContext.BaseDirectory, "data");
        if (Directory.Exists(nextToBinaries)) return nextToBinaries;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, "LICENSES.md"))) return candidate;
        }
        throw new DirectoryNotFoundException("Sitrep's data folder was not found: set SITREP_DATA to the repository's data/ folder.");
    }
}
