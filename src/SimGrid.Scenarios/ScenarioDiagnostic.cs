namespace SimGrid.Scenarios;

/// <summary>One problem in an input file, located for an editor: file:line:col: message.</summary>
public sealed record ScenarioDiagnostic(string File, long Line, long Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
