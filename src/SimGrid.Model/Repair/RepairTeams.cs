using MathNet.Numerics.Distributions;
using SimGrid.Model.Grid;
using SimGrid.Model.Physics;
using SimGrid.Model.Region;

namespace SimGrid.Model.Repair;

/// <summary>
/// A region's grid repair teams: one team per damaged asset, idle while an attack on the region is under way, slowed by cold.
/// Emergency switching (feeding a damaged substation's customers another way) goes on around the clock; repairs proper
/// are done in day shifts. A team on a destroyed substation that waits for a transformer is released meanwhile.
/// Power plants are repaired by their own staff at the same cold-slowed pace.
/// </summary>
public sealed class RepairTeams(RegionSpec region, int teams, IRepairStrategy strategy)
{
    /// <summary>Repair shifts run 06:00-22:00 local time; no repair work at night. An estimate.</summary>
    public const int ShiftStartHour = 6;
    public const int ShiftEndHour = 22;

    public int Teams { get; private set; } = teams;

    public int Busy { get; private set; }

    /// <summary>A lognormal draw around a median, with the spread of <see cref="RepairTable.Sigma"/>.</summary>
    public static double DrawHours(Random rng, double medianHours) =>
        LogNormal.Sample(rng, Math.Log(medianHours), RepairTable.Sigma);

    /// <summary>Whether a free team could work on asset i now: switching to do, or a repair not held up by a missing transformer.</summary>
    public static bool HasWork(AssetBook assets, int i) =>
        assets.NeedsRepair(i) && !assets.Crewed[i] && !assets.Class(i).IsGeneration() &&
        (assets.ReconnectLeftHours[i] > 0 || !assets.AwaitingSpare[i]);

    public void AddTeams(int count) => Teams = Math.Max(Busy, Teams + count);

    public int Idle => Teams - Busy;

    /// <summary>Team-hours of the jobs no team has taken yet.</summary>
    public static double BacklogHours(AssetBook assets)
    {
        double hours = 0;
        for (var i = 0; i < assets.Count; i++)
        {
            if (HasWork(assets, i)) hours += RepairValue.NextJobHours(assets, i);
        }
        return hours;
    }

    public void Work(AssetBook assets, double hours, double temperatureC, int localHour, bool underAttack)
    {
        // Repairs start only after the all-clear (reference section 5, C5).
        if (underAttack) return;
        var done = hours * RepairTable.ColdEfficiency(temperatureC);
        var inShift = localHour is >= ShiftStartHour and < ShiftEndHour;

        while (Busy < Teams)
        {
            var next = strategy.PickNext(assets, region);
            if (next < 0) break;
            assets.Crewed[next] = true;
            Busy++;
        }

        for (var i = 0; i < assets.Count; i++)
        {
            if (assets.Crewed[i])
            {
                if (assets.ReconnectLeftHours[i] > 0)
                {
                    assets.ReconnectLeftHours[i] = Math.Max(0, assets.ReconnectLeftHours[i] - done);
                }
                else if (assets.AwaitingSpare[i])
                {
                    assets.Crewed[i] = false;
                    Busy--;
                }
                else if (inShift && Progress(assets, i, done))
                {
                    Busy--;
                }
            }
            else if (inShift && assets.Class(i).IsGeneration() && assets.NeedsRepair(i))
            {
                Progress(assets, i, done);
            }
        }
    }

    /// <summary>Frees the team of an asset that was restored by other means (an event).</summary>
    public void Release(AssetBook assets, int i)
    {
        if (!assets.Crewed[i]) return;
        assets.Crewed[i] = false;
        Busy--;
    }

    /// <returns>Whether the asset is now fully repaired.</returns>
    private static bool Progress(AssetBook assets, int i, double done)
    {
        assets.WorkLeftHours[i] -= done;
        if (assets.WorkLeftHours[i] > 0) return false;
        assets.Restore(i);
        return true;
    }
}
