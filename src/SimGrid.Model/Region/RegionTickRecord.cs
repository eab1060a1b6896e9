namespace SimGrid.Model.Region;

/// <summary>One region in one tick, after dispatch: what the outputs and metrics are built from. Counts are expected values, not integers.</summary>
public readonly record struct RegionTickRecord(
    int Tick,
    double TemperatureC,
    double DemandMw,
    double ServedMw,
    double GenerationMw,
    double CustomersOffRolling,
    double CustomersOffDamage,
    double PeopleOffRolling,
    double PeopleOffDamage,
    double PeopleWithoutHeat,
    double UnheatedIndoorC,
    double PeopleBelow16C,
    double CriticalSitesOff,
    int CrewsBusy,
    int DamagedAssets,
    int WeaponsLaunched,
    int WeaponsIntercepted,
    int WeaponsHit,
    int AssetsHit = 0)
{
    public double CustomersOff => CustomersOffRolling + CustomersOffDamage;

    public double PeopleOff => PeopleOffRolling + PeopleOffDamage;
}
