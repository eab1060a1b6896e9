using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using SimGrid.Cli.Charts;
using SimGrid.Cli.Output;
using SimGrid.Hosting;
using SimGrid.Model.Outputs;
using SimGrid.Model.Repair;
using SimGrid.Model.Scenario;
using SimGrid.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;
using SimGrid.Model.Protocol;

namespace SimGrid.Cli.Commands;

/// <summary>`simgrid run SCENARIO`: validate, start the embedded silo, play the run, write the output folder, print the summary.</summary>
public sealed class RunCommand(IAnsiConsole console, ErrorOutput errors) : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : EngineSettingsBase
    {
        [CommandArgument(0, "<scenario>")]
        [Description("Scenario file (YAML), e.g. scenarios/2026-02-03-overnight-strike.yaml.")]
        public string Scenario { get; init; } = "";

        [CommandOption("--seed <SEED>")]
        [Description("Random seed. Default: the scenario's seed.")]
        public int? Seed { get; init; }

        [CommandOption("--strategy <NAME>")]
        [Description("Repair strategy (fifo). Default: the scenario's strategy.")]
        public string? Strategy { get; init; }

        [CommandOption("--replication <N>")]
        [Description("Replication to play (from 0). With compare's seed, strategy and --weather-error it replays that study's replication N, the one to look into behind a row of its results.csv. Default: 0.")]
        [DefaultValue(0)]
        public int Replication { get; init; }

        [CommandOption("--weather-error <C>")]
        [Description("Standard deviation (C) of a per-region forecast error added to temperatures, drawn for the replication, as in compare (whose default is 1.5). Default: 0, the weather as written.")]
        [DefaultValue(0.0)]
        public double WeatherErrorC { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Output folder. Default: out/<scenario file name>.")]
        public string? Out { get; init; }

        [CommandOption("--max-output-mb <MB>")]
        [Description("Largest timeline.csv to write, estimated before starting (about 120 bytes a region a tick); a run beyond it is refused. Default: 1024.")]
        [DefaultValue(1024)]
        public int MaxOutputMb { get; init; } = 1024;

        public override ValidationResult Validate() =>
            MaxOutputMb < 1 ? ValidationResult.Error("--max-output-mb must be at least 1")
            : Replication < 0 ? ValidationResult.Error("--replication must be 0 or more")
            : WeatherErrorC is < 0 or > RunSetup.MaxWeatherErrorC ? ValidationResult.Error($"--weather-error must be between 0 and {RunSetup.MaxWeatherErrorC}")
            : base.Validate();
    }

    /// <summary>Bytes of timeline.csv per region and tick: 113 on the seed week, rounded up.</summary>
    public const int TimelineBytesPerRow = 120;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (ProblemReport.Load(errors, settings.Scenario) is not { } scenario) return ExitCodes.BadInput;
        var strategy = settings.Strategy ?? scenario.DefaultStrategy;
        if (!RepairStrategies.Names.Contains(strategy))
        {
            errors.Line($"--strategy: unknown repair strategy '{strategy}' (known: {string.Join(", ", RepairStrategies.Names)})");
            return ExitCodes.BadInput;
        }
        // The timeline and the charts' series grow with ticks x regions: say so before starting, not at 20% with the disk full.
        var estimateMb = (double)scenario.TickCount * scenario.Grid.Regions.Count * TimelineBytesPerRow / (1024 * 1024);
        if (estimateMb > settings.MaxOutputMb)
        {
            errors.Line(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{settings.Scenario}: {scenario.TickCount:N0} ticks x {scenario.Grid.Regions.Count:N0} regions would write about {estimateMb:N0} MB of timeline.csv, more than --max-output-mb {settings.MaxOutputMb:N0}; shorten the run, lengthen the tick or raise the limit"));
            return ExitCodes.BadInput;
        }
        var setup = new RunSetup(scenario, settings.Seed ?? scenario.DefaultSeed, strategy, settings.Replication, settings.WeatherErrorC);
        var outDir = settings.Out ?? Path.Combine("out", Path.GetFileNameWithoutExtension(settings.Scenario));

        try
        {
            var summary = await PlayAsync(setup, settings.Engine, settings.Cluster, outDir, cancellationToken);
            console.Write(SummaryTable.Build(summary));
            console.MarkupLineInterpolated($"Wrote timeline.csv, summary.json and charts (national, regions: PNG and SVG) to [bold]{outDir}[/].");
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException)
        {
            errors.Line("cancelled: no output was written");
            return ExitCodes.Failure;
        }
    }

    private async Task<RunSummary> PlayAsync(RunSetup setup, Engine engine, string? cluster, string outDir, CancellationToken ct)
    {
        using var output = new OutputFolder(outDir);
        var scenario = setup.Scenario;
        RunSummary summary;
        RunCharts charts;
        await using (var timelineWriter = output.CreateText("timeline.csv"))
        {
            var regionIds = scenario.Grid.Regions.Select(r => r.Id).ToList();
            var timeline = new TimelineCsv(timelineWriter, scenario.Start, scenario.Tick, regionIds);
            charts = new RunCharts(regionIds, scenario.TickHours);
            timeline.WriteHeader();
            summary = await RunProgress.ShowAsync(console, scenario.Name, async report =>
            {
                void Observe(int tick, int count, ReadOnlySpan<Model.Protocol.RegionTickRecord> records)
                {
                    timeline.Write(tick, records);
                    charts.Add(tick, records);
                    report(tick + 1, count, scenario.TimeOf(tick + 1));
                }
                if (engine == Engine.Kernel) return SimulationRunner.RunInKernel(setup, Observe, ct);
                using var silo = await EmbeddedSilo.StartOrConnectAsync(cluster, ct);
                var result = await SimulationRunner.RunOnGrainsAsync(silo.Services.GetRequiredService<IGrainFactory>(), setup, Observe, ct);
                await silo.StopAsync(CancellationToken.None);
                return result;
            });
        }
        await using (var json = output.Create("summary.json"))
        {
            SummaryJson.Write(json, summary);
        }
        charts.Save(output, summary);
        output.Commit();
        return summary;
    }
}
