using MathNet.Numerics.Statistics;
using SimGrid.Model.Outputs;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using SimGrid.Scenarios;

namespace SimGrid.Tests.Scenarios;

/// <summary>
/// The seed attack against the ranges derived from what was reported after 3 February 2026 (docs/calibration.md says
/// how each range follows from its report). A single seed is one night of many the same attack could have been, so
/// each range is checked on the median of a study of 20 replications, as `simgrid compare --runs 20` plays them.
/// Figures whose parameters were fitted to these reports (Kharkiv's and Dnipro's heat) are not checked here.
/// </summary>
public class CalibrationTests
{
    private const int Replications = 20;

    private static readonly Lazy<(RunSummary[] Attack, RunSummary Baseline)> Runs = new(() =>
    {
        var attack = ScenarioLoader.Load(Repo.SeedScenario);
        var baseline = ScenarioLoader.Load(Path.Combine(Repo.Scenarios, "baseline-no-attack.yaml"));
        var runs = new RunSummary[Replications];
        Parallel.For(0, Replications, r => runs[r] = GridSimulation.Run(new RunSetup(attack, attack.DefaultSeed, "fifo", r)));
        return (runs, GridSimulation.Run(new RunSetup(baseline, baseline.DefaultSeed, "fifo", 0)));
    });

    private static double Median(Func<RunSummary, double> figure) => Runs.Value.Attack.Select(figure).Median();

    private static double Region(RunSummary run, string id, Func<ScopeSummary, double> figure) => figure(run.Regions.Single(r => r.Id == id));

    [Fact]
    public void National_outages_are_in_the_reported_range()
    {
        // At least half of what the operators counted that night (Kharkiv ~60% of 760k subscribers, A5; 100,000 Kyiv
        // families, A9; >50,000 in Odesa, A10: 1.43 M people); at most everyone in the five oblasts where the operator
        // reported consumers off (A11).
        var reportedOblasts = new[] { "kyiv-city", "kyiv", "kharkiv", "vinnytsia", "odesa" }.Sum(id => Region(Runs.Value.Attack[0], id, r => r.Population));
        Assert.InRange(Median(r => r.National.PeakPeopleWithoutPowerDamage), 0.71e6, reportedOblasts);
        // "Millions" left without power: what the attack adds to the schedules the no-attack week has anyway (about
        // 10 M off at its evening peak), so the baseline alone cannot meet it.
        var added = Median(r => r.National.PeakPeopleWithoutPower) - Runs.Value.Baseline.National.PeakPeopleWithoutPower;
        Assert.True(added >= 2e6, $"the attack adds {added:N0} people without power at the peak");
        // Kyiv's left bank back on schedules about a day later (A9), most customers within one to two days (reference
        // section 5): 24-48 h, widened by the hindcast's factor of two. Not reached within the week counts as never.
        Assert.InRange(Median(r => r.National.HoursToRestore90pct ?? double.PositiveInfinity), 12, 96);
    }

    [Fact]
    public void Kharkiv_loses_the_reported_share_of_its_customers()
    {
        // ~60% of Kharkiv-oblast subscribers without power (A5), within the hindcast's 0.2 for shares.
        Assert.InRange(Median(r => Region(r, "kharkiv", s => s.PeakShareCustomersWithoutPower)), 0.40, 0.80);
    }

    [Fact]
    public void Kyiv_city_loses_heat_in_the_reported_range()
    {
        // 1,142-1,170 high-rises without heat (A6, A4), ~250 people each: ~290k, within a factor of two.
        Assert.InRange(Median(r => Region(r, "kyiv-city", s => s.PeakPeopleWithoutHeat)), 145_000, 580_000);
    }

    [Fact]
    public void Odesa_loses_at_least_half_of_what_was_reported()
    {
        // ">50,000 people without power" (A10): at least half of it. (The model gives about 15 times the report, and a
        // band from above cannot be read from "more than": docs/calibration.md.)
        Assert.True(Median(r => Region(r, "odesa", s => s.PeakPeopleWithoutPowerDamage)) >= 25_000);
    }

    [Fact]
    public void The_attack_is_worse_than_its_baseline_everywhere_it_hit()
    {
        var (attacks, baseline) = Runs.Value;
        var attack = attacks[0];
        Assert.True(attack.National.CustomerHoursInterrupted > baseline.National.CustomerHoursInterrupted);
        Assert.True(attack.National.EnergyNotServedMwh > baseline.National.EnergyNotServedMwh);
        Assert.Equal(0, baseline.National.PeakPeopleWithoutPowerDamage);
        // Standing damage is the grid as it is: Kyiv CHP-6, damaged before the week, leaves nobody without heat in it.
        Assert.Equal(0, baseline.National.PeakPeopleWithoutHeat);
        foreach (var id in new[] { "kyiv-city", "kyiv", "kharkiv", "sumy", "dnipropetrovsk", "zaporizhzhia", "odesa", "vinnytsia" })
        {
            var hit = attack.Regions.Single(r => r.Id == id);
            var calm = baseline.Regions.Single(r => r.Id == id);
            Assert.True(hit.CustomerHoursInterrupted > calm.CustomerHoursInterrupted, id);
        }
    }
}
