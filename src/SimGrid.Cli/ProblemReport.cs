using SimGrid.Scenarios;

namespace SimGrid.Cli;

/// <summary>Problems in input files go to the error output, one per line, in the file:line:col: message form editors understand.</summary>
public static class ProblemReport
{
    /// <summary>Loads and checks a scenario; prints its problems and returns null when it has any.</summary>
    public static Model.Scenario.ScenarioSpec? Load(ErrorOutput errors, string path)
    {
        var (scenario, problems) = ScenarioLoader.Check(path);
        if (scenario is null) Print(errors, problems);
        return scenario;
    }

    public static void Print(ErrorOutput errors, IReadOnlyList<ScenarioDiagnostic> problems)
    {
        foreach (var p in problems) errors.Line(p.ToString());
        errors.Line($"{problems.Count} problem{(problems.Count == 1 ? "" : "s")} found.");
    }
}
