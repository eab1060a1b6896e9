namespace SimGrid.Model.Outputs;

/// <summary>
/// A region's or the nation's results over a run. IEEE 1366 indices count sustained interruptions (over 5 minutes);
/// each rotation of a rolling-outage block counts as one. Restoration hours are null when never reached in the run,
/// 0 when there were no damage-caused outages to restore. Hours of supply per day are those of an average customer:
/// the mean over the run, and the worst whole day (days counted in 24-hour blocks from the start).
/// </summary>
public sealed record ScopeSummary(
    string Id,
    long Population,
    long Customers,
    double PeakPeopleWithoutPower,
    double PeakPeopleWithoutPowerDamage,
    double PeakShareCustomersWithoutPower,
    double CustomerHoursInterrupted,
    double EnergyNotServedMwh,
    double Saifi,
    double SaidiMinutes,
    double CaidiMinutes,
    double Asai,
    double HoursOfSupplyPerDay,
    double WorstDayHoursOfSupply,
    double PeakPeopleWithoutHeat,
    double PersonHoursBelow16c,
    double CriticalSitesOutOver48h,
    double? HoursToRestore50pct,
    double? HoursToRestore90pct,
    double? HoursToRestore99pct,
    long WeaponsLaunched,
    long WeaponsIntercepted,
    long WeaponsHit,
    long AssetsDamaged);
