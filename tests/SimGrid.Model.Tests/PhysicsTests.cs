using SimGrid.Model.Grid;
using SimGrid.Model.Physics;
using SimGrid.Model.Scenario;

namespace SimGrid.Tests.Model;

public class PhysicsTests
{
    [Fact]
    public void Hydro_spends_its_daily_water_on_the_load_above_the_nights_minimum()
    {
        // Load 0.5 at night (hours 0-11) and 1.5 by day (12-23), mean 1: the load above the minimum is 0 and 1, mean
        // 0.5, so hydro runs at 0 at night and twice its mean by day; a day's energy is unchanged.
        double[] load = [.. Enumerable.Range(0, 24).Select(h => h < 12 ? 0.5 : 1.5)];
        var shape = Generation.PeakFollowing(load);
        Assert.All(shape.Take(12), w => Assert.Equal(0, w));
        Assert.All(shape.Skip(12), w => Assert.Equal(2, w));
        double[] factors = [0.85, 0.6, 0.85, 0.3, 0.9, 0.25, 0.3];
        Assert.Equal(0.6, Generation.CapacityFactor(AssetClass.Hydro, 18, factors, shape), 12);
        Assert.Equal(0.3, Enumerable.Range(0, 24).Average(h => Generation.CapacityFactor(AssetClass.Hydro, h, factors, shape)), 12);
        // Without a shape (or a flat load) hydro is flat, and no hour asks more than the plant has.
        Assert.Equal(0.3, Generation.CapacityFactor(AssetClass.Hydro, 3, factors));
        Assert.All(Generation.PeakFollowing([.. Enumerable.Repeat(1.0, 24)]), w => Assert.Equal(1, w));
        Assert.Equal(1, Generation.CapacityFactor(AssetClass.Hydro, 18, [0.85, 0.6, 0.85, 0.8, 0.9, 0.25, 0.3], shape));
    }

    [Theory]
    [InlineData(BuildingClass.Panel16)]
    [InlineData(BuildingClass.Panel9)]
    [InlineData(BuildingClass.Khrushchovka)]
    [InlineData(BuildingClass.Brick)]
    [InlineData(BuildingClass.StalinBrick)]
    public void Unheated_building_cools_from_20_to_12_C_in_its_documented_time_at_minus_10(BuildingClass c)
    {
        // The definition the time constants are derived from (Cooling's doc): 20 C -> 12 C at -10 C outdoors.
        var indoor = Cooling.Step(20, -10, Cooling.HoursToLoseHeat(c), c);
        Assert.Equal(12, indoor, precision: 9);
    }

    [Fact]
    public void Cooling_in_steps_equals_cooling_at_once()
    {
        var stepwise = 20.0;
        for (var i = 0; i < 8; i++) stepwise = Cooling.Step(stepwise, -25, 0.25, BuildingClass.Khrushchovka);
        Assert.Equal(Cooling.Step(20, -25, 2, BuildingClass.Khrushchovka), stepwise, precision: 9);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(-20, 0.5)]
    [InlineData(-10, 1 / 1.5)]
    public void Cold_slows_repair_by_the_documented_factor(double temperatureC, double expected)
    {
        Assert.Equal(expected, RepairTable.ColdEfficiency(temperatureC), precision: 12);
    }

    [Fact]
    public void Damage_states_remove_the_HAZUS_shares_of_capacity()
    {
        Assert.Equal([0, 0.05, 0.40, 0.70, 1.0], Enum.GetValues<DamageState>().Select(s => DamageTable.CapacityLoss(AssetClass.Substation330, s)));
        Assert.Equal([0, 0.04, 0.12, 0.50, 0.80], Enum.GetValues<DamageState>().Select(s => DamageTable.CapacityLoss(AssetClass.Distribution, s)));
    }

    [Fact]
    public void Temperature_is_the_night_minimum_at_05_and_the_day_maximum_at_14()
    {
        DailyTemperature[] days = [new(-20, -10), new(-24, -12)];
        Assert.Equal(-20, Weather.TemperatureC(days, 0, 5), precision: 12);
        Assert.Equal(-10, Weather.TemperatureC(days, 0, 14), precision: 12);
        Assert.Equal(-24, Weather.TemperatureC(days, 1, 5), precision: 12);
        // Halfway from today's maximum (14:00) to tomorrow's minimum (05:00) is 21:30: the midpoint.
        Assert.Equal(-17, Weather.TemperatureC(days, 0, 21.5), precision: 9);
        // Past the last given day, the last day repeats.
        Assert.Equal(-12, Weather.TemperatureC(days, 5, 14), precision: 12);
    }

    [Fact]
    public void Solar_produces_nothing_at_night_and_its_factor_at_noon()
    {
        double[] factors = [.. AssetClasses.DefaultCapacityFactors];
        Assert.Equal(0, Generation.CapacityFactor(AssetClass.Solar, 2, factors));
        // The 12:00-13:00 tick sits half an hour past the peak of a 4-hour triangle: 1 - 0.5 / 4 of the peak.
        Assert.Equal(factors[(int)AssetClass.Solar] * (1 - (0.5 / 4)), Generation.CapacityFactor(AssetClass.Solar, 12, factors), precision: 12);
        Assert.Equal(0, Generation.CapacityFactor(AssetClass.Substation330, 12, factors));
    }
}
