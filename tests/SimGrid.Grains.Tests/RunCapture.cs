using System.Text;
using SimGrid.Hosting;
using SimGrid.Model.Outputs;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using SimGrid.Model.Protocol;

namespace SimGrid.Tests.Grains;

/// <summary>A run's full output, captured as text so runs can be compared byte for byte.</summary>
internal sealed record RunCapture(RunSummary Summary, string Timeline)
{
    public static async Task<RunCapture> OnGrainsAsync(IGrainFactory grains, RunSetup setup)
    {
        var timeline = new StringBuilder();
        var summary = await SimulationRunner.RunOnGrainsAsync(grains, setup, (t, _, r) => Append(timeline, t, r), CancellationToken.None);
        return new RunCapture(summary, timeline.ToString());
    }

    public static RunCapture InKernel(RunSetup setup)
    {
        var timeline = new StringBuilder();
        var summary = SimulationRunner.RunInKernel(setup, (t, _, r) => Append(timeline, t, r), CancellationToken.None);
        return new RunCapture(summary, timeline.ToString());
    }

    /// <summary>Every field of every record, with doubles in round-trip form: any difference in any bit shows.</summary>
    private static void Append(StringBuilder sb, int tick, ReadOnlySpan<RegionTickRecord> records)
    {
        foreach (var r in records) sb.Append(tick).Append(' ').Append(r.ToString()).Append('\n');
    }
}
