using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace SimGrid.Tests.Cli;

/// <summary>
/// End to end with real components: the simgrid executable serving a live run, a real Prometheus (Debian's package,
/// which .ci/run installs) scraping it, and a region's series read back through Prometheus' query API before and after
/// an injected strike. Polls with deadlines: these are separate processes on their own clocks.
/// </summary>
public sealed class PrometheusTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly string dir = Simgrid.TempDir();
    private readonly List<Process> processes = [];
    // Generous: the event's answer waits for a 200-replication forecast, on two cores shared with other test runs.
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(120) };

    public void Dispose()
    {
        foreach (var p in processes)
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
            p.WaitForExit(10_000);
            p.Dispose();
        }
        http.Dispose();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Prometheus_sees_a_regions_outage_before_and_after_an_injected_strike()
    {
        var prometheusBinary = new[] { "/usr/bin/prometheus", "/usr/local/bin/prometheus" }.FirstOrDefault(File.Exists);
        Assert.True(prometheusBinary is not null, "prometheus is not installed: apt-get install prometheus (.ci/run does)");
        int servePort = SimGrid.Hosting.LoopbackPorts.Free(), prometheusPort = SimGrid.Hosting.LoopbackPorts.Free();
        var serve = $"http://127.0.0.1:{servePort}";
        var prometheus = $"http://127.0.0.1:{prometheusPort}";

        Start("dotnet", Path.Combine(AppContext.BaseDirectory, "simgrid.dll"), "serve", "--urls", serve,
            "--scenario", Checkout.SeedScenario, "--speed", "600");
        File.WriteAllText(Path.Combine(dir, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: simgrid
                static_configs:
                  - targets: ["127.0.0.1:{servePort}"]
            """);
        Start(prometheusBinary!, $"--config.file={Path.Combine(dir, "prometheus.yml")}", $"--web.listen-address=127.0.0.1:{prometheusPort}",
            $"--storage.tsdb.path={Path.Combine(dir, "data")}");

        // Lviv is not in the scenario's waves: no damage-caused outage there until we strike it.
        const string query = "simgrid_people_without_power{simgrid_region=\"lviv\",simgrid_cause=\"damage\"}";
        var before = await Until(() => Query(prometheus, query), v => v is not null);
        Assert.Equal(0, before);

        var strike = await Until(async () =>
        {
            try
            {
                var r = await http.PostAsJsonAsync($"{serve}/api/simulations/live-1/events", new
                {
                    type = "strike", weapon = "iskander-m", count = 30, hours = 0.5,
                    regions = new { lviv = 1 }, classes = new { substation_330 = 1 },
                });
                return (double?)(int)r.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return null;
            }
        }, code => code is not null);
        Assert.Equal(202, strike);

        var after = await Until(() => Query(prometheus, query), v => v > 0);
        Assert.True(after > 0);
        var forecast = await Until(() => Query(prometheus, "simgrid_forecast_peak_people_without_power{simgrid_quantile=\"p50\"}"), v => v > 0);
        Assert.True(forecast > 0);
    }

    private void Start(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Simgrid.Root };
        foreach (var a in args) info.ArgumentList.Add(a);
        var p = Process.Start(info)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        processes.Add(p);
    }

    /// <summary>The query's first value, or null while Prometheus has none (or is not up yet).</summary>
    private async Task<double?> Query(string prometheus, string query)
    {
        try
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync($"{prometheus}/api/v1/query?query={Uri.EscapeDataString(query)}"));
            var result = doc.RootElement.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() == 0 ? null : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task<double?> Until(Func<Task<double?>> probe, Func<double?, bool> done)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (watch.Elapsed > Deadline) return value;
            await Task.Delay(250);
        }
    }
}
