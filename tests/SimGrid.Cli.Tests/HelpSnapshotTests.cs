namespace SimGrid.Tests.Cli;

/// <summary>
/// Each command's help, as a user reads it, against a reviewed copy in Snapshots/: a changed option, default or
/// description shows up here and in the diff. SIMGRID_UPDATE_SNAPSHOTS=1 rewrites the copies after a deliberate change.
/// </summary>
public class HelpSnapshotTests
{
    [Theory]
    [InlineData("")]
    [InlineData("run")]
    [InlineData("compare")]
    [InlineData("hindcast")]
    [InlineData("serve")]
    [InlineData("synth")]
    [InlineData("validate")]
    public void Help_matches_its_snapshot(string command)
    {
        string[] args = command.Length == 0 ? ["--help"] : [command, "--help"];
        var help = Simgrid.InProcess(args);
        Assert.Equal(0, help.ExitCode);
        var path = Path.Combine(Checkout.Root, "tests", "SimGrid.Cli.Tests", "Snapshots", $"help-{(command.Length == 0 ? "simgrid" : command)}.txt");
        var actual = help.Stdout.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("SIMGRID_UPDATE_SNAPSHOTS") == "1") File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"{path} missing: run with SIMGRID_UPDATE_SNAPSHOTS=1, review and commit it");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
