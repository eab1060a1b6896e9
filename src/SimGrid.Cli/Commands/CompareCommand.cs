using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using SimGrid.Cli.Charts;
using SimGrid.Cli.Output;
using SimGrid.Hosting;
using SimGrid.Hosting.Studies;
using SimGrid.Model.Repair;
using SimGrid.Model.Scenario;
using SimGrid.Model.Statistics;
using SimGrid.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SimGrid.Cli.Commands;

/// <summary>
/// `simgrid compare SCENARIO --strategies a,b --runs N`: a Monte Carlo study with paired seeds, each replication a
/// simulation grain; results.csv streams as replications finish, then summary.json, charts and a table.
/// </summary>
public sealed class CompareCommand(IAnsiConsole console, ErrorOutput errors) : AsyncCommand<CompareCommand.Settings>
{
    public sealed class Settings : EngineSettingsBase
    {
        [CommandArgument(0, "<scenario>")]
        [Description("Scenario file (YAML).")]
        public string Scenario { get; init; } = "";

        [CommandOption("--strategies <LIST>")]
        [Description("Comma-separated repair strategies; differences are reported against the first. Default: fifo,largest-load-first,critical-first.")]
        [DefaultValue("fifo,largest-load-first,critical-first")]
        public string Strategies { get; init; } = "fifo,largest-load-first,critical-first";

        [CommandOption("--runs <N>")]
        [Description("Replications per strategy (and per variant). Default: 100.")]
        [DefaultValue(100)]
        public int Runs { get; init; } = 100;

        [CommandOption("--seed <SEED>")]
        [Description("Study seed; replication i uses it with index i under every strategy. Default: the scenario's seed.")]
        public int? Seed { get; init; }

        [CommandOption("--vary <FACTOR=LEVELS>")]
        [Description("One-factor sweep: crews=0.5x,1x,2x | interception=-10%,0,+10% | import=0.5x,1x.")]
        public string? Vary { get; init; }

        [CommandOption("--weather-error <C>")]
        // 1.5 C [E]: the typical error of a one-to-three-day temperature forecast in winter, so a study spreads over
        // the weather a planner could have been told, not only the one that happened.
        [Description("Standard deviation (C) of a per-replication, per-region forecast error added to temperatures. Default: 1.5.")]
        [DefaultValue(1.5)]
        public double WeatherErrorC { get; init; } = 1.5;

        [CommandOption("--out <DIR>")]
        [Description("Output folder. Default: out/<scenario file name>-compare.")]
        public string? Out { get; init; }


        [CommandOption("--parallel <N>")]
        [Description("Replications under way at once. Default: 4 per processor.")]
        public int? Parallel { get; init; }

        public override ValidationResult Validate()
        {
            if (Runs < 1) return ValidationResult.Error("--runs must be at least 1");
            if (WeatherErrorC is < 0 or > RunSetup.MaxWeatherErrorC) return ValidationResult.Error($"--weather-error must be between 0 and {RunSetup.MaxWeatherErrorC}");
            if (Parallel is < 1) return ValidationResult.Error("--parallel must be at least 1");
            var unknown = StrategyList.Where(s => !RepairStrategies.Names.Contains(s)).ToList();
            return unknown.Count == 0 && StrategyList.Count > 0
                ? base.Validate()
                : ValidationResult.Error($"--strategies: unknown {string.Join(", ", unknown)} (known: {string.Join(", ", RepairStrategies.Names)})");
        }

        public IReadOnlyList<string> StrategyList =>
            [.. Strategies.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct()];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (ProblemReport.Load(errors, settings.Scenario) is not { } scenario) return ExitCodes.BadInput;
        IReadOnlyList<StudyVariant> variants = [new("base", scenario)];
        if (settings.Vary is { } vary)
        {
            var (parsed, error) = Variants.Parse(vary, scenario);
            if (error is not null)
            {
                errors.Line(error);
                return ExitCodes.BadInput;
            }
            variants = [.. parsed.Select(v => new StudyVariant(v.Name, v.Scenario))];
        }
        var study = new Study(variants, settings.StrategyList, settings.Runs, settings.Seed ?? scenario.DefaultSeed, settings.WeatherErrorC);
        var outDir = settings.Out ?? Path.Combine("out", Path.GetFileNameWithoutExtension(settings.Scenario) + "-compare");
        try
        {
            var (cells, seconds) = await PlayAsync(study, scenario, settings, outDir, cancellationToken);
            foreach (var table in CompareTable.Build(cells)) console.Write(table);
            console.MarkupLineInterpolated(
                $"{study.JobCount} replications in {seconds:F1} s ({study.JobCount / seconds:F1}/s). Wrote results.csv, summary.json and charts to [bold]{outDir}[/].");
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException)
        {
            errors.Line("cancelled: no output was written");
            return ExitCodes.Failure;
        }
    }

    private async Task<(IReadOnlyList<StudyCell> Cells, double Seconds)> PlayAsync(Study study, ScenarioSpec scenario, Settings settings,
        string outDir, CancellationToken ct)
    {
        using var output = new OutputFolder(outDir);
        var cells = study.Variants.SelectMany(v => study.Strategies.Select(s => new StudyCell(v.Name, s, v.Scenario.TickCount, study.Seed))).ToList();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using (var writer = output.CreateText("results.csv"))
        {
            var results = new ResultsCsv(writer);
            results.WriteHeader();
            var concurrency = settings.Parallel ?? (4 * Environment.ProcessorCount);
            await RunProgress.ShowAsync(console, $"{scenario.Name}: {study.JobCount} replications", async report =>
            {
                var done = 0;
                void OnResult(StudyJob job, Model.Outputs.RunResult result)
                {
                    results.Write(job.Variant.Name, job.Replication, study.Seed, job.Strategy, result.Summary);
                    cells.Single(c => c.Variant == job.Variant.Name && c.Strategy == job.Strategy).Add(result);
                    report(++done, study.JobCount, scenario.Start);
                }
                if (settings.Engine == Engine.Kernel)
                {
                    await StudyRunner.RunAsync(study, StudyRunner.InKernel(), OnResult, concurrency, ct);
                    return 0;
                }
                using var silo = await EmbeddedSilo.StartOrConnectAsync(settings.Cluster, ct);
                await StudyRunner.RunAsync(study, StudyRunner.OnGrains(silo.Services.GetRequiredService<IGrainFactory>()), OnResult, concurrency, ct,
                    (job, e) => errors.Line($"replication {job.Replication} ({job.Strategy}) lost ({e.GetType().Name}); running it again"),
                    silo.Services.GetService<ClusterChanges>());
                await silo.StopAsync(CancellationToken.None);
                return 0;
            }, showTime: false);
        }
        var seconds = started.Elapsed.TotalSeconds;
        await using (var json = output.Create("summary.json"))
        {
            StudyJson.Write(json, StudyJson.Build(scenario.Name, study.Seed, study.Runs, study.WeatherErrorC, study.Strategies, cells));
        }
        StudyCharts.Save(output, cells, scenario.TickHours, scenario.Name);
        output.Commit();
        return (cells, seconds);
    }
}
