namespace SimGrid.Model.Region;

/// <summary>
/// Heat that comes back without its plant. A CHP hit in winter stays down for months (Kyiv CHP-4 >= 2 months, A8), yet
/// most of the buildings it heated get heat back within days: the network is rerouted from other sources, and mobile
/// and backup gas boilers are brought in (Kyiv, January 2026: ~6,000 unheated buildings down to 16 in ten days, S40,
/// S41; Burshtyn town heated again in ~48 h by 8 + 10 MW gas boilers, C1). People whose plant is lost are taken over
/// by backups after a short mobilisation, at a first-order rate; refilling drained buildings (HeatingSystems) comes on top.
/// </summary>
public sealed class HeatBackup
{
    /// <summary>Hours before backups start to take over after a plant is lost [E]: crews and mobile boilers mobilise overnight.</summary>
    public const double MobiliseHours = 12;

    /// <summary>
    /// e-folding time of the takeover [E, fitted]: set so that, with the 12 h mobilisation and the 48 h refill of drained
    /// buildings, Kyiv's ~6,000 unheated buildings of 9 January 2026 fall to about 16 in ten days (S40, S41).
    /// </summary>
    public const double TakeoverHours = 44;

    private double sinceLoss;

    /// <summary>A copy of this state for a forecast branch (nothing shared that either side changes).</summary>
    public HeatBackup Fork() => (HeatBackup)MemberwiseClone();

    /// <summary>People whose lost plant's heat is now supplied by backups.</summary>
    public double Covered { get; private set; }

    /// <summary>Follows the people who lost heat with their plant; returns how many of them backups now heat.</summary>
    public double Update(double plantUnheated, double hours)
    {
        if (plantUnheated <= Covered)
        {
            // The plant is back (or less of it is lost): nobody needs the backups beyond what is still lost.
            Covered = plantUnheated;
            sinceLoss = 0;
            return Covered;
        }
        sinceLoss += hours;
        if (sinceLoss > MobiliseHours) Covered += (plantUnheated - Covered) * (1 - Math.Exp(-hours / TakeoverHours));
        return Covered;
    }
}
