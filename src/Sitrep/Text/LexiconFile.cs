namespace Sitrep.Text;

/// <summary>
/// Reads Sitrep's tab-separated lexicon files: '#' starts a comment line, blank lines are
/// skipped, columns are separated by tabs and trimmed.
/// </summary>
public static class LexiconFile
{
    public static IEnumerable<string[]> ReadRows(string path)
    {
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var cells = line.Split('\t');
            for (var i = 0; i < cells.Length; i++) cells[i] = cells[i].Trim();
            if (cells.All(c => c.Length == 0)) continue;
            yield return cells;
        }
    }
}
