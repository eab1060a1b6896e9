namespace SimGrid.Scenarios;

/// <summary>Thrown when input files are invalid; carries every problem found, not just the first.</summary>
public sealed class ScenarioException(IReadOnlyList<ScenarioDiagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<ScenarioDiagnostic> Diagnostics { get; } = diagnostics;
}
