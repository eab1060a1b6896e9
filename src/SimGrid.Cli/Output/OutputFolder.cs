namespace SimGrid.Cli.Output;

/// <summary>
/// Writes a run's files under temporary names and renames them only once the run has finished, so that a cancelled
/// or failed run never leaves a file that looks complete (design section 8).
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private const string PartialSuffix = ".partial";
    private readonly List<string> pending = [];
    private bool committed;

    public OutputFolder(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
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
