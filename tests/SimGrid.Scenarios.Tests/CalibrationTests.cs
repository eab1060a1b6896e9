using SimGrid.Model.Outputs;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using SimGrid.Scenarios;

namespace SimGrid.Tests.Scenarios;

/// <summary>
/// The seed attack with its default seed lands inside the ranges derived from what was reported after 3 February 2026
/// (docs/calibration.md). The ranges are the reported outcomes', not this model's output.
/// </summary>
public class CalibrationTests
{
    private static readonly Lazy<(RunSummary Attack, RunSummary Baseline)> Runs = new(() =>
    {
        var attack = ScenarioLoader.Load(Repo.SeedScenario);
        var baseline = ScenarioLoader.Load(Path.Combine(Repo.Scenarios, "baseline-no-attack.yaml"));
        return (GridSimulation.Run(new RunSetup(attack, attack.DefaultSeed, "fifo", 0)),
                GridSimulation.Run(new RunSetup(baseline, baseline.DefaultSeed, "fifo", 0)));
    });

    private static ScopeSummary Region(string id) => Runs.Value.Attack.Regions.Single(r => r.Id == id);

    [Fact]
    public void National_outages_are_in_the_reported_range()
    {
        var n = Runs.Value.Attack.National;
        // Damage-caused now includes emergency outages (whole oblasts cut off, load shed after a sudden loss): "millions"
        // were reported, at most everyone in the five oblasts where the operator reported consumers off (A11).
        var reportedOblasts = new[] { "kyiv-city", "kyiv", "kharkiv", "vinnytsia", "odesa" }.Sum(id => Region(id).Population);
        Assert.InRange(n.PeakPeopleWithoutPowerDamage, 0.8e6, reportedOblasts);
        // "Millions" left without power: what the attack adds to the schedules the no-attack week has anyway (about
        // 4.7 M off at its peak), so the baseline alone cannot meet it.
        var added = n.PeakPeopleWithoutPower - Runs.Value.Baseline.National.PeakPeopleWithoutPower;
        Assert.True(added >= 2e6, $"the attack adds {added:N0} people without power at the peak");
        // Kyiv's left bank back on schedules about a day later (A9), most customers within one to two days (reference
        // section 5): 24-48 h, widened by the hindcast's factor of two.
        Assert.NotNull(n.HoursToRestore90pct);
        Assert.InRange(n.HoursToRestore90pct!.Value, 12, 96);
    }

    [Fact]
    public void Kharkiv_loses_power_and_heat_as_reported()
    {
        Assert.InRange(Region("kharkiv").PeakShareCustomersWithoutPower, 0.40, 0.85);
        Assert.InRange(Region("kharkiv").PeakPeopleWithoutHeat, 120_000, 480_000);
    }

    [Fact]
    public void Kyiv_Odesa_and_Dnipropetrovsk_are_in_their_ranges()
    {
        Assert.InRange(Region("kyiv-city").PeakPeopleWithoutHeat, 150_000, 600_000);
        Assert.True(Region("odesa").PeakPeopleWithoutPowerDamage >= 30_000);
        Assert.InRange(Region("dnipropetrovsk").PeakPeopleWithoutHeat, 5_000, 100_000);
    }

    [Fact]
    public void The_attack_is_worse_than_its_baseline_everywhere_it_hit()
    {
        var (attack, baseline) = Runs.Value;
        Assert.True(attack.National.CustomerHoursInterrupted > baseline.National.CustomerHoursInterrupted);
        Assert.True(attack.National.EnergyNotServedMwh > baseline.National.EnergyNotServedMwh);
        Assert.Equal(0, baseline.National.PeakPeopleWithoutPowerDamage);
        foreach (var id in new[] { "kyiv-city", "kyiv", "kharkiv", "sumy", "dnipropetrovsk", "zaporizhzhia", "odesa", "vinnytsia" })
        {
            var hit = attack.Regions.Single(r => r.Id == id);
            var calm = baseline.Regions.Single(r => r.Id == id);
            Assert.True(hit.CustomerHoursInterrupted > calm.CustomerHoursInterrupted, id);
        }
    }
}
