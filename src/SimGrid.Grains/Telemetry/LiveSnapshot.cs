using SimGrid.Model.Outputs;
using SimGrid.Model.Region;
using SimGrid.Model.Protocol;

namespace SimGrid.Grains.Telemetry;

/// <summary>The latest state of one live run, as the observable gauges read it.</summary>
public sealed record LiveSnapshot(
    string RunId,
    string Scenario,
    IReadOnlyList<string> RegionIds,
    IReadOnlyList<RegionTickRecord> Latest,
    DateTimeOffset SimulatedTime,
    ForecastBand? Forecast,
    IReadOnlyList<RegionTallies> Tallies);

/// <summary>Whatever holds live runs (the serve command's registry) shows them to the metrics through this.</summary>
public interface ILiveSnapshots
{
    IReadOnlyList<LiveSnapshot> Snapshots();
}
