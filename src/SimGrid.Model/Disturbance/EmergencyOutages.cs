namespace SimGrid.Model.Disturbance;

/// <summary>
/// Emergency outages: load disconnected at once when an attack takes away part of what feeds it, before operators
/// rebalance the grid and go back to schedules. Reports describe whole oblasts dark after a night (Kharkiv 100% and
/// Ternopil 90% on 15 Nov 2022, C24; Kherson on 13 Dec 2025, C9; Odesa on 17 Nov 2024, C19) and most of it back
/// within hours to a day (C19, C10, A9). Fair-shared rolling schedules alone never darken a whole oblast.
/// A share of the region's customers, counted with the damage-caused outages (the attack cut them off).
/// </summary>
public sealed class EmergencyOutages
{
    /// <summary>
    /// Transmission availability below which an oblast is cut off from the grid: its substations normally carry
    /// <see cref="Physics.RepairTable.SubstationLoading"/> of their capacity (N-1), so once more of its 750/330 kV capacity is
    /// gone than that leaves spare, the standing ones take on more load than they can carry when the hit ones drop out,
    /// overload protection trips them too, and the oblast goes dark at once (Kharkiv 100% and Ternopil 90% on
    /// 15 Nov 2022, C24; Kherson on 13 Dec 2025, C9; Odesa on 17 Nov 2024, C19). The same limit bounds what switching can
    /// carry afterwards. It was a separate estimate, 0.5, until 2026-12-01: Odesa's blackout of 17 Nov 2024 then hit with
    /// 7 of ten seeds, now 9.
    /// </summary>
    public const double IslandBelow = Physics.RepairTable.SubstationLoading;

    /// <summary>
    /// e-folding time of the restoration once the attack on the region is over [E]: "most regions restored within
    /// hours" (C19), 360,000 of 600,000 homes back the same afternoon (C10), Kyiv's left bank back on schedules within
    /// a day (A9): 3 h brings 90% back in about 7 h.
    /// </summary>
    public const double RestoreHours = 3;

    /// <summary>
    /// Reserve that answers a sudden loss within seconds to minutes [E]: a system holds at least its largest single
    /// infeed (the N-1 reference incident; in Ukraine a 1,000 MW VVER unit, S26-S28). Spare thermal capacity takes
    /// hours to start, so beyond this a loss is shed first and rebalanced later.
    /// </summary>
    public const double FastReserveMw = 1000;

    /// <summary>What covers a sudden loss at once, given the spare generation and import headroom of the tick.</summary>
    public static double FastReserve(double spareMw) => Math.Min(Math.Max(0, spareMw), FastReserveMw);

    private double local, national;

    /// <summary>A copy of this state for a forecast branch (nothing shared that either side changes).</summary>
    public EmergencyOutages Fork() => (EmergencyOutages)MemberwiseClone();

    /// <summary>Share of customers off by emergency disconnection now.</summary>
    public double Share => 1 - ((1 - local) * (1 - national));

    /// <summary>
    /// The region's transmission availability (0-1 of its 750/330 kV capacity) fell from <paramref name="before"/> to
    /// <paramref name="after"/>: when it falls below <see cref="IslandBelow"/>, the region is cut off from the grid and
    /// all the load its own plants cannot carry (1 - <paramref name="localGenerationShare"/>) goes dark at once.
    /// </summary>
    public void TransmissionLost(double before, double after, double localGenerationShare)
    {
        if (after < IslandBelow && before >= IslandBelow) local = Add(local, 1 - Math.Clamp(localGenerationShare, 0, 1));
    }

    /// <summary>Load shed nationally after a sudden loss of generation, as a share of the customers still connected.</summary>
    public void Shed(double share)
    {
        if (share > 0) national = Add(national, share);
    }

    /// <summary>
    /// Operators reconnect: a region's own emergency once the attack on it is over, a national shed at once (it
    /// depends on the balance of the whole grid, not on what is still falling on this region).
    /// </summary>
    public void Restore(double hours, bool underAttack)
    {
        var keep = Math.Exp(-hours / RestoreHours);
        if (!underAttack) local = Clean(local * keep);
        national = Clean(national * keep);
    }

    private static double Add(double share, double more) => Math.Min(1, share + ((1 - share) * Math.Min(1, more)));

    private static double Clean(double share) => share < 1e-6 ? 0 : share;
}
