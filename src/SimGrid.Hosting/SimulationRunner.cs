using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;
using SimGrid.Model.Outputs;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using SimGrid.Model.Protocol;

namespace SimGrid.Hosting;

/// <summary>Plays a run to the end, either through grains or in one kernel call, handing each tick's records to the caller.</summary>
public static class SimulationRunner
{
    /// <summary>Ticks per grain call: large enough to amortise the call, small enough for a smooth progress bar.</summary>
    public const int BatchTicks = 16;

    public delegate void TickObserver(int tick, int tickCount, ReadOnlySpan<RegionTickRecord> records);

    public static async Task<RunSummary> RunOnGrainsAsync(IGrainFactory grains, RunSetup setup, TickObserver? observe, CancellationToken ct)
    {
        var simulation = grains.GetGrain<ISimulationGrain>($"run-{Guid.NewGuid():N}");
        await simulation.StartAsync(new Immutable<RunSetup>(setup));
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var batch = await simulation.AdvanceAsync(BatchTicks);
            var ticks = batch.Records.Value;
            for (var i = 0; i < ticks.Length; i++) observe?.Invoke(batch.FirstTick + i, batch.TickCount, ticks[i]);
            if (batch.Finished) break;
        }
        return (await simulation.GetSummaryAsync()).Value;
    }

    public static RunSummary RunInKernel(RunSetup setup, TickObserver? observe, CancellationToken ct)
    {
        var simulation = new GridSimulation(setup);
        for (var t = 0; t < simulation.TickCount; t++)
        {
            if (t % BatchTicks == 0) ct.ThrowIfCancellationRequested();
            var records = simulation.Step(t);
            observe?.Invoke(t, simulation.TickCount, records);
        }
        return simulation.Summarize();
    }
}
