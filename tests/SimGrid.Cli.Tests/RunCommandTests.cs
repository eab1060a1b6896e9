using System.Text.Json;

namespace SimGrid.Tests.Cli;

/// <summary>
/// The run and validate commands. The first test is end to end (the executable on the seed scenario, on the embedded
/// silo, as in the README's quick start); the others run the same command line in process.
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string dir = Simgrid.TempDir();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void The_seed_scenario_runs_and_the_same_seed_gives_byte_identical_files()
    {
        var first = Path.Combine(dir, "first");
        var second = Path.Combine(dir, "second");
        var other = Path.Combine(dir, "other");
        var scenario = Checkout.SeedScenario;

        var run1 = Simgrid.Run("run", scenario, "--out", first);
        Assert.True(run1.ExitCode == 0, run1.Stderr);
        var run2 = Simgrid.Run("run", scenario, "--out", second);
        Assert.Equal(0, run2.ExitCode);
        var run3 = Simgrid.Run("run", scenario, "--out", other, "--seed", "7");
        Assert.Equal(0, run3.ExitCode);

        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "summary.json")), File.ReadAllBytes(Path.Combine(second, "summary.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "timeline.csv")), File.ReadAllBytes(Path.Combine(second, "timeline.csv")));
        Assert.NotEqual(File.ReadAllText(Path.Combine(first, "summary.json")), File.ReadAllText(Path.Combine(other, "summary.json")));

        // Redirected output gets plain progress lines, then the summary table.
        Assert.Contains("100%", run1.Stdout, StringComparison.Ordinal);
        Assert.Contains("national", run1.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_output_files_carry_the_fields_users_rely_on()
    {
        var outDir = Path.Combine(dir, "fields");
        var run = Simgrid.InProcess("run", Checkout.SeedScenario, "--out", outDir, "--engine", "kernel");
        Assert.True(run.ExitCode == 0, run.Stderr);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var root = json.RootElement;
        Assert.Equal("2026-02-03 overnight strike", root.GetProperty("scenario").GetString());
        Assert.Equal(20260203, root.GetProperty("seed").GetInt32());
        Assert.Equal("fifo", root.GetProperty("strategy").GetString());
        string[] metrics = ["peak_people_without_power", "customer_hours_interrupted", "energy_not_served_mwh", "person_hours_below_16c", "hours_to_restore_90pct"];
        foreach (var scope in root.GetProperty("regions").EnumerateArray().Append(root.GetProperty("national")))
        {
            Assert.True(scope.TryGetProperty("id", out _));
            foreach (var m in metrics) Assert.True(scope.TryGetProperty(m, out _), $"{m} missing");
        }
        Assert.Equal(25, root.GetProperty("regions").GetArrayLength());

        var lines = File.ReadAllLines(Path.Combine(outDir, "timeline.csv"));
        var header = lines[0].Split(',');
        foreach (var column in new[] { "time", "region", "temperature_c", "demand_mw", "served_mw", "customers_without_power", "people_without_power" })
        {
            Assert.Contains(column, header);
        }
        // 7 days of 15-minute ticks, 25 regions, plus the header.
        Assert.Equal((7 * 96 * 25) + 1, lines.Length);
        Assert.StartsWith("2026-02-02T18:00:00+02:00,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_scenario_gets_located_messages_exit_code_2_and_no_stack_trace()
    {
        var bad = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(bad, "name: bad\ngrid: nowhere.yaml\nstart: yesterday\nduration: 7d\n");
        var run = Simgrid.InProcess("run", bad, "--out", Path.Combine(dir, "never"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{bad}:2:7: grid: nowhere.yaml: file not found", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{bad}:3:8: start: must be a timestamp", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "never")));
    }

    [Fact]
    public void A_run_replays_a_replication_of_a_study_with_its_weather_error()
    {
        // The seed scenario's first two days: replications differ from the first night on, and two days replay faster than seven.
        var scenario = Path.Combine(dir, "two-days.yaml");
        File.WriteAllText(scenario, Checkout.MovableText(Checkout.SeedScenario).Replace("duration: 7d", "duration: 2d", StringComparison.Ordinal));
        var study = Path.Combine(dir, "study");
        var compare = Simgrid.InProcess("compare", scenario, "--strategies", "fifo", "--runs", "3", "--engine", "kernel", "--out", study);
        Assert.True(compare.ExitCode == 0, compare.Stderr);
        var lines = File.ReadAllLines(Path.Combine(study, "results.csv"));
        var header = lines[0].Split(',');
        var row = lines.Select(l => l.Split(',')).Single(f => f[1] == "2");

        var replayed = Path.Combine(dir, "replication-2");
        var run = Simgrid.InProcess("run", scenario, "--replication", "2", "--weather-error", "1.5", "--engine", "kernel", "--out", replayed);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(replayed, "summary.json")));
        Assert.Equal(2, json.RootElement.GetProperty("replication").GetInt32());
        var national = json.RootElement.GetProperty("national");
        foreach (var field in new[] { "peak_people_without_power", "customer_hours_interrupted", "energy_not_served_mwh", "peak_people_without_heat" })
        {
            Assert.Equal(double.Parse(row[Array.IndexOf(header, field)], System.Globalization.CultureInfo.InvariantCulture), national.GetProperty(field).GetDouble());
        }

        // The default run is replication 0 with the weather as written: not the study's replication 2.
        var plain = Path.Combine(dir, "plain");
        Assert.Equal(0, Simgrid.InProcess("run", scenario, "--engine", "kernel", "--out", plain).ExitCode);
        using var plainJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(plain, "summary.json")));
        Assert.NotEqual(national.GetProperty("customer_hours_interrupted").GetDouble(),
            plainJson.RootElement.GetProperty("national").GetProperty("customer_hours_interrupted").GetDouble());
    }

    [Theory]
    [InlineData("--replication", "-1", "--replication must be 0 or more")]
    [InlineData("--weather-error", "21", "--weather-error must be between 0 and 20")]
    public void A_replication_or_weather_error_out_of_range_is_refused(string option, string value, string message)
    {
        var run = Simgrid.InProcess("run", Checkout.SeedScenario, option, value, "--out", Path.Combine(dir, "never"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "never")));
    }

    [Fact]
    public void Garbage_bytes_get_a_located_message_not_a_crash()
    {
        var bad = Path.Combine(dir, "garbage.yaml");
        File.WriteAllBytes(bad, [.. "name: x\n"u8.ToArray(), 0x00, 0xFF, 0x07, .. "grid: \u0001\n"u8.ToArray()]);
        var run = Simgrid.InProcess("validate", bad);
        Assert.Equal(2, run.ExitCode);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(bad)}:2:1: character U\+0000 is not allowed in YAML", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_accepts_the_whole_library_and_rejects_a_broken_file()
    {
        var library = Directory.GetFiles(Path.Combine(Simgrid.Root, "scenarios"), "*.yaml");
        var ok = Simgrid.InProcess(["validate", .. library]);
        Assert.True(ok.ExitCode == 0, ok.Stderr);

        var bad = Path.Combine(dir, "typo.yaml");
        File.WriteAllText(bad, Checkout.MovableText(Simgrid.Scenario("baseline-no-attack.yaml"))
            .Replace("duration: 7d", "durration: 7d", StringComparison.Ordinal));
        var failed = Simgrid.InProcess("validate", bad);
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("durration: unknown field (did you mean duration?)", failed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_commands()
    {
        var help = Simgrid.InProcess("--help");
        Assert.Equal(0, help.ExitCode);
        // The command table, not the examples above it: each command opens a line of the COMMANDS section.
        var table = help.Stdout[help.Stdout.IndexOf("COMMANDS:", StringComparison.Ordinal)..].Split('\n').Skip(1)
            .Select(l => l.Trim().Split(' ')[0]).Where(w => w.Length > 0).ToList();
        Assert.Equal(["run", "compare", "hindcast", "serve", "synth", "validate"], table);
        var runHelp = Simgrid.InProcess("run", "--help");
        foreach (var option in new[] { "--seed", "--strategy", "--out", "--engine" }) Assert.Contains(option, runHelp.Stdout, StringComparison.Ordinal);
    }
}
