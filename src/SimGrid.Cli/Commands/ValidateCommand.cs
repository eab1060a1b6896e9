using System.ComponentModel;
using SimGrid.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SimGrid.Cli.Commands;

/// <summary>`simgrid validate FILE...`: every problem in every file, exit code 0 only when all are valid.</summary>
public sealed class ValidateCommand(IAnsiConsole console, ErrorOutput errors) : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<scenario>")]
        [Description("Scenario files to check (the grid files they name are checked too).")]
        public string[] Scenarios { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var failed = 0;
        foreach (var path in settings.Scenarios)
        {
            var (_, problems) = ScenarioLoader.Check(path);
            if (problems.Count == 0)
            {
                console.MarkupLineInterpolated($"[green]ok[/] {path}");
                continue;
            }
            failed++;
            ProblemReport.Print(errors, problems);
        }
        return failed == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
    }
}
