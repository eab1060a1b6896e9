using System.ComponentModel;
using SimGrid.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SimGrid.Cli.Commands;

/// <summary>`simgrid synth --regions N`: writes a synthetic grid and scenario of any size, for scale tests.</summary>
public sealed class SynthCommand(IAnsiConsole console) : Command<SynthCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--regions <N>")]
        [Description("Number of regions. Default: 1000.")]
        [DefaultValue(1000)]
        public int Regions { get; init; } = 1000;

        [CommandOption("--seed <SEED>")]
        [Description("Seed of the generated grid and campaign. Default: 1.")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--out <DIR>")]
        [Description("Folder for grid.yaml and scenario.yaml. Default: out/synthetic-<N>.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Regions is >= 2 and <= 100_000 ? ValidationResult.Success() : ValidationResult.Error("--regions must be between 2 and 100000");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var dir = settings.Out ?? Path.Combine("out", $"synthetic-{settings.Regions}");
        Directory.CreateDirectory(dir);
        var (grid, scenario) = SyntheticGrid.Write(settings.Regions, settings.Seed);
        File.WriteAllText(Path.Combine(dir, "grid.yaml"), grid);
        File.WriteAllText(Path.Combine(dir, "scenario.yaml"), scenario);
        console.MarkupLineInterpolated($"Wrote {Path.Combine(dir, "grid.yaml")} and {Path.Combine(dir, "scenario.yaml")} ({settings.Regions} regions).");
        return ExitCodes.Ok;
    }
}
