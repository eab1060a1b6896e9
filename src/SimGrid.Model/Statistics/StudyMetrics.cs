using SimGrid.Model.Outputs;

namespace SimGrid.Model.Statistics;

/// <summary>The national metrics a study compares, in the column order of results.csv. Never-reached restorations are NaN.</summary>
public static class StudyMetrics
{
    public static readonly IReadOnlyList<(string Name, Func<ScopeSummary, double> Value)> All =
    [
        ("peak_people_without_power", s => s.PeakPeopleWithoutPower),
        ("peak_people_without_power_damage", s => s.PeakPeopleWithoutPowerDamage),
        ("customer_hours_interrupted", s => s.CustomerHoursInterrupted),
        ("energy_not_served_mwh", s => s.EnergyNotServedMwh),
        ("saifi", s => s.Saifi),
        ("saidi_minutes", s => s.SaidiMinutes),
        ("hours_of_supply_per_day", s => s.HoursOfSupplyPerDay),
        ("peak_people_without_heat", s => s.PeakPeopleWithoutHeat),
        ("person_hours_below_16c", s => s.PersonHoursBelow16c),
        ("critical_sites_out_over_48h", s => s.CriticalSitesOutOver48h),
        ("hours_to_restore_50pct", s => s.HoursToRestore50pct ?? double.NaN),
        ("hours_to_restore_90pct", s => s.HoursToRestore90pct ?? double.NaN),
    ];
}
