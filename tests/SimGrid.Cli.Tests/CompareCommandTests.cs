using System.Text.Json;

namespace SimGrid.Tests.Cli;

public sealed class CompareCommandTests : IDisposable
{
    private readonly string dir = Simgrid.TempDir();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_small_study_writes_results_statistics_and_charts_and_repeats_exactly()
    {
        var first = Path.Combine(dir, "a");
        var second = Path.Combine(dir, "b");
        string[] args = ["compare", Checkout.SeedScenario, "--strategies", "fifo,critical-first", "--runs", "3", "--vary", "crews=0.5x,1x"];
        var run = Simgrid.Run([.. args, "--out", first]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(0, Simgrid.Run([.. args, "--out", second, "--engine", "kernel"]).ExitCode);

        // Grains and kernel, two processes: byte-identical results.
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "results.csv")), File.ReadAllBytes(Path.Combine(second, "results.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "summary.json")), File.ReadAllBytes(Path.Combine(second, "summary.json")));

        var lines = File.ReadAllLines(Path.Combine(first, "results.csv"));
        Assert.StartsWith("variant,replication,seed,strategy,weapons_launched,weapons_intercepted,weapons_hit,assets_damaged,", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + (2 * 3 * 2), lines.Length);
        Assert.StartsWith("crews=0.5x,0,20260203,fifo,", lines[1], StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(first, "summary.json")));
        var variant = json.RootElement.GetProperty("variants")[0];
        Assert.Equal("crews=0.5x", variant.GetProperty("name").GetString());
        var second1 = variant.GetProperty("strategies")[1];
        var metric = second1.GetProperty("metrics").GetProperty("customer_hours_interrupted");
        foreach (var field in new[] { "mean", "ci_95_low", "ci_95_high", "p_10", "p_50", "p_90", "n" }) Assert.True(metric.TryGetProperty(field, out _), field);
        Assert.True(second1.GetProperty("difference_from_first").TryGetProperty("customer_hours_interrupted", out _));

        foreach (var chart in new[] { "people_without_power_crews_0.5x", "people_without_power_damage_crews_1x", "customer_hours", "customer_hours_difference" })
        {
            Assert.True(new FileInfo(Path.Combine(first, chart + ".png")).Length > 10_000, chart);
            Assert.True(File.Exists(Path.Combine(first, chart + ".svg")), chart);
        }
    }

    [Fact]
    public void An_unknown_strategy_is_bad_input()
    {
        var run = Simgrid.InProcess("compare", Simgrid.Scenario("baseline-no-attack.yaml"), "--strategies", "fifo,fastest", "--out", Path.Combine(dir, "x"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown fastest", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }
}
