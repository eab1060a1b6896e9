using SimGrid.Model.Grid;

namespace SimGrid.Model.Physics;

/// <summary>
/// How fast an unheated flat cools: Newton cooling toward the outdoor temperature, dT/dt = -(T - T_out) / tau.
/// tau comes from the housing experts' "time to lose heat" at -10 C outdoors (reference section 6), read as the time
/// to fall from 20 C to 12 C: tau = t / ln(30 / 22).
/// </summary>
public static class Cooling
{
    public const double HeatedIndoorC = 20;
    public const double ComfortMinimumC = 16;   // Ukrainian indoor norm minimum (reference section 6, S65)

    private static readonly double LnRatio = Math.Log(30.0 / 22.0);

    /// <summary>Hours to fall from 20 C to 12 C at -10 C outdoors, by class (midpoints of the reported ranges).</summary>
    public static double HoursToLoseHeat(BuildingClass c) => c switch
    {
        BuildingClass.Panel16 => 7.5,        // 16-storey panel: 3-12 h
        BuildingClass.Panel9 => 18,          // 9-storey panel: 12-24 h
        BuildingClass.Khrushchovka => 36,    // 5-storey panel: ~36 h
        BuildingClass.Brick => 47.5,         // brick khrushchovka: 45-50 h
        BuildingClass.StalinBrick => 144,    // Stalin-era brick: 5-7 days
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static double TimeConstantHours(BuildingClass c) => HoursToLoseHeat(c) / LnRatio;

    /// <summary>Indoor temperature after <paramref name="hours"/> without heat (exact solution of the cooling law).</summary>
    public static double Step(double indoorC, double outdoorC, double hours, BuildingClass c) =>
        outdoorC + ((indoorC - outdoorC) * Math.Exp(-hours / TimeConstantHours(c)));
}
