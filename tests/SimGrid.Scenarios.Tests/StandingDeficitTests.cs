using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using SimGrid.Scenarios;

namespace SimGrid.Tests.Scenarios;

/// <summary>
/// The no-attack week against the schedules that were published without an attack that night: a deficit that does
/// not need frost. Ranges by the hindcast's rule for counts (within a factor of two of the report).
/// </summary>
public class StandingDeficitTests
{
    [Fact]
    public void Schedules_run_at_zero_degrees_as_published_in_november_and_december_2025()
    {
        // 8-16 hours a day without power in most regions (S51), mild weather: an average customer gets at most
        // 24 - 8 / 2 = 20 hours of supply a day and at least 24 - 16 x 2 (floored at 0).
        var run = GridSimulation.Run(new RunSetup(Baseline(nightC: -2, dayC: 3), 20260203, "fifo", 0));
        Assert.InRange(run.National.HoursOfSupplyPerDay, 0, 20);
    }

    [Fact]
    public void January_frost_leaves_a_deficit_of_about_seven_gigawatts()
    {
        // ~18 GW of demand against ~11 GW available, "a deficit of almost 40%" (S12): 3.5-14 GW at the evening peak
        // of a -15 C week.
        var scenario = Baseline(nightC: -18, dayC: -12);
        var simulation = new GridSimulation(new RunSetup(scenario, 20260203, "fifo", 0));
        var peakShortfall = 0.0;
        for (var tick = 0; tick < simulation.TickCount; tick++)
        {
            simulation.Step(tick);
            peakShortfall = Math.Max(peakShortfall, simulation.National.DemandMw - simulation.National.ServedMw);
        }
        Assert.InRange(peakShortfall, 3_500, 14_000);
    }

    /// <summary>The library's no-attack week with the same weather everywhere, every day.</summary>
    private static ScenarioSpec Baseline(int nightC, int dayC)
    {
        var text = Checkout.MovableText(Path.Combine(Repo.Scenarios, "baseline-no-attack.yaml"));
        var start = text.IndexOf("weather:", StringComparison.Ordinal);
        var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        var weather = $"weather:\n  default:\n    - {{night_min_c: {nightC}, day_max_c: {dayC}}}";
        text = text[..start] + weather + text[end..];
        using var files = new TempFiles();
        return ScenarioLoader.Load(files.Write("baseline.yaml", text));
    }
}
