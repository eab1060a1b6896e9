using SimGrid.Model.Grid;
using SimGrid.Model.Physics;

namespace SimGrid.Model.Region;

/// <summary>A region's assets as parallel arrays (no allocation per tick): class, capacity, damage and repair work left.</summary>
public sealed class AssetBook
{
    private long damageSequence;

    public AssetBook(IReadOnlyList<AssetSpec> specs)
    {
        Count = specs.Count;
        Specs = specs;
        State = new DamageState[Count];
        WorkLeftHours = new double[Count];
        ReconnectLeftHours = new double[Count];
        DamagedAt = new long[Count];
        Teams = new int[Count];
        Standing = new bool[Count];
        AwaitingSpare = new bool[Count];
        SpareDeadlineTick = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            State[i] = specs[i].InitialDamage;
            Standing[i] = specs[i].InitialDamage != DamageState.None && !specs[i].RepairInitialDamage;
        }
    }

    public int Count { get; }

    /// <summary>A copy of this state for a forecast branch (nothing shared that either side changes).</summary>
    public AssetBook Fork()
    {
        var copy = (AssetBook)MemberwiseClone();
        (copy.State, copy.WorkLeftHours, copy.ReconnectLeftHours, copy.DamagedAt) =
            ([.. State], [.. WorkLeftHours], [.. ReconnectLeftHours], [.. DamagedAt]);
        (copy.Teams, copy.Standing, copy.AwaitingSpare, copy.SpareDeadlineTick) = ([.. Teams], [.. Standing], [.. AwaitingSpare], [.. SpareDeadlineTick]);
        return copy;
    }

    /// <summary>Changes whenever damage, switching or a spare changes what the assets can do: lets callers cache aggregates.</summary>
    public int Version { get; private set; }

    public void MarkChanged() => Version++;
    public IReadOnlyList<AssetSpec> Specs { get; }
    public DamageState[] State { get; private set; }
    public double[] WorkLeftHours { get; private set; }

    /// <summary>Emergency switching still needed (team-hours) before a damaged substation's customers are fed another way.</summary>
    public double[] ReconnectLeftHours { get; private set; }
    public long[] DamagedAt { get; private set; }
    /// <summary>Repair teams working on each asset now.</summary>
    public int[] Teams { get; private set; }

    public bool IsCrewed(int i) => Teams[i] > 0;
    public bool[] Standing { get; private set; }

    /// <summary>A substation destroyed outright waits for a spare large transformer (or a new one by its deadline).</summary>
    public bool[] AwaitingSpare { get; private set; }
    public int[] SpareDeadlineTick { get; private set; }

    /// <summary>
    /// Draws the work a freshly damaged asset needs: repair hours and, for a substation, emergency switching hours;
    /// a destroyed substation also needs a large transformer, from the national stock or after the lead time.
    /// </summary>
    public void AssignWork(int i, Random rng, int tick, int transformerLeadTicks)
    {
        Version++;
        var c = Specs[i].Class;
        var s = State[i];
        // Drawn as elapsed hours for a full complement of teams, kept as team-hours: fewer teams take longer.
        var teams = c.IsGeneration() ? 1 : RepairTable.MaxTeams(c);
        WorkLeftHours[i] = teams * Repair.RepairTeams.DrawHours(rng, RepairTable.MedianHours(c, s));
        var reconnect = RepairTable.MedianReconnectionHours(c, s);
        ReconnectLeftHours[i] = reconnect > 0 ? teams * Repair.RepairTeams.DrawHours(rng, reconnect) : 0;
        if (c.IsTransmission() && s == DamageState.Complete && !AwaitingSpare[i])
        {
            AwaitingSpare[i] = true;
            SpareDeadlineTick[i] = tick + transformerLeadTicks;
        }
    }

    public int SpareRequests()
    {
        var n = 0;
        for (var i = 0; i < Count; i++)
        {
            if (AwaitingSpare[i]) n++;
        }
        return n;
    }

    /// <summary>Hands granted spares to waiting substations in asset order; a new transformer arrives at the deadline anyway.</summary>
    public void ReceiveSpares(int granted, int tick)
    {
        for (var i = 0; i < Count; i++)
        {
            if (!AwaitingSpare[i]) continue;
            if (granted > 0)
            {
                granted--;
                AwaitingSpare[i] = false;
                Version++;
            }
            else if (tick >= SpareDeadlineTick[i])
            {
                AwaitingSpare[i] = false;
                Version++;
            }
        }
    }

    /// <summary>Observed damage: the asset is in this state now, whatever the model thought.</summary>
    public void Observe(int i, DamageState state)
    {
        if (DamagedAt[i] == 0) AssetsHit++;
        State[i] = state;
        DamagedAt[i] = ++damageSequence;
        Standing[i] = false;
        Version++;
    }

    /// <summary>A plant or substation returned to service by an event: whatever its damage, it is whole again.</summary>
    public void ReturnToService(string assetId)
    {
        for (var i = 0; i < Count; i++)
        {
            if (Specs[i].Id != assetId) continue;
            Restore(i);
            Standing[i] = false;
        }
    }

    public AssetClass Class(int i) => Specs[i].Class;

    public double Availability(int i) => DamageTable.Availability(Specs[i].Class, State[i]);

    public bool NeedsRepair(int i) => State[i] != DamageState.None && !Standing[i];

    /// <summary>Distinct assets hit by strikes so far.</summary>
    public int AssetsHit { get; private set; }

    /// <summary>A hit moves the asset to the drawn state, or one state worse when it is already at least that damaged.</summary>
    public DamageState Hit(int i, DamageState drawn)
    {
        if (DamagedAt[i] == 0) AssetsHit++;
        Version++;
        var current = State[i];
        var next = drawn > current ? drawn : (DamageState)Math.Min((int)current + 1, (int)DamageState.Complete);
        State[i] = next;
        DamagedAt[i] = ++damageSequence;
        Standing[i] = false;
        return next;
    }

    public void Restore(int i)
    {
        Version++;
        State[i] = DamageState.None;
        WorkLeftHours[i] = 0;
        ReconnectLeftHours[i] = 0;
        AwaitingSpare[i] = false;
        Teams[i] = 0;
    }

    /// <summary>
    /// Share of the region's customers still fed through its 330 kV substations: a damaged substation cuts the
    /// load it carries (its capacity share times its damage loss) until emergency switching feeds that load another way.
    /// </summary>
    public double TransmissionSupplyShare()
    {
        double total = 0, cut = 0;
        for (var i = 0; i < Count; i++)
        {
            // 750 kV stations feed the 330 kV network, not customers: their loss shows in the tie-lines only.
            if (Specs[i].Class != AssetClass.Substation330) continue;
            total += Specs[i].CapacityMw;
            if (ReconnectLeftHours[i] > 0) cut += Specs[i].CapacityMw * DamageTable.CapacityLoss(Specs[i].Class, State[i]);
        }
        return total > 0 ? 1 - (cut / total) : 1;
    }

    /// <summary>
    /// Share of the customers the local networks still reach: a damaged zone's lost circuits until switching feeds
    /// them another way, then the part of heavy damage no other path can carry, until repaired.
    /// </summary>
    public double DistributionSupplyShare()
    {
        double total = 0, cut = 0;
        for (var i = 0; i < Count; i++)
        {
            if (Specs[i].Class != AssetClass.Distribution) continue;
            total += Specs[i].CapacityMw;
            cut += Specs[i].CapacityMw * SwitchedLoss(i);
        }
        return total > 0 ? 1 - (cut / total) : 1;
    }

    /// <summary>A zone's lost circuits while switching is under way, then the part no other feeder can carry.</summary>
    private double SwitchedLoss(int i)
    {
        var loss = DamageTable.CapacityLoss(Specs[i].Class, State[i]);
        return ReconnectLeftHours[i] > 0 ? loss : loss * RepairTable.ResidualAfterSwitching(State[i]);
    }

    /// <summary>Capacity-weighted availability of the assets of the given kind; 1 when the region has none.</summary>
    public double WeightedAvailability(Func<AssetClass, bool> kind)
    {
        double total = 0, available = 0;
        for (var i = 0; i < Count; i++)
        {
            if (!kind(Specs[i].Class)) continue;
            total += Specs[i].CapacityMw;
            available += Specs[i].CapacityMw * Availability(i);
        }
        return total > 0 ? available / total : 1;
    }

    public double GenerationMw(int localHour, double transmissionAvailability, IReadOnlyList<double> factors)
    {
        double mw = 0;
        for (var i = 0; i < Count; i++)
        {
            var c = Specs[i].Class;
            if (!c.IsGeneration()) continue;
            var output = Specs[i].CapacityMw * Availability(i) * Generation.CapacityFactor(c, localHour, factors);
            // Nuclear units unload or trip when the substations that carry their output are hit (reference section 2.2).
            mw += c == AssetClass.Nuclear ? output * transmissionAvailability : output;
        }
        return mw;
    }

    /// <summary>Nuclear output now: the part of <see cref="GenerationMw"/> that trips can take away.</summary>
    public double NuclearMw(double transmissionAvailability, IReadOnlyList<double> factors)
    {
        double mw = 0;
        for (var i = 0; i < Count; i++)
        {
            if (Specs[i].Class != AssetClass.Nuclear) continue;
            mw += Specs[i].CapacityMw * Availability(i) * Generation.CapacityFactor(AssetClass.Nuclear, 0, factors) * transmissionAvailability;
        }
        return mw;
    }

    /// <summary>Share of district heat still produced: plants not listed (small boiler houses) are assumed running.</summary>
    public double HeatAvailability()
    {
        var lost = 0.0;
        for (var i = 0; i < Count; i++)
        {
            lost += Specs[i].HeatShare * DamageTable.CapacityLoss(Specs[i].Class, State[i]);
        }
        return Math.Clamp(1 - lost, 0, 1);
    }

    public int DamagedCount()
    {
        var n = 0;
        for (var i = 0; i < Count; i++)
        {
            if (State[i] != DamageState.None) n++;
        }
        return n;
    }
}
