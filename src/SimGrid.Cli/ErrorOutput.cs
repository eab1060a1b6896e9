namespace SimGrid.Cli;

/// <summary>
/// Where a command tells the user what went wrong: stderr in the executable, a buffer in an in-process test. Results
/// go to the injected IAnsiConsole (stdout), so a pipe of a command's output never carries its complaints.
/// </summary>
public sealed class ErrorOutput(TextWriter writer)
{
    public void Line(string message) => writer.WriteLine(message);
}
