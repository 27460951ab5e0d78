namespace Sitrep.Tests;

/// <summary>Paths inside the repository checkout the tests run from (found above the test binaries).</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootDir = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "samples", "text"))) return dir.FullName;
        throw new DirectoryNotFoundException("samples/text was not found above the test binaries " + AppContext.BaseDirectory);
    });

    public static string Root => RootDir.Value;
    public static string Samples => Path.Combine(Root, "samples");
    public static string SampleTexts => Path.Combine(Root, "samples", "text");
    public static string GoldDir => Path.Combine(AppContext.BaseDirectory, "data", "gold");
    public static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);
}
