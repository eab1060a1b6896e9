using SimGrid.Model.Grid;
using SimGrid.Model.Physics;

namespace SimGrid.Model.Assets;

/// <summary>What the assets can do now, read from their damage: supply shares, availability, generation and heat.</summary>
public sealed partial class AssetBook
{
    /// <summary>
    /// Share of the region's customers still fed through its 330 kV substations as far as switching goes: a damaged
    /// substation cuts the load it carries (its capacity share times its damage loss) until emergency switching feeds
    /// that load another way. How much the standing substations can take is <see cref="SubstationCarriableShare"/>.
    /// </summary>
    public double TransmissionSupplyShare()
    {
        double total = 0, cut = 0;
        for (var i = 0; i < Count; i++)
        {
            // 750 kV stations feed the 330 kV network, not customers: their loss shows in the tie-lines only.
            if (specs[i].Class != AssetClass.Substation330) continue;
            total += specs[i].CapacityMw;
            if (switchingLeft[i] > 0) cut += specs[i].CapacityMw * DamageTable.CapacityLoss(specs[i].Class, state[i]);
        }
        return total > 0 ? 1 - (cut / total) : 1;
    }

    /// <summary>
    /// Share of the region's load its standing 330 kV capacity can carry once every hit substation's load is switched
    /// onto the others (<see cref="RepairTable.SubstationLoading"/>): 1 until 40% of the capacity is lost, less beyond.
    /// When most of a region's substations are down there is no path left to switch to.
    /// </summary>
    public double SubstationCarriableShare() =>
        Math.Min(1, WeightedAvailability(static c => c == AssetClass.Substation330) / RepairTable.SubstationLoading);

    /// <summary>
    /// Share of the customers the local networks still reach: a damaged zone's lost circuits until switching feeds
    /// them another way, then the part of heavy damage no other path can carry, until repaired.
    /// </summary>
    public double DistributionSupplyShare()
    {
        double total = 0, cut = 0;
        for (var i = 0; i < Count; i++)
        {
            if (specs[i].Class != AssetClass.Distribution) continue;
            total += specs[i].CapacityMw;
            cut += specs[i].CapacityMw * SwitchedLoss(i);
        }
        return total > 0 ? 1 - (cut / total) : 1;
    }

    /// <summary>A zone's lost circuits while switching is under way, then the part no other feeder can carry.</summary>
    private double SwitchedLoss(int i)
    {
        var loss = DamageTable.CapacityLoss(specs[i].Class, state[i]);
        return switchingLeft[i] > 0 ? loss : loss * RepairTable.ResidualAfterSwitching(state[i]);
    }

    /// <summary>Capacity-weighted availability of the assets of the given kind; 1 when the region has none.</summary>
    public double WeightedAvailability(Func<AssetClass, bool> kind)
    {
        double total = 0, available = 0;
        for (var i = 0; i < Count; i++)
        {
            if (!kind(specs[i].Class)) continue;
            total += specs[i].CapacityMw;
            available += specs[i].CapacityMw * Availability(i);
        }
        return total > 0 ? available / total : 1;
    }

    public double GenerationMw(int localHour, double transmissionAvailability, ReadOnlySpan<double> factors, ReadOnlySpan<double> hydroShape = default)
    {
        double mw = 0;
        for (var i = 0; i < Count; i++)
        {
            var c = specs[i].Class;
            if (!c.IsGeneration()) continue;
            var output = specs[i].CapacityMw * OutputAvailability(i) * Generation.CapacityFactor(c, localHour, factors, hydroShape);
            // Nuclear units unload or trip when the substations that carry their output are hit (reference section 2.2).
            mw += c == AssetClass.Nuclear ? output * transmissionAvailability : output;
        }
        return mw;
    }

    /// <summary>Nuclear output now: the part of <see cref="GenerationMw"/> that trips can take away.</summary>
    public double NuclearMw(double transmissionAvailability, ReadOnlySpan<double> factors)
    {
        double mw = 0;
        for (var i = 0; i < Count; i++)
        {
            if (specs[i].Class != AssetClass.Nuclear) continue;
            mw += specs[i].CapacityMw * OutputAvailability(i) * Generation.CapacityFactor(AssetClass.Nuclear, 0, factors) * transmissionAvailability;
        }
        return mw;
    }

    /// <summary>
    /// Share of district heat still produced: plants not listed (small boiler houses) are assumed running. A plant hit
    /// in this run trips and stops its whole heat zone until it is repaired, whatever share of its equipment failed: the
    /// network loses pressure and circulation with the plant (every reported hit on a CHP cut its whole zone: Kyiv CHP-4
    /// on 3 Feb 2026, A7, S32; Kharkiv CHP-5, A5; Kyiv CHP-5 and CHP-6 on 9 Jan 2026, half the city, C7). Damage standing
    /// before the run heats what the damage table leaves: such a plant runs partly, its zone long since on backups.
    /// </summary>
    public double HeatAvailability()
    {
        var lost = 0.0;
        for (var i = 0; i < Count; i++)
        {
            if (specs[i].HeatShare <= 0) continue;
            lost += specs[i].HeatShare * (HitInRun(i) ? 1 : DamageTable.CapacityLoss(specs[i].Class, state[i]));
        }
        return Math.Clamp(1 - lost, 0, 1);
    }

    /// <summary>
    /// Share of a plant's capacity that generates: a plant hit in this run trips and produces nothing until it is
    /// repaired, whatever share of its equipment failed, as its heat zone does (<see cref="HeatAvailability"/>).
    /// Damage standing before the run generates what the damage table leaves.
    /// </summary>
    private double OutputAvailability(int i) => HitInRun(i) ? 0 : Availability(i);

    /// <summary>Damaged in this run (not standing damage from before it): a plant so damaged has tripped.</summary>
    private bool HitInRun(int i) => !standing[i] && state[i] != DamageState.None;

    public int DamagedCount()
    {
        Recount();
        return damagedCount;
    }
}
