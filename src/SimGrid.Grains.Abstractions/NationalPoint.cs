using SimGrid.Model.Region;
using SimGrid.Model.Protocol;

namespace SimGrid.Grains.Abstractions;

/// <summary>
/// One tick's national totals as a live page draws them: a compact point of the run's series, so that a page that
/// connects mid-run gets the whole curve so far (a year of 15-minute ticks is about 1.1 MB).
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct NationalPoint(
    [property: Id(0)] int Tick,
    [property: Id(1)] double PeopleOffRolling,
    [property: Id(2)] double PeopleOffDamage,
    [property: Id(3)] double PeopleWithoutHeat)
{
    /// <summary>The point of a tick's national sum (see RegionTickRecord.Sum).</summary>
    public static NationalPoint Of(in RegionTickRecord national) =>
        new(national.Tick, national.PeopleOffRolling, national.PeopleOffDamage, national.PeopleWithoutHeat);
}
