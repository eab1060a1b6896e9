using SimGrid.Model.Grid;

namespace SimGrid.Model.Physics;

/// <summary>Share of an undamaged plant's capacity it delivers at a given local hour in winter.</summary>
public static class Generation
{
    public static double CapacityFactor(AssetClass c, int localHour) => c switch
    {
        AssetClass.Nuclear => 0.95,
        AssetClass.Thermal => 0.80,   // coal units on a damaged fleet, fuel-limited [E]
        AssetClass.Chp => 0.85,
        AssetClass.Hydro => 0.45,     // winter water, used for peaks; daily mean [E]
        AssetClass.Gas => 0.90,
        AssetClass.Solar => SolarWinter(localHour),
        AssetClass.Wind => 0.30,
        _ => 0,
    };

    /// <summary>Winter solar: daylight 08:00-16:00, a triangle peaking at 12:00 at 25% of capacity (snow and low sun) [E].</summary>
    private static double SolarWinter(int hour) => hour is < 8 or >= 16 ? 0 : 0.25 * (1 - (Math.Abs(hour + 0.5 - 12) / 4));
}
