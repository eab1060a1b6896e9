using SimGrid.Scenarios;

namespace SimGrid.Cli;

/// <summary>Problems in input files go to stderr, one per line, in the file:line:col: message form editors understand.</summary>
public static class ProblemReport
{
    public static void Print(IReadOnlyList<ScenarioDiagnostic> problems)
    {
        foreach (var p in problems) Console.Error.WriteLine(p.ToString());
        Console.Error.WriteLine($"{problems.Count} problem{(problems.Count == 1 ? "" : "s")} found.");
    }
}
