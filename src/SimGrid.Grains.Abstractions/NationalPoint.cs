using SimGrid.Model.Region;

namespace SimGrid.Grains.Abstractions;

/// <summary>
/// One tick's national totals as a live page draws them: a compact point of the run's series, so that a page that
/// connects mid-run gets the whole curve so far (a year of 15-minute ticks is about 1.4 MB).
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct NationalPoint(
    [property: Id(0)] int Tick,
    [property: Id(1)] double PeopleOffRolling,
    [property: Id(2)] double PeopleOffDamage,
    [property: Id(3)] double PeopleWithoutHeat,
    [property: Id(4)] double ShortfallMw,
    [property: Id(5)] int WeaponsHit)
{
    /// <summary>The point of a tick's national sum (see NationalModel.Sum).</summary>
    public static NationalPoint Of(in RegionTickRecord national) => new(national.Tick, national.PeopleOffRolling,
        national.PeopleOffDamage, national.PeopleWithoutHeat, Math.Max(0, national.DemandMw - national.ServedMw), national.WeaponsHit);
}
