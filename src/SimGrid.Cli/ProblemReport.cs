using SimGrid.Scenarios;

namespace SimGrid.Cli;

/// <summary>Problems in input files go to the error output, one per line, in the file:line:col: message form editors understand.</summary>
public static class ProblemReport
{
    public static void Print(ErrorOutput errors, IReadOnlyList<ScenarioDiagnostic> problems)
    {
        foreach (var p in problems) errors.Line(p.ToString());
        errors.Line($"{problems.Count} problem{(problems.Count == 1 ? "" : "s")} found.");
    }
}
