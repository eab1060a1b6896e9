using SimGrid.Model.Grid;
using SimGrid.Model.Physics;

namespace SimGrid.Model.Region;

/// <summary>
/// District-heated people without heat, pooled by building class, with the mean indoor temperature of each pool.
/// People who lose heat join a pool at 20 C; people whose heat returns leave it; the pool cools toward the outdoor temperature.
/// </summary>
public sealed class HeatPools
{
    private readonly BuildingClass[] classes;
    private readonly double[] shares;
    private double[] people;
    private double[] indoorC;

    /// <summary>A copy of this state for a forecast branch (nothing shared that either side changes).</summary>
    public HeatPools Fork()
    {
        var copy = (HeatPools)MemberwiseClone();
        copy.people = (double[])people.Clone();
        copy.indoorC = (double[])indoorC.Clone();
        return copy;
    }

    public HeatPools(IReadOnlyList<BuildingShare> buildings)
    {
        classes = [.. buildings.Select(b => b.Class)];
        shares = [.. buildings.Select(b => b.Share)];
        people = new double[classes.Length];
        indoorC = new double[classes.Length];
        Array.Fill(indoorC, Cooling.HeatedIndoorC);
    }

    public double PeopleWithoutHeat { get; private set; }

    /// <summary>People in unheated homes colder than the 16 C norm.</summary>
    public double PeopleBelow16C { get; private set; }

    /// <summary>Mean indoor temperature of unheated homes; 20 C when every home is heated.</summary>
    public double MeanIndoorC { get; private set; } = Cooling.HeatedIndoorC;

    public void Step(double unheatedPeople, double outdoorC, double hours)
    {
        double total = 0, below = 0, weighted = 0;
        for (var b = 0; b < classes.Length; b++)
        {
            var target = unheatedPeople * shares[b];
            if (target > people[b])
            {
                indoorC[b] = ((people[b] * indoorC[b]) + ((target - people[b]) * Cooling.HeatedIndoorC)) / target;
            }
            people[b] = target;
            if (target <= 0)
            {
                indoorC[b] = Cooling.HeatedIndoorC;
                continue;
            }
            indoorC[b] = Cooling.Step(indoorC[b], outdoorC, hours, classes[b]);
            total += target;
            weighted += target * indoorC[b];
            if (indoorC[b] < Cooling.ComfortMinimumC) below += target;
        }
        PeopleWithoutHeat = total;
        PeopleBelow16C = below;
        MeanIndoorC = total > 0 ? weighted / total : Cooling.HeatedIndoorC;
    }
}
