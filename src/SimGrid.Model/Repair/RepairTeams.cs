using MathNet.Numerics.Distributions;
using SimGrid.Model.Grid;
using SimGrid.Model.Physics;
using SimGrid.Model.Region;

namespace SimGrid.Model.Repair;

/// <summary>
/// A region's grid repair teams: one team per damaged asset, working shifts, slowed by cold, idle while an attack is under way.
/// Power plants repair themselves (their own staff) at the same cold-slowed pace.
/// </summary>
public sealed class RepairTeams(int teams, IRepairStrategy strategy)
{
    /// <summary>Teams work 06:00-22:00 local time (two shifts); no grid work at night. An estimate.</summary>
    public const int ShiftStartHour = 6;
    public const int ShiftEndHour = 22;

    public int Busy { get; private set; }

    public static double DrawWorkHours(Random rng, AssetClass c, DamageState s) =>
        LogNormal.Sample(rng, Math.Log(RepairTable.MedianHours(c, s)), RepairTable.Sigma);

    public void Work(AssetBook assets, double hours, double temperatureC, int localHour, bool underAttack)
    {
        if (underAttack || localHour < ShiftStartHour || localHour >= ShiftEndHour) return;
        var done = hours * RepairTable.ColdEfficiency(temperatureC);

        while (Busy < teams)
        {
            var next = strategy.PickNext(assets);
            if (next < 0) break;
            assets.Crewed[next] = true;
            Busy++;
        }

        for (var i = 0; i < assets.Count; i++)
        {
            var byTeam = assets.Crewed[i];
            var byPlantStaff = assets.Class(i).IsGeneration() && assets.NeedsRepair(i);
            if (!byTeam && !byPlantStaff) continue;
            assets.WorkLeftHours[i] -= done;
            if (assets.WorkLeftHours[i] > 0) continue;
            assets.Restore(i);
            if (byTeam) Busy--;
        }
    }
}
