namespace SimGrid.Scenarios;

/// <summary>
/// Which input files may be read. The command line reads what its user names (<see cref="Anywhere"/>); the server reads
/// only regular files inside the folders it serves, after following symlinks, and its refusal is the same whether a
/// file outside exists or not, so that nothing about the rest of the machine leaks through an error. Either way a file
/// must be a non-empty regular file within the size limit: a device, a FIFO or /proc is refused before it is opened.
/// </summary>
public sealed class FileGate
{
    private const int MaxLinks = 40;
    private readonly string[] roots;

    public FileGate(IEnumerable<string> roots) =>
        this.roots = [.. roots.Select(r => WithSeparator(Real(Path.GetFullPath(r))))];

    public static FileGate Anywhere { get; } = new([]);

    public bool Restricted => roots.Length > 0;

    /// <summary>The real path to open (symlinks followed), or why not: a message fit to show the caller.</summary>
    public (string? Path, string? Refusal) Resolve(string path, long maxBytes)
    {
        string real;
        try
        {
            real = Real(Path.GetFullPath(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, NotFound);
        }
        if (Restricted && !roots.Any(r => real.StartsWith(r, StringComparison.Ordinal))) return (null, NotFound);
        FileInfo info;
        try
        {
            info = new FileInfo(real);
            if (!info.Exists) return (null, NotFound);
            // Devices, FIFOs and /proc files report no length: refusing them here means they are never opened.
            if (info.Length == 0) return (null, "file is empty or not a regular file");
            if (info.Length > maxBytes) return (null, $"file is larger than {maxBytes / (1024 * 1024)} MiB");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, NotFound);
        }
        return (real, null);
    }

    private string NotFound => Restricted ? "file not found in the folders this server serves" : "file not found";

    private static string WithSeparator(string dir) => dir.EndsWith(Path.DirectorySeparatorChar) ? dir : dir + Path.DirectorySeparatorChar;

    /// <summary>The path with every symlink along it followed (what the operating system would open).</summary>
    private static string Real(string full)
    {
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var links = 0;
        while (parts.TryDequeue(out var part))
        {
            var next = part == ".." ? Path.GetDirectoryName(current) ?? root : Path.Combine(current, part);
            FileSystemInfo entry = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (entry.LinkTarget is { } target)
            {
                if (++links > MaxLinks) throw new IOException("too many symbolic links");
                // Resolve the target and walk the rest of the path from there.
                var resolved = Path.GetFullPath(target, Path.GetDirectoryName(next) ?? root);
                var rest = parts.ToArray();
                parts = new Queue<string>(resolved[(Path.GetPathRoot(resolved) ?? "/").Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                current = Path.GetPathRoot(resolved) ?? root;
                continue;
            }
            current = next;
        }
        return current;
    }
}
