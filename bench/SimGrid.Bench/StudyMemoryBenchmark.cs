using System.Diagnostics;
using SimGrid.Hosting.Studies;
using SimGrid.Model.Scenario;
using SimGrid.Model.Statistics;

namespace SimGrid.Bench;

/// <summary>
/// Memory of a study against its size: a kernel study of the seed week (one strategy) of N replications collected into
/// its cell as `compare` does, and the process's peak working set. Run in a process of its own per N (`study-memory`
/// starts them), so each peak is its own; flat in N means no per-replication series is held.
/// </summary>
public static class StudyMemoryBenchmark
{
    public static async Task<object> RunAsync(ScenarioSpec scenario, int replications)
    {
        var study = new Study([new StudyVariant("base", scenario)], ["fifo"], replications, scenario.DefaultSeed, 0);
        var cell = new StudyCell("base", "fifo", scenario.TickCount, study.Seed);
        var watch = Stopwatch.StartNew();
        await StudyRunner.RunAsync(study, StudyRunner.InKernel(), (_, result) => cell.Add(result), concurrency: 4 * Environment.ProcessorCount, CancellationToken.None);
        var band = cell.Band();
        using var process = Process.GetCurrentProcess();
        return new
        {
            benchmark = "study-memory",
            replications,
            seconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
            series_kept = cell.SeriesCount,
            peak_people_without_power_p50 = Math.Round(band.P50.Max()),
            peak_working_set_mib = process.PeakWorkingSet64 / (1024 * 1024),
        };
    }
}
