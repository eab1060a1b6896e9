using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SimGrid.Hosting.Live;
using SimGrid.Model.Scenario;

namespace SimGrid.Bench;

/// <summary>
/// What the situation room costs: the page's weight on first load (its files and the first frame), and the server's
/// CPU and memory with 0, 1 and 50 pages open on a run of the seed week at 600x (a tick every 1.5 s). The pages are
/// curl processes reading the event stream, so the figures are the server's alone.
/// </summary>
public static partial class PagesBenchmark
{
    public static async Task<object> RunAsync(ScenarioSpec scenario, bool quick)
    {
        var window = TimeSpan.FromSeconds(quick ? 4 : 15);
        var (app, address) = await BenchServer.StartAsync();
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = address };
        var live = app.Services.GetRequiredService<LiveSimulations>();
        var run = await live.StartAsync(new RunSetup(scenario, scenario.DefaultSeed, "fifo", 0), speed: 600);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var figures = new Dictionary<string, object> { ["benchmark"] = "pages", ["window_seconds"] = window.TotalSeconds };
        var index = await http.GetStringAsync("/");
        long weight = index.Length;
        foreach (Match m in Asset().Matches(index)) weight += (await http.GetByteArrayAsync(m.Groups[1].Value)).Length;
        figures["page_files_bytes"] = weight;
        figures["init_frame_bytes"] = await FirstEventBytesAsync(http, run.Id);

        var pages = new List<Process>();
        try
        {
            foreach (var count in new[] { 0, 1, 50 })
            {
                while (pages.Count < count) pages.Add(Curl(new Uri(address, $"/api/simulations/{run.Id}/stream").ToString()));
                await Task.Delay(TimeSpan.FromSeconds(2));   // connected and past their init frames
                var (cpu, memory) = await MeasureAsync(window);
                figures[$"cpu_share_{count}_pages"] = cpu;
                figures[$"working_set_mib_{count}_pages"] = memory;
            }
        }
        finally
        {
            foreach (var p in pages)
            {
                p.Kill();
                p.Dispose();
            }
        }
        await live.StopAsync(run);   // a run still playing while its silo stops logs failed wake-ups
        await app.StopAsync();
        return figures;
    }

    private static Process Curl(string url) => Process.Start(new ProcessStartInfo("curl", ["-sN", "-o", "/dev/null", url])
    {
        RedirectStandardOutput = true,
    }) ?? throw new InvalidOperationException("curl did not start");

    private static async Task<long> FirstEventBytesAsync(HttpClient http, string id)
    {
        using var response = await http.GetAsync($"/api/simulations/{id}/stream", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal)) return System.Text.Encoding.UTF8.GetByteCount(line);
        }
        return 0;
    }

    private static async Task<(double Cpu, double MiB)> MeasureAsync(TimeSpan window)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(window);
        process.Refresh();
        var cpu = Math.Round((process.TotalProcessorTime - before).TotalSeconds / clock.Elapsed.TotalSeconds, 3);
        return (cpu, Math.Round(process.WorkingSet64 / 1048576.0, 1));
    }

    [GeneratedRegex("(?:src|href)=\"([^\"#]+)\"")]
    private static partial Regex Asset();
}
