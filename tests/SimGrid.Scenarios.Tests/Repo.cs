namespace SimGrid.Tests.Scenarios;

/// <summary>Paths in the checkout: tests read the real scenario files that users run.</summary>
internal static class Repo
{
    public static string Root => Checkout.Root;

    public static string Scenarios => Checkout.Scenarios;

    public static string SeedScenario => Checkout.SeedScenario;

    public static string Hindcast => Path.Combine(Scenarios, "hindcast");

    public static IEnumerable<string> HindcastScenarioFiles() =>
        Directory.GetFiles(Hindcast, "*.yaml").Where(f => Path.GetFileName(f) != "reported.yaml").Order(StringComparer.Ordinal);

    public static IEnumerable<string> ScenarioFiles() =>
        Directory.GetFiles(Scenarios, "*.yaml").Order(StringComparer.Ordinal);
}

/// <summary>Writes a scenario (and grid) into a temporary folder, so error positions can be checked line by line.</summary>
internal sealed class TempFiles : IDisposable
{
    public TempFiles() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "simgrid-tests-" + Path.GetRandomFileName());

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
