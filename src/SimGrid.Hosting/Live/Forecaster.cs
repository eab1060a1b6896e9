using System.Diagnostics;
using SimGrid.Model.Outputs;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using SimGrid.Model.Statistics;

namespace SimGrid.Hosting.Live;

/// <summary>
/// A fresh forecast from a live run's current state: the run so far is replayed once in the kernel (same seed, same
/// injected events at the same ticks, so the same past), and every replication branches from that state and draws its
/// own future from replication k's streams, on every core. A branch equals a replay of the same past followed by the
/// same reseeding byte for byte (ForkTests), so the cost no longer grows with the run's age times the replications.
/// </summary>
public static class Forecaster
{
    public const int DefaultReplications = 200;
    public const double HorizonHours = 72;

    public static ForecastBand Forecast(RunSetup run, IReadOnlyList<(int Tick, LiveEvent Event)> events, int fromTick,
        int replications = DefaultReplications, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var scenario = run.Scenario;
        var horizon = Math.Max(0, Math.Min(scenario.TickCount - fromTick, (int)Math.Round(HorizonHours / scenario.TickHours)));
        var series = new double[replications][];
        var restore = new double[replications];
        var past = new GridSimulation(run);
        var pastEvents = 0;
        for (var t = 0; t < fromTick; t++)
        {
            ct.ThrowIfCancellationRequested();
            pastEvents = InjectDue(past, events, pastEvents, t);
            past.Step(t);
        }
        pastEvents = InjectDue(past, events, pastEvents, fromTick);
        Parallel.For(0, replications, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            var sim = past.Branch(run.Replication + 1 + k, keepResults: false);
            var next = pastEvents;
            var people = new double[horizon];
            var damage = new double[horizon];
            for (var h = 0; h < horizon; h++)
            {
                next = InjectDue(sim, events, next, fromTick + h);
                sim.Step(fromTick + h);
                var national = sim.National;
                (people[h], damage[h]) = (national.PeopleOff, national.PeopleOffDamage);
            }
            series[k] = people;
            restore[k] = HoursToRestore(damage, scenario.TickHours);
        });

        var p10 = new double[horizon];
        var p50 = new double[horizon];
        var p90 = new double[horizon];
        var column = new double[replications];
        for (var h = 0; h < horizon; h++)
        {
            for (var k = 0; k < replications; k++) column[k] = series[k][h];
            var e = SampleStatistics.Describe(column);
            (p10[h], p50[h], p90[h]) = (e.P10, e.P50, e.P90);
        }
        var peaks = SampleStatistics.Describe(series.Select(s => s.Length > 0 ? s.Max() : 0));
        var hours = SampleStatistics.Describe(restore);
        double? Known(double v) => double.IsNaN(v) ? null : v;
        return new ForecastBand(fromTick, scenario.TimeOf(fromTick), replications, horizon * scenario.TickHours,
            [.. Enumerable.Range(0, horizon).Select(h => h * scenario.TickHours)], p10, p50, p90,
            peaks.P10, peaks.P50, peaks.P90, Known(hours.P10), Known(hours.P50), Known(hours.P90), watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Hours from the forecast's start until damage-caused outages, past their peak in the horizon, fall to a tenth of
    /// that peak; 0 when there are none, NaN when not within the horizon.
    /// </summary>
    private static double HoursToRestore(double[] damage, double tickHours)
    {
        if (damage.Length == 0) return 0;
        var peakAt = 0;
        for (var h = 1; h < damage.Length; h++)
        {
            if (damage[h] > damage[peakAt]) peakAt = h;
        }
        if (damage[peakAt] <= 0) return 0;
        for (var h = peakAt; h < damage.Length; h++)
        {
            if (damage[h] <= damage[peakAt] * 0.1) return h * tickHours;
        }
        return double.NaN;
    }

    /// <summary>Injects the logged events due at <paramref name="tick"/> (the log is in tick order); returns the next unread entry.</summary>
    private static int InjectDue(GridSimulation sim, IReadOnlyList<(int Tick, LiveEvent Event)> events, int next, int tick)
    {
        while (next < events.Count && events[next].Tick <= tick)
        {
            sim.Inject(events[next].Event);
            next++;
        }
        return next;
    }
}
