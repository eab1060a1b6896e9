using System.Runtime.CompilerServices;
using SimGrid.Model.Grid;
using SimGrid.Model.Physics;

namespace SimGrid.Model.Assets;

/// <summary>A region's assets as parallel arrays (no allocation per tick): class, capacity, damage and repair work left.</summary>
public sealed partial class AssetBook
{
    private long damageSequence;

    public AssetBook(IReadOnlyList<AssetSpec> specs)
    {
        Count = specs.Count;
        this.specs = [.. specs];
        // Summed in asset order, as the strike draw and the repair ranking summed them each time they needed one.
        classCapacityMw = new double[Enum.GetValues<AssetClass>().Length];
        foreach (var spec in this.specs) classCapacityMw[(int)spec.Class] += spec.CapacityMw;
        state = new DamageState[Count];
        workLeft = new double[Count];
        switchingLeft = new double[Count];
        damagedAt = new long[Count];
        teams = new int[Count];
        standing = new bool[Count];
        awaitingSpare = new bool[Count];
        spareDeadline = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            state[i] = specs[i].InitialDamage;
            standing[i] = specs[i].InitialDamage != DamageState.None && !specs[i].RepairInitialDamage;
        }
    }

    public int Count { get; }

    /// <summary>A copy of this state for a forecast branch (nothing shared that either side changes).</summary>
    public AssetBook Fork()
    {
        var copy = (AssetBook)MemberwiseClone();
        (copy.state, copy.workLeft, copy.switchingLeft, copy.damagedAt) = ([.. state], [.. workLeft], [.. switchingLeft], [.. damagedAt]);
        (copy.teams, copy.standing, copy.awaitingSpare, copy.spareDeadline) = ([.. teams], [.. standing], [.. awaitingSpare], [.. spareDeadline]);
        return copy;
    }

    // The state, per asset, behind the verbs below: callers read it as spans and change it only through the verbs, so
    // the rule that what changes capacity bumps Version lives here and nowhere else.
    private DamageState[] state;
    private double[] workLeft, switchingLeft;
    private long[] damagedAt;
    private int[] teams, spareDeadline;
    private bool[] standing, awaitingSpare;

    /// <summary>Changes whenever damage, switching or a spare changes what the assets can do: lets callers cache aggregates.</summary>
    public int Version { get; private set; }

    // An array, not the list it came from: the hot loops read it every tick, and through the interface each read was a
    // call the runtime inlined only when its profile guided it (bench `kernel` ran at 145 or 220 runs/s by that luck).
    private readonly AssetSpec[] specs;

    public IReadOnlyList<AssetSpec> Specs => specs;

    public AssetSpec Spec(int i) => specs[i];

    public double CapacityMw(int i) => specs[i].CapacityMw;

    // The capacity of each asset class here: specs never change, so it is summed once.
    private readonly double[] classCapacityMw;

    /// <summary>The combined capacity of this region's assets of class <paramref name="c"/> (0 when it has none).</summary>
    public double ClassCapacityMw(AssetClass c) => classCapacityMw[(int)c];

    public ReadOnlySpan<DamageState> State => state;

    /// <summary>Repair work still needed (team-hours; the full complement of teams does it in its elapsed hours).</summary>
    public ReadOnlySpan<double> WorkLeftHours => workLeft;

    /// <summary>Emergency switching still needed (team-hours) before a damaged substation's customers are fed another way.</summary>
    public ReadOnlySpan<double> ReconnectLeftHours => switchingLeft;

    /// <summary>Order in which assets were last damaged (0: never): FIFO ranks by it.</summary>
    public ReadOnlySpan<long> DamagedAt => damagedAt;

    /// <summary>Repair teams working on each asset now.</summary>
    public ReadOnlySpan<int> Teams => teams;

    public bool IsCrewed(int i) => teams[i] > 0;

    /// <summary>Damage the grid stood with at the start and nobody repairs (a destroyed plant written off).</summary>
    public ReadOnlySpan<bool> Standing => standing;

    /// <summary>A substation destroyed outright waits for a spare large transformer (or a new one by its deadline).</summary>
    public ReadOnlySpan<bool> AwaitingSpare => awaitingSpare;

    public ReadOnlySpan<int> SpareDeadlineTick => spareDeadline;

    /// <summary>One more team goes to asset <paramref name="i"/>.</summary>
    public void AssignTeam(int i) => teams[i]++;

    /// <summary>Every team on asset <paramref name="i"/> leaves it; returns how many.</summary>
    public int ReleaseTeams(int i)
    {
        var released = teams[i];
        teams[i] = 0;
        return released;
    }

    /// <summary>Does <paramref name="teamHours"/> of switching on asset <paramref name="i"/>; true when its customers are fed another way now.</summary>
    public bool Switch(int i, double teamHours)
    {
        if (switchingLeft[i] <= 0) return false;
        switchingLeft[i] = Math.Max(0, switchingLeft[i] - teamHours);
        if (switchingLeft[i] > 0) return false;
        Version++;
        return true;
    }

    /// <summary>Does <paramref name="teamHours"/> of repair on asset <paramref name="i"/>; true when it is whole again (its teams are then off it).</summary>
    public bool Repair(int i, double teamHours)
    {
        workLeft[i] -= teamHours;
        if (workLeft[i] > 0) return false;
        Restore(i);
        return true;
    }

    /// <summary>Sets the work an asset still needs (team-hours of repair and of switching), as an observation or a test would.</summary>
    public void SetWorkLeft(int i, double repairTeamHours, double switchingTeamHours)
    {
        workLeft[i] = repairTeamHours;
        if ((switchingLeft[i] > 0) != (switchingTeamHours > 0)) Version++;
        switchingLeft[i] = switchingTeamHours;
    }

    /// <summary>
    /// Draws the work a freshly damaged asset needs: repair hours and, for a substation, emergency switching hours;
    /// a destroyed substation also needs a large transformer, from the national stock or after the lead time.
    /// </summary>
    public void AssignWork(int i, Random rng, int tick, int transformerLeadTicks)
    {
        Version++;
        var c = specs[i].Class;
        var s = state[i];
        // Drawn as elapsed hours for a full complement of teams, kept as team-hours: fewer teams take longer.
        var complement = c.IsGeneration() ? 1 : RepairTable.MaxTeams(c);
        workLeft[i] = complement * RepairTable.DrawHours(rng, RepairTable.MedianHours(c, s));
        var reconnect = RepairTable.MedianReconnectionHours(c, s);
        switchingLeft[i] = reconnect > 0 ? complement * RepairTable.DrawHours(rng, reconnect) : 0;
        if (c.IsTransmission() && s == DamageState.Complete && !awaitingSpare[i])
        {
            awaitingSpare[i] = true;
            spareDeadline[i] = tick + transformerLeadTicks;
        }
    }

    /// <summary>Destroyed substations waiting for a spare large transformer.</summary>
    public int SpareRequests()
    {
        Recount();
        return spareRequests;
    }

    /// <summary>
    /// Nothing for teams or switching to do: no damage from this run, nothing to reroute, no transformer awaited
    /// (standing damage is nobody's work). Most regions most of the time: their teams' tick can be skipped.
    /// </summary>
    public bool NothingToDo
    {
        get
        {
            Recount();
            return nothingToDo;
        }
    }

    /// <summary>
    /// A hit transmission substation's load is still being switched to other paths (whether switching starts or ends
    /// bumps <see cref="Version"/>, so this is counted once per version like the rest).
    /// </summary>
    public bool TransmissionSwitching
    {
        get
        {
            Recount();
            return transmissionSwitching;
        }
    }

    // Counts that change only with Version, taken once per version rather than every tick.
    private int countedVersion = -1, spareRequests, damagedCount;
    private bool nothingToDo, transmissionSwitching;

    private void Recount()
    {
        if (countedVersion == Version) return;
        (spareRequests, damagedCount, nothingToDo, transmissionSwitching) = (0, 0, true, false);
        for (var i = 0; i < Count; i++)
        {
            if (awaitingSpare[i]) spareRequests++;
            if (state[i] != DamageState.None) damagedCount++;
            if (NeedsRepair(i) || switchingLeft[i] > 0 || awaitingSpare[i]) nothingToDo = false;
            if (switchingLeft[i] > 0 && specs[i].Class.IsTransmission()) transmissionSwitching = true;
        }
        countedVersion = Version;
    }

    /// <summary>Hands granted spares to waiting substations in asset order; a new transformer arrives at the deadline anyway.</summary>
    public void ReceiveSpares(int granted, int tick)
    {
        // Nothing waits for a transformer (counted per version: waiting starts and ends with a version change).
        if (SpareRequests() == 0) return;
        for (var i = 0; i < Count; i++)
        {
            if (!awaitingSpare[i]) continue;
            if (granted > 0)
            {
                granted--;
                awaitingSpare[i] = false;
                Version++;
            }
            else if (tick >= spareDeadline[i])
            {
                awaitingSpare[i] = false;
                Version++;
            }
        }
    }

    /// <summary>Observed damage: the asset is in this state now, whatever the model thought.</summary>
    public void Observe(int i, DamageState observed)
    {
        if (damagedAt[i] == 0) AssetsHit++;
        state[i] = observed;
        damagedAt[i] = ++damageSequence;
        standing[i] = false;
        Version++;
    }

    /// <summary>A plant or substation returned to service by an event: whatever its damage, it is whole again.</summary>
    public void ReturnToService(string assetId)
    {
        for (var i = 0; i < Count; i++)
        {
            if (specs[i].Id != assetId) continue;
            Restore(i);
            standing[i] = false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public AssetClass Class(int i) => specs[i].Class;

    public double Availability(int i) => DamageTable.Availability(specs[i].Class, state[i]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool NeedsRepair(int i) => state[i] != DamageState.None && !standing[i];

    /// <summary>Distinct assets hit by strikes so far.</summary>
    public int AssetsHit { get; private set; }

    /// <summary>A hit moves the asset to the drawn state, or one state worse when it is already at least that damaged.</summary>
    public DamageState Hit(int i, DamageState drawn)
    {
        if (damagedAt[i] == 0) AssetsHit++;
        Version++;
        var current = state[i];
        var next = drawn > current ? drawn : (DamageState)Math.Min((int)current + 1, (int)DamageState.Complete);
        state[i] = next;
        damagedAt[i] = ++damageSequence;
        standing[i] = false;
        return next;
    }

    public void Restore(int i)
    {
        Version++;
        state[i] = DamageState.None;
        workLeft[i] = 0;
        switchingLeft[i] = 0;
        awaitingSpare[i] = false;
        teams[i] = 0;
    }
}
