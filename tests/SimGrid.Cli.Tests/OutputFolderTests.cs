using SimGrid.Cli.Output;
using SimGrid.Hosting.Json;

namespace SimGrid.Tests.Cli;

public sealed class OutputFolderTests : IDisposable
{
    private readonly string dir = Simgrid.TempDir();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void An_unfinished_run_leaves_no_file_that_looks_complete()
    {
        File.WriteAllText(Path.Combine(dir, "summary.json"), "stale result of an earlier run");
        using (var folder = new OutputFolder(dir))
        {
            using var w = folder.CreateText("summary.json");
            w.Write("half");
            // No Commit: the run failed or was cancelled.
        }
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void A_finished_run_has_its_files_under_their_names()
    {
        using (var folder = new OutputFolder(dir))
        {
            using (var w = folder.CreateText("timeline.csv")) w.Write("time\n");
            folder.Commit();
        }
        Assert.Equal(["timeline.csv"], Directory.GetFiles(dir).Select(Path.GetFileName).Where(n => n != OutputFolder.ManifestName));
    }

    [Fact]
    public void A_run_cancelled_over_an_older_result_leaves_none_of_its_files_not_only_those_it_rewrote()
    {
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "the user's own file");
        using (var folder = new OutputFolder(dir))
        {
            foreach (var name in new[] { "results.csv", "summary.json", "customer_hours.png" })
            {
                using var w = folder.CreateText(name);
                w.Write("complete");
            }
            folder.Commit();
        }
        using (var folder = new OutputFolder(dir))
        {
            using var w = folder.CreateText("results.csv");
            w.Write("half");
            // Cancelled before summary.json and the charts were written again.
        }
        Assert.Equal(["notes.txt"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Json_names_split_numbers_from_words() =>
        Assert.Equal(
            ["person_hours_below_16c", "hours_to_restore_50pct", "critical_sites_out_over_48h", "saidi_minutes"],
            new[] { "PersonHoursBelow16c", "HoursToRestore50pct", "CriticalSitesOutOver48h", "SaidiMinutes" }.Select(new SnakeCaseWithDigits().ConvertName));
}
