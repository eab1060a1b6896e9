using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SimGrid.Cli.Charts;
using SimGrid.Cli.Output;
using SimGrid.Hosting;
using SimGrid.Hosting.Hindcast;
using SimGrid.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SimGrid.Cli.Commands;

/// <summary>
/// `simgrid hindcast [DIR]`: plays every past attack of the folder and scores the model against what was reported.
/// A measurement, so the exit code is 0 whatever the score; 2 for bad files.
/// </summary>
public sealed class HindcastCommand(IAnsiConsole console, ErrorOutput errors) : AsyncCommand<HindcastCommand.Settings>
{
    public const int MaxSeeds = 1000;

    public sealed class Settings : EngineSettingsBase
    {
        [CommandArgument(0, "[dir]")]
        [Description("Folder with the case scenarios and reported.yaml. Default: scenarios/hindcast.")]
        public string Directory { get; init; } = "scenarios/hindcast";

        [CommandOption("--seeds <RANGE>")]
        [Description("Seeds to play each case with, as 1-10 or 1,5,9: the score per seed and over all. Default: each case's own seed.")]
        public string? Seeds { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Output folder for hindcast.csv and the chart. Default: out/hindcast.")]
        [DefaultValue("out/hindcast")]
        public string Out { get; init; } = "out/hindcast";


        public override ValidationResult Validate()
        {
            if (Seeds is not null && ParseSeeds(Seeds) is null)
                return ValidationResult.Error($"--seeds must look like 1-10 or 1,5,9 (non-negative, at most {MaxSeeds} seeds)");
            return base.Validate();
        }

        public IReadOnlyList<int?> SeedList => Seeds is null ? [null] : [.. ParseSeeds(Seeds)!.Select(s => (int?)s)];
    }

    public static IReadOnlyList<int>? ParseSeeds(string text)
    {
        var seeds = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-');
            if (range.Length == 1 && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var one)) seeds.Add(one);
            else if (range.Length == 2 && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                     && int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to) && from <= to && to - from < MaxSeeds)
                seeds.AddRange(Enumerable.Range(from, to - from + 1));
            else return null;
            if (seeds.Count > MaxSeeds) return null;
        }
        return seeds.Count == 0 ? null : [.. seeds.Distinct()];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (cases, problems) = HindcastLoader.Check(settings.Directory);
        if (cases is null)
        {
            ProblemReport.Print(errors, problems);
            return ExitCodes.BadInput;
        }
        var seeds = settings.SeedList;
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var results = await RunProgress.ShowAsync(console, $"hindcast: {cases.Count} cases x {seeds.Count} seed(s)", async report =>
            {
                void Progress(int done, int total) => report(done, total, default);
                var concurrency = 2 * Environment.ProcessorCount;
                if (settings.Engine == Engine.Kernel)
                    return await HindcastRunner.RunAsync(cases, seeds, HindcastRunner.InKernel(), concurrency, Progress, cancellationToken);
                using var silo = await EmbeddedSilo.StartOrConnectAsync(settings.Cluster, cancellationToken);
                var engine = HindcastRunner.OnGrains(silo.Services.GetRequiredService<IGrainFactory>());
                var played = await HindcastRunner.RunAsync(cases, seeds, engine, concurrency, Progress, cancellationToken);
                await silo.StopAsync(CancellationToken.None);
                return played;
            }, showTime: false);

            var first = results.Where(r => r.Seed == (seeds[0] ?? r.Case.Scenario.DefaultSeed)).ToList();
            var score = HindcastRunner.Score(first.SelectMany(r => r.Outcomes));
            console.Write(HindcastTable.Build(first, results));
            using (var output = new OutputFolder(settings.Out))
            {
                await using (var csv = output.CreateText("hindcast.csv")) HindcastCsv.Write(csv, results);
                HindcastChart.Save(output, first, score);
                output.Commit();
            }
            var hits = first.Sum(r => r.Outcomes.Count(o => o.Hit));
            var total = first.Sum(r => r.Outcomes.Count);
            console.MarkupLineInterpolated(
                $"[bold]{hits} of {total} outcomes within tolerance ({score:P0})[/] with {(seeds[0] is { } s ? $"seed {s}" : "each case's own seed")}.");
            if (seeds.Count > 1)
            {
                var perSeed = results.GroupBy(r => r.Seed).Select(g => (Seed: g.Key, Score: HindcastRunner.Score(g.SelectMany(r => r.Outcomes)))).ToList();
                // The count over every seed as well: a change that moves hits between seeds shows in the percentages
                // of single seeds, a change that adds hits only here.
                var all = results.SelectMany(r => r.Outcomes).ToList();
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Across seeds {string.Join(", ", perSeed.Select(p => $"{p.Seed}: {p.Score:P0}"))}; lowest {perSeed.Min(p => p.Score):P0}, mean {perSeed.Average(p => p.Score):P0}; {all.Count(o => o.Hit)} of {all.Count} outcome-seeds hit."));
            }
            console.MarkupLineInterpolated($"{results.Count} runs in {started.Elapsed.TotalSeconds:F1} s. Wrote hindcast.csv and hindcast.png/.svg to [bold]{settings.Out}[/].");
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException)
        {
            errors.Line("cancelled: no output was written");
            return ExitCodes.Failure;
        }
    }
}
