using SimGrid.Model.Grid;

namespace SimGrid.Model.Physics;

/// <summary>Share of an undamaged plant's capacity it delivers at a given local hour in winter.</summary>
public static class Generation
{
    /// <summary>
    /// Defaults when a grid file gives none, by <see cref="AssetClass"/> order (generation classes only) [E];
    /// for solar, the midday peak share.
    /// </summary>
    public static readonly IReadOnlyList<double> DefaultFactors = [0.85, 0.6, 0.85, 0.3, 0.9, 0.25, 0.3];

    /// <param name="factors">Capacity factor by generation class, in <see cref="AssetClass"/> order.</param>
    public static double CapacityFactor(AssetClass c, int localHour, IReadOnlyList<double> factors) =>
        !c.IsGeneration() ? 0 : c == AssetClass.Solar ? factors[(int)c] * SolarShape(localHour) : factors[(int)c];

    /// <summary>
    /// Winter daylight 08:00-16:00 (Kyiv: sunrise ~07:45, sunset ~16:30 in January): a triangle from 0 to 1 at 12:00
    /// and back [E]; snow and low sun are in the solar capacity factor, which sets its height.
    /// </summary>
    private static double SolarShape(int hour) => hour is < 8 or >= 16 ? 0 : 1 - (Math.Abs(hour + 0.5 - 12) / 4);
}
