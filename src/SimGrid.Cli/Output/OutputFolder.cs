namespace SimGrid.Cli.Output;

/// <summary>
/// Writes a run's files under temporary names and renames them only once the run has finished, so that a cancelled
/// or failed run never leaves a file that looks complete (design section 8). The folder holds one complete result or
/// none: a manifest names the files of the last committed result, and a new run removes them all before it writes,
/// not only those it gets as far as writing again (its charts, its summary).
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private const string PartialSuffix = ".partial";

    /// <summary>The files of the last committed result, one name a line.</summary>
    public const string ManifestName = ".simgrid-result";

    private readonly List<string> pending = [];
    private bool committed;

    public OutputFolder(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
        var manifest = System.IO.Path.Combine(path, ManifestName);
        if (!File.Exists(manifest)) return;
        foreach (var name in File.ReadAllLines(manifest))
        {
            // Names only, as written by Commit: nothing outside this folder.
            if (name.Length == 0 || name != System.IO.Path.GetFileName(name)) continue;
            File.Delete(System.IO.Path.Combine(path, name));
        }
        File.Delete(manifest);
    }

    public string Path { get; }

    public StreamWriter CreateText(string name)
    {
        var stream = Create(name);
        return new StreamWriter(stream) { NewLine = "\n" };
    }

    public FileStream Create(string name)
    {
        var final = System.IO.Path.Combine(Path, name);
        pending.Add(final);
        if (File.Exists(final)) File.Delete(final);   // a stale result from an earlier run must not survive a failed one
        return new FileStream(final + PartialSuffix, FileMode.Create, FileAccess.Write);
    }

    /// <summary>Where a file created with <see cref="Create"/> is written until <see cref="Commit"/>.</summary>
    public string PartialPath(string name) => System.IO.Path.Combine(Path, name) + PartialSuffix;

    public void Commit()
    {
        foreach (var final in pending) File.Move(final + PartialSuffix, final, overwrite: true);
        File.WriteAllLines(System.IO.Path.Combine(Path, ManifestName), pending.Select(System.IO.Path.GetFileName).OfType<string>());
        committed = true;
    }

    public void Dispose()
    {
        if (committed) return;
        foreach (var final in pending)
        {
            try { File.Delete(final + PartialSuffix); }
            catch (IOException) { /* best effort: a leftover .partial name never looks complete */ }
        }
    }
}
