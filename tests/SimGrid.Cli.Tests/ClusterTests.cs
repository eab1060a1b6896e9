using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SimGrid.Tests.Cli;

/// <summary>
/// A real multi-process cluster: Debian's redis-server on a free loopback port for membership, three silo processes of
/// the real executable, and a `compare` study run against them as a client. One silo is killed with SIGKILL mid-study;
/// the study still completes, and its results are byte-identical to the same study in the kernel.
/// </summary>
public sealed class ClusterTests : IDisposable
{
    private readonly string dir = Simgrid.TempDir();
    private readonly List<Process> processes = [];

    public void Dispose()
    {
        foreach (var p in processes)
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
            p.WaitForExit(10_000);
            p.Dispose();
        }
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task A_study_survives_a_killed_silo_and_gives_the_undisturbed_results()
    {
        var redisBinary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
        Assert.True(redisBinary is not null, "redis-server is not installed: apt-get install redis-server (.ci/run does)");
        var redisPort = FreePort();
        Start(redisBinary!, "--port", redisPort.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
        var redis = $"redis://127.0.0.1:{redisPort}";

        var silos = new List<(Process Process, string Url)>();
        for (var i = 0; i < 3; i++)
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            silos.Add((Start("dotnet", Path.Combine(AppContext.BaseDirectory, "simgrid.dll"), "serve", "--cluster", redis,
                "--silo-port", FreePort().ToString(), "--gateway-port", FreePort().ToString(), "--urls", url), url));
        }
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
        {
            foreach (var (_, url) in silos) await WaitUntilUp(http, url);
        }

        string[] study = ["compare", Simgrid.Scenario("2026-02-03-overnight-strike.yaml"), "--strategies", "fifo,critical-first", "--runs", "40"];
        var clusterOut = Path.Combine(dir, "cluster");
        var client = Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "simgrid.dll"), .. study, "--cluster", redis, "--out", clusterOut], captureOutput: true);
        // Kill a silo once the study is under way (its first progress line).
        var progress = new TaskCompletionSource();
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        client.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            log.Enqueue(e.Data);
            if (e.Data.Contains("replications:", StringComparison.Ordinal)) progress.TrySetResult();
        };
        client.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        client.BeginOutputReadLine();
        client.BeginErrorReadLine();
        await progress.Task.WaitAsync(TimeSpan.FromSeconds(60));
        silos[1].Process.Kill();   // SIGKILL: no goodbye to the cluster
        Assert.True(client.WaitForExit(TimeSpan.FromMinutes(3)), "the study did not finish after a silo was lost");
        Assert.True(client.ExitCode == 0, string.Join('\n', log));

        var reference = Simgrid.Run([.. study, "--engine", "kernel", "--out", Path.Combine(dir, "kernel")]);
        Assert.Equal(0, reference.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "kernel", "results.csv")), File.ReadAllBytes(Path.Combine(clusterOut, "results.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "kernel", "summary.json")), File.ReadAllBytes(Path.Combine(clusterOut, "summary.json")));
    }

    private Process Start(string file, params string[] args) => Start(file, args, captureOutput: false);

    private Process Start(string file, string[] args, bool captureOutput)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Simgrid.Root };
        foreach (var a in args) info.ArgumentList.Add(a);
        var p = Process.Start(info)!;
        if (!captureOutput)
        {
            p.OutputDataReceived += (_, _) => { };
            p.ErrorDataReceived += (_, _) => { };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
        }
        processes.Add(p);
        return p;
    }

    private static async Task WaitUntilUp(HttpClient http, string url)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await http.GetAsync($"{url}/api/simulations")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        Assert.Fail($"silo at {url} did not come up");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
