using SimGrid.Model.Grid;

namespace SimGrid.Model.Physics;

/// <summary>Share of an undamaged plant's capacity it delivers at a given local hour in winter.</summary>
public static class Generation
{
    /// <param name="factors">Capacity factor by generation class, in <see cref="AssetClass"/> order.</param>
    /// <param name="hydroShape">Hydro output by local hour relative to its daily mean (<see cref="PeakFollowing"/>); none: flat.</param>
    public static double CapacityFactor(AssetClass c, int localHour, ReadOnlySpan<double> factors, ReadOnlySpan<double> hydroShape = default)
    {
        if (!c.IsGeneration()) return 0;
        return c switch
        {
            AssetClass.Solar => factors[(int)c] * SolarShape(localHour),
            AssetClass.Hydro when !hydroShape.IsEmpty => Math.Min(1, factors[(int)c] * hydroShape[localHour]),
            _ => factors[(int)c],
        };
    }

    /// <summary>
    /// Hydro and pumped-storage output by local hour, relative to its daily mean: the day's water is spent on the load
    /// above the night's minimum, in proportion to it [E]. Ukrhydroenergo's plants cover the morning and evening peaks
    /// and regulate frequency (reference section 2.1: 5.7 GW, the system's manoeuvrable capacity), and low winter water
    /// limits their energy, not their power: run flat, the model put a night surplus beside an evening deficit that
    /// the operator would have shifted. Same daily energy as the capacity factor gives.
    /// </summary>
    public static double[] PeakFollowing(IReadOnlyList<double> loadShape)
    {
        var min = loadShape.Min();
        var mean = loadShape.Average() - min;
        return mean <= 0 ? [.. loadShape.Select(_ => 1.0)] : [.. loadShape.Select(l => (l - min) / mean)];
    }

    /// <summary>
    /// Winter daylight 08:00-16:00 (Kyiv: sunrise ~07:45, sunset ~16:30 in January): a triangle from 0 to 1 at 12:00
    /// and back [E]; snow and low sun are in the solar capacity factor, which sets its height.
    /// </summary>
    private static double SolarShape(int hour) => hour is < 8 or >= 16 ? 0 : 1 - (Math.Abs(hour + 0.5 - 12) / 4);
}
