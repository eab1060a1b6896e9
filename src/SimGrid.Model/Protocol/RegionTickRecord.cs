namespace SimGrid.Model.Protocol;

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

    /// <summary>
    /// National totals of a tick, summed in region order (so the sums are bit-identical run to run): counts and flows
    /// add up; the temperature is the regions' mean, the unheated homes' temperature the mean weighted by their people.
    /// </summary>
    public static RegionTickRecord Sum(ReadOnlySpan<RegionTickRecord> records)
    {
        double demand = 0, served = 0, gen = 0, offRolling = 0, offDamage = 0, pRolling = 0, pDamage = 0;
        double heat = 0, below16 = 0, critical = 0, indoorWeighted = 0, temperature = 0;
        int crews = 0, damaged = 0, launched = 0, intercepted = 0, hits = 0, assetsHit = 0;
        foreach (var r in records)
        {
            demand += r.DemandMw;
            served += r.ServedMw;
            gen += r.GenerationMw;
            offRolling += r.CustomersOffRolling;
            offDamage += r.CustomersOffDamage;
            pRolling += r.PeopleOffRolling;
            pDamage += r.PeopleOffDamage;
            heat += r.PeopleWithoutHeat;
            indoorWeighted += r.PeopleWithoutHeat * r.UnheatedIndoorC;
            below16 += r.PeopleBelow16C;
            critical += r.CriticalSitesOff;
            temperature += r.TemperatureC;
            crews += r.CrewsBusy;
            damaged += r.DamagedAssets;
            launched += r.WeaponsLaunched;
            intercepted += r.WeaponsIntercepted;
            hits += r.WeaponsHit;
            assetsHit += r.AssetsHit;
        }
        return new RegionTickRecord(
            Tick: records.Length > 0 ? records[0].Tick : 0, TemperatureC: records.Length > 0 ? temperature / records.Length : 0,
            DemandMw: demand, ServedMw: served, GenerationMw: gen,
            CustomersOffRolling: offRolling, CustomersOffDamage: offDamage, PeopleOffRolling: pRolling, PeopleOffDamage: pDamage,
            PeopleWithoutHeat: heat, UnheatedIndoorC: heat > 0 ? indoorWeighted / heat : Physics.Cooling.HeatedIndoorC,
            PeopleBelow16C: below16, CriticalSitesOff: critical, CrewsBusy: crews, DamagedAssets: damaged,
            WeaponsLaunched: launched, WeaponsIntercepted: intercepted, WeaponsHit: hits, AssetsHit: assetsHit);
    }
}
