using System.Diagnostics;

namespace SimGrid.Grains.Telemetry;

/// <summary>
/// SimGrid's spans (design section 7): one per tick of a grain-played run, with a child per phase (waves and step,
/// dispatch, apply, record), and one per strike wave as it arrives. Exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
public static class SimGridTracing
{
    public const string SourceName = "SimGrid";

    public static readonly ActivitySource Source = new(SourceName);

    public static Activity? Tick(string runId, string scenario, int tick)
    {
        var activity = Source.StartActivity("simgrid.tick");
        activity?.SetTag(InstrumentNames.Run, runId);
        activity?.SetTag(InstrumentNames.Scenario, scenario);
        activity?.SetTag("simgrid.tick", tick);
        return activity;
    }

    public static Activity? Phase(string name) => Source.StartActivity($"simgrid.tick.{name}");

    public static void Wave(string runId, string weapon, int count, int tick)
    {
        using var activity = Source.StartActivity("simgrid.strike");
        activity?.SetTag(InstrumentNames.Run, runId);
        activity?.SetTag("simgrid.weapon", weapon);
        activity?.SetTag("simgrid.weapons", count);
        activity?.SetTag("simgrid.tick", tick);
    }
}
