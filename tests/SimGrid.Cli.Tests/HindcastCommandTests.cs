namespace SimGrid.Tests.Cli;

/// <summary>The hindcast command: the first test starts the executable (grains and kernel); the others run in process.</summary>
public sealed class HindcastCommandTests : IDisposable
{
    private readonly string dir = Simgrid.TempDir();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string Set => Path.Combine(Simgrid.Root, "scenarios", "hindcast");

    [Fact]
    public void The_hindcast_scores_every_reported_outcome_with_the_same_numbers_on_grains_and_in_the_kernel()
    {
        var grains = Simgrid.Run("hindcast", Set, "--out", Path.Combine(dir, "grains"));
        Assert.True(grains.ExitCode == 0, grains.Stderr);
        Assert.Equal(0, Simgrid.Run("hindcast", Set, "--engine", "kernel", "--out", Path.Combine(dir, "kernel")).ExitCode);
        var csv = File.ReadAllLines(Path.Combine(dir, "grains", "hindcast.csv"));
        Assert.Equal(File.ReadAllLines(Path.Combine(dir, "kernel", "hindcast.csv")), csv);

        // One row per reported outcome, each a hit or a miss, and the score the table closes with counts the hits.
        var reported = File.ReadAllLines(Path.Combine(Set, "reported.yaml")).Count(l => l.TrimStart().StartsWith("- {case:", StringComparison.Ordinal));
        Assert.Equal("case,outcome,seed,metric,regions,hours,kind,reported,predicted,hit,source", csv[0]);
        Assert.Equal(reported, csv.Length - 1);
        var hits = csv.Skip(1).Count(l => l.Split(',')[9] == "hit");
        Assert.Contains($"{hits} of {reported} outcomes within tolerance", grains.Stdout, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(dir, "grains", "hindcast.png")).Length > 10_000);
        Assert.True(File.Exists(Path.Combine(dir, "grains", "hindcast.svg")));
    }

    [Fact]
    public void Several_seeds_give_a_score_for_each_and_each_outcome_says_in_how_many_it_hits()
    {
        var run = Simgrid.InProcess("hindcast", Subset("2024-08-26", "2026-02-07"), "--engine", "kernel", "--seeds", "3-4", "--out", Path.Combine(dir, "seeds"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Matches(@"Across seeds 3: \d+ %, 4: \d+ %; lowest \d+ %, mean \d+ %; \d+ of \d+ outcome-seeds hit\.", run.Stdout);
        var rows = File.ReadAllLines(Path.Combine(dir, "seeds", "hindcast.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["3", "4"], rows.Select(f => f[2]).Distinct().Order());
        Assert.Contains($"; {rows.Count(f => f[9] == "hit")} of {rows.Count} outcome-seeds hit.", run.Stdout, StringComparison.Ordinal);

        // The table's row for each outcome counts the seeds whose prediction the CSV marks a hit.
        Assert.Contains("hit in 2 seeds", run.Stdout, StringComparison.Ordinal);
        var table = run.Stdout.Split('\n').Select(l => l.Split('│').Select(c => c.Trim()).ToArray()).Where(c => c.Length == 12).ToList();
        foreach (var outcome in rows.GroupBy(f => (Case: f[0], Id: f[1])))
        {
            var cells = table.Single(c => c[1] == outcome.Key.Case && c[2] == outcome.Key.Id);
            Assert.Equal(outcome.Count(f => f[9] == "hit").ToString(System.Globalization.CultureInfo.InvariantCulture), cells[9]);
        }
    }

    [Fact]
    public void A_bad_reported_file_is_bad_input_with_its_position_and_writes_nothing()
    {
        var bad = Subset("2026-02-07");
        File.WriteAllText(Path.Combine(bad, "reported.yaml"),
            "outcomes:\n  - {case: 2026-02-07, id: q, metric: shortfal, value: 4, unit: queues, kind: approx, source: C1, text: t}\n");
        var run = Simgrid.InProcess("hindcast", bad, "--out", Path.Combine(dir, "out"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{Path.Combine(bad, "reported.yaml")}:2:39: outcomes[0].metric: unknown metric 'shortfal' (did you mean shortfall?)", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 problem found", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "out", "hindcast.csv")));
    }

    /// <summary>
    /// A hindcast set of these cases of the library's, with only their reported outcomes, in a folder of its own: the
    /// in-process tests check the command's logic on a few nights rather than replaying all twelve.
    /// </summary>
    private string Subset(params string[] cases)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dir, "set-" + string.Join('-', cases))).FullName;
        foreach (var name in cases) File.WriteAllText(Path.Combine(folder, name + ".yaml"), Checkout.MovableText(Path.Combine(Set, name + ".yaml")));

        // An outcome is a "- {case: ...}" entry that may run over several lines; keep the header and the kept cases' entries.
        var kept = new List<string>();
        var keep = true;
        foreach (var line in File.ReadAllLines(Path.Combine(Set, "reported.yaml")))
        {
            var entry = line.TrimStart();
            if (entry.StartsWith("- {case:", StringComparison.Ordinal)) keep = cases.Any(c => entry.StartsWith($"- {{case: {c},", StringComparison.Ordinal));
            else if (entry.StartsWith('#')) continue;
            if (keep) kept.Add(line);
        }
        File.WriteAllLines(Path.Combine(folder, "reported.yaml"), kept);
        return folder;
    }

    [Fact]
    public void Bad_seeds_are_refused() =>
        Assert.Equal(2, Simgrid.InProcess("hindcast", Set, "--seeds", "10-1").ExitCode);
}
