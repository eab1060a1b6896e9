namespace SimGrid.Tests;

/// <summary>
/// Paths in the checkout, for every test project and the benchmarks (linked into each as source): they read the real
/// scenario files that users run. One root finder and one spelling of the seed scenario's path.
/// </summary>
internal static class Checkout
{
    /// <summary>The seed scenario as a user or an API caller writes it: relative to the checkout's root.</summary>
    public const string SeedScenarioPath = "scenarios/2026-02-03-overnight-strike.yaml";

    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string SeedScenario => Path.Combine(Root, SeedScenarioPath);

    /// <summary>A file of the scenario library by name.</summary>
    public static string Scenario(string name) => Path.Combine(Scenarios, name);

    /// <summary>
    /// A scenario file's text with its grid references (grids/ beside the library, ../grids/ beside the hindcast set)
    /// made absolute: a test can write it, or a variation of it, in a folder of its own and it still finds its grid.
    /// </summary>
    public static string MovableText(string scenarioFile)
    {
        var grids = Path.Combine(Scenarios, "grids") + "/";
        return File.ReadAllText(scenarioFile)
            .Replace("../grids/", grids, StringComparison.Ordinal)
            .Replace(": grids/", ": " + grids, StringComparison.Ordinal);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SimGrid.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("SimGrid.sln not found above " + AppContext.BaseDirectory);
    }
}
