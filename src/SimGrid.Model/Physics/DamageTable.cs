using SimGrid.Model.Grid;

namespace SimGrid.Model.Physics;

/// <summary>Share of an asset's capacity lost in each damage state (HAZUS electric power, modelling-references.md).</summary>
public static class DamageTable
{
    // Substations and plants: about 5%, 40%, 70%, 100% of equipment failed.
    private static readonly double[] Equipment = [0, 0.05, 0.40, 0.70, 1.0];

    // Distribution circuits: 4%, 12%, 50%, 80% of circuits failed.
    private static readonly double[] Circuits = [0, 0.04, 0.12, 0.50, 0.80];

    public static double CapacityLoss(AssetClass c, DamageState s) =>
        c == AssetClass.Distribution ? Circuits[(int)s] : Equipment[(int)s];

    public static double Availability(AssetClass c, DamageState s) => 1 - CapacityLoss(c, s);
}
