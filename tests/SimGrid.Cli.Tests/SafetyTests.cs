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
        var run = Simgrid.Run("validate", fifo, "/dev/zero");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{fifo}:1:1: file is empty or not a regular file", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("/dev/zero:1:1: file is empty or not a regular file", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }
}
