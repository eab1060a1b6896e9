using System.Diagnostics;

namespace SimGrid.Tests.Cli;

/// <summary>The loopback rule holds however an address reaches Kestrel; special files are refused before they are opened.</summary>
public sealed class SafetyTests : IDisposable
{
    private readonly string dir = Simgrid.TempDir();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Serve_refuses_an_address_beyond_loopback_from_the_environment_without_a_token()
    {
        // Kestrel prefers endpoints from configuration over the URLs it is given (ASPNETCORE_URLS, by contrast, is
        // overridden by --urls, so it cannot widen the binding).
        const string url = "http://0.0.0.0:0";
        var run = Simgrid.RunWith(new Dictionary<string, string> { ["Kestrel__Endpoints__Http__Url"] = url }, "serve", "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{url}: listening beyond 127.0.0.1 needs a token", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_refuses_a_fifo_and_a_device_at_once()
    {
        var fifo = Path.Combine(dir, "scenario.yaml");
        using (var mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        var clock = Stopwatch.StartNew();
        var run = Simgrid.InProcess("validate", fifo, "/dev/zero");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{fifo}:1:1: file is empty or not a regular file", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("/dev/zero:1:1: file is empty or not a regular file", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_run_that_would_write_gigabytes_is_refused_before_it_starts()
    {
        // Ten years at one-minute ticks: 5,270,400 ticks x 25 regions x 120 bytes, about 15 GB of timeline.
        var seed = Checkout.MovableText(Checkout.SeedScenario)
            .Replace("duration: 7d", "duration: 3660d", StringComparison.Ordinal).Replace("tick: 15m", "tick: 1m", StringComparison.Ordinal);
        var path = Path.Combine(dir, "decade.yaml");
        File.WriteAllText(path, seed);
        var run = Simgrid.InProcess("run", path, "--out", Path.Combine(dir, "never"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("5,270,400 ticks x 25 regions would write about 15,079 MB of timeline.csv, more than --max-output-mb 1,024", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "never")));
    }
}
