using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SimGrid.Hosting;
using SimGrid.Hosting.Live;
using SimGrid.Model.Scenario;
using SimGrid.Tests;

namespace SimGrid.Bench;

/// <summary>
/// What runs waiting for their next tick cost: a real serve host in this process with 1 and then 50 runs of the seed
/// week paced at real time (a tick every 15 minutes, so none falls due while measuring), and the process's CPU time
/// over a window, as a share of one core.
/// </summary>
public static class IdleBenchmark
{
    public static async Task<object> RunAsync(ScenarioSpec scenario, bool quick)
    {
        var window = TimeSpan.FromSeconds(quick ? 3 : 10);
        await using var app = LiveServer.Build(new LiveServer.Options("http://127.0.0.1:0", Checkout.Scenarios, null));
        await app.StartAsync();
        var live = app.Services.GetRequiredService<LiveSimulations>();
        var idle = await CpuShareAsync(window);
        var figures = new Dictionary<string, object> { ["benchmark"] = "idle", ["window_seconds"] = window.TotalSeconds, ["cpu_share_no_runs"] = idle };
        var started = 0;
        foreach (var runs in new[] { 1, 50 })
        {
            for (; started < runs; started++) await live.StartAsync(new RunSetup(scenario, scenario.DefaultSeed, "fifo", 0), speed: 1);
            await Task.Delay(TimeSpan.FromSeconds(2));   // let the runs settle into their waits
            figures[$"cpu_share_{runs}_runs"] = await CpuShareAsync(window);
        }
        await app.StopAsync();
        return figures;
    }

    private static async Task<double> CpuShareAsync(TimeSpan window)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(window);
        process.Refresh();
        return Math.Round((process.TotalProcessorTime - before).TotalSeconds / clock.Elapsed.TotalSeconds, 3);
    }
}
