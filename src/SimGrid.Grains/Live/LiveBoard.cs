using System.Collections.Concurrent;
using SimGrid.Grains.Telemetry;

namespace SimGrid.Grains.Live;

/// <summary>
/// The latest state of the live runs playing on this silo, for its gauges. A run moves to another silo's board when
/// its silo is lost, so each silo exports the runs it plays.
/// </summary>
public sealed class LiveBoard : ILiveSnapshots
{
    private readonly ConcurrentDictionary<string, LiveSnapshot> runs = new(StringComparer.Ordinal);

    public void Publish(LiveSnapshot snapshot) => runs[snapshot.RunId] = snapshot;

    public void Remove(string runId) => runs.TryRemove(runId, out _);

    public IReadOnlyList<LiveSnapshot> Snapshots() => [.. runs.Values.OrderBy(s => s.RunId, StringComparer.Ordinal)];
}
