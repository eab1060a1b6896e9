namespace SimGrid.Model.Region;

/// <summary>
/// Something lost that crews bring back by other means long before the lost asset itself is repaired: after a
/// mobilisation, the part not yet covered shrinks at a first-order rate, and the cover gives way when the asset returns.
/// Used for heat (<see cref="HeatBackup"/>) and for supply no standing substation can carry (<see cref="TemporarySupply"/>).
/// </summary>
public sealed class Takeover(double mobiliseHours, double takeoverHours)
{
    private double sinceLoss;

    /// <summary>A copy of this state for a forecast branch (nothing shared that either side changes).</summary>
    public Takeover Fork() => (Takeover)MemberwiseClone();

    /// <summary>How much of what is lost is now covered by other means.</summary>
    public double Covered { get; private set; }

    /// <summary>
    /// What is lost when the run starts is the grid as it is: a plant down for months had its backups long before
    /// the run, so the standing loss is covered from the start rather than taken over as if it had just happened.
    /// </summary>
    public void Settle(double lost)
    {
        Covered = Math.Max(0, lost);
        coveredAtLoss = Covered;
        sinceLoss = 0;
    }

    /// <summary>
    /// Follows what is lost now; returns how much of it is covered. <paramref name="ready"/> is what standing backups
    /// take over at once when the mobilisation is over (0: everything comes at the first-order rate).
    /// </summary>
    public double Update(double lost, double hours, double ready = 0)
    {
        if (lost <= Covered)
        {
            // The asset is back (or less of it is lost): nothing needs cover beyond what is still lost.
            Covered = lost;
            coveredAtLoss = Covered;
            sinceLoss = 0;
            return Covered;
        }
        sinceLoss += hours;
        if (sinceLoss > mobiliseHours)
        {
            Covered = Math.Max(Covered, Math.Min(lost, coveredAtLoss + ready));
            Covered += (lost - Covered) * (1 - Math.Exp(-hours / takeoverHours));
        }
        return Covered;
    }

    // What was covered when the loss began: standing backups add to it, they do not cover it twice.
    private double coveredAtLoss;
}

/// <summary>
/// Heat that comes back without its plant. A CHP hit in winter stays down for months (Kyiv CHP-4 >= 2 months, A8), yet
/// most of the buildings it heated get heat back within days: the network is rerouted from other sources, and mobile
/// and backup gas boilers are brought in (Kyiv, January 2026: ~6,000 unheated buildings down to 16 in ten days, S40,
/// S41; Burshtyn town heated again in ~48 h by 8 + 10 MW gas boilers, C1). After a short mobilisation, standing backup
/// boilers take over a small loss at once (<see cref="ReadyShare"/>), and the rest is taken over at a first-order rate;
/// refilling drained buildings (HeatingSystems) comes on top.
/// </summary>
public static class HeatBackup
{
    /// <summary>Hours before backups start to take over after a plant is lost [E]: crews and mobile boilers mobilise overnight.</summary>
    public const double MobiliseHours = 12;

    /// <summary>
    /// e-folding time of the takeover [E, fitted]: set so that, with the 12 h mobilisation and the 48 h refill of drained
    /// buildings (each counted from the hour its own heat returned), Kyiv's ~6,000 unheated buildings of 9 January 2026
    /// fall to about 16 in ten days (S40, S41): 2,400 people (~10 buildings) left on day 10 with the case's seed, with
    /// the standing backups of <see cref="ReadyShare"/> (2,900 without them). It was 44 h while every drained building
    /// waited for one 48 h refill that started when the first of them had heat back.
    /// </summary>
    public const double TakeoverHours = 32;

    /// <summary>
    /// Share of a region's district heat that standing backup boilers take over at once, when the mobilisation is over
    /// [F]: Burshtyn town got its heat back in ~48 h from two gas boilers of 8 and 10 MW when its plant stopped (C1),
    /// about 5% of the district heat of its oblast (272,000 people at ~1.2 kW a person in frost). Beyond it, a loss is
    /// taken over at the first-order rate. Without it, a small town waited as long as half of Kyiv (about 134 h to a
    /// tenth). 0.1 scores the same; 0.2 brings Kyiv's buildings back faster than reported on 22 January 2026 (C3).
    /// </summary>
    public const double ReadyShare = 0.05;

    public static Takeover Create() => new(MobiliseHours, TakeoverHours);
}

/// <summary>
/// Supply that comes back without its substation. A destroyed 330 kV substation waits weeks for a transformer, and
/// what the standing substations cannot take (<see cref="RepairTable.SubstationLoading"/>) would stay dark as long; in
/// practice crews bring mobile substations and lay bypasses within days (Odesa, December 2022: all customers back in
/// about two days with 206 crews, S61, S62; Odesa, December 2025: 288,200 households off after three days, 62,300
/// after four, C9; ~700,000 consumers reconnected nationally within a week of 9 January 2026, C7).
/// </summary>
public static class TemporarySupply
{
    /// <summary>Hours before temporary schemes start to come in [E]: the same overnight mobilisation as heat backups.</summary>
    public const double MobiliseHours = HeatBackup.MobiliseHours;

    /// <summary>
    /// e-folding time of the takeover [E]: half of what no substation can carry back in about two and a half days, 90%
    /// in a week (C7's week; Odesa's three to four days). 36 and 48 h were tried: the hindcast scores within one outcome
    /// of each other, so the value follows the week-long national figure rather than any one night.
    /// </summary>
    public const double TakeoverHours = 72;

    public static Takeover Create() => new(MobiliseHours, TakeoverHours);
}
