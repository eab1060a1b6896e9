namespace SimGrid.Model.Grid;

/// <summary>One oblast (or Kyiv city): its people, its load, its assets and its crews.</summary>
/// <param name="BaseDemandMw">Mean demand at or above the cold threshold, before the daily load shape.</param>
/// <param name="ColdSensitivityMwPerC">Extra demand per degree below the grid's cold threshold.</param>
/// <param name="CriticalLoadShare">Share of demand that is critical (hospitals, water, heat pumps); dispatched first.</param>
/// <param name="DistrictHeatShare">Share of people whose homes are on district heating.</param>
/// <param name="ImportCapacityMw">Capacity of this region's interconnectors to the EU; 0 for inland regions.</param>
/// <param name="InterceptionFactor">Multiplies every weapon's interception probability here (denser air defence above 1).</param>
/// <param name="Interception">Interception probability by weapon id where it is known for this region; overrides the factor.</param>
public sealed record RegionSpec(
    string Id,
    string Name,
    int Population,
    int Customers,
    int CriticalSites,
    double BaseDemandMw,
    double ColdSensitivityMwPerC,
    double CriticalLoadShare,
    double DistrictHeatShare,
    IReadOnlyList<BuildingShare> Buildings,
    IReadOnlyList<AssetSpec> Assets,
    int Crews,
    double ImportCapacityMw,
    double InterceptionFactor,
    IReadOnlyDictionary<string, double>? Interception = null)
{
    /// <summary>
    /// The chance a weapon aimed at this region is downed: the region's own figure for the weapon when it has one (a
    /// reported tally, taken as it is), else the national figure times the region's factor, capped at 0.99 so that
    /// a factor never makes a region untouchable [E: no large raid has been reported entirely downed].
    /// </summary>
    public double InterceptionOf(WeaponSpec weapon) =>
        Interception is not null && Interception.TryGetValue(weapon.Id, out var p) ? p : Math.Min(0.99, weapon.Interception * InterceptionFactor);

    public double PeoplePerCustomer => Customers == 0 ? 0 : (double)Population / Customers;
}
