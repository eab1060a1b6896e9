using System.Runtime.CompilerServices;
using SimGrid.Model.Grid;
using SimGrid.Model.Physics;
using SimGrid.Model.Region;
using SimGrid.Model.Assets;

namespace SimGrid.Model.Repair;

/// <summary>
/// A region's grid repair teams. Work is counted in team-hours; an asset takes up to <see cref="RepairTable.MaxTeams"/>
/// teams at once, so when teams are short, the strategy's order decides what comes back first. Teams are idle while an
/// attack on the region is under way and slowed by cold. Emergency switching of local networks (feeding a damaged zone's
/// customers another way) goes on around the clock; repairs proper are done in day shifts. A hit transmission
/// substation's load is rerouted by dispatchers and duty staff, not by these teams (<see cref="DispatchSwitching"/>). Teams on a destroyed substation that
/// waits for a transformer are released meanwhile. Power plants are repaired by their own staff at the same cold-slowed pace.
/// </summary>
public sealed class RepairTeams(RegionSpec region, int teams, IRepairStrategy strategy)
{
    /// <summary>Repair shifts run 06:00-22:00 local time; no repair work at night. An estimate.</summary>
    public const int ShiftStartHour = 6;
    public const int ShiftEndHour = 22;

    public int Teams { get; private set; } = teams;

    public int Busy { get; private set; }

    public int Idle => Teams - Busy;

    /// <summary>A copy of this state for a forecast branch (nothing shared that either side changes).</summary>
    public RepairTeams Fork() => new(region, Teams, strategy.Fork()) { Busy = Busy };

    /// <summary>Whether asset i could take one more team now: switching to do, or a repair not held up by a missing transformer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasWork(AssetBook assets, int i) =>
        assets.NeedsRepair(i) && !assets.Class(i).IsGeneration() && assets.Teams[i] < RepairTable.MaxTeams(assets.Class(i)) &&
        (CrewsSwitch(assets, i) || !assets.AwaitingSpare[i]);

    /// <summary>Whether asset i waits for switching that these teams do (local networks; not transmission substations).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CrewsSwitch(AssetBook assets, int i) => assets.ReconnectLeftHours[i] > 0 && !assets.Class(i).IsTransmission();

    /// <summary>Team-hours of the jobs that could still take teams.</summary>
    public static double BacklogHours(AssetBook assets)
    {
        if (assets.NothingToDo) return 0;
        double hours = 0;
        for (var i = 0; i < assets.Count; i++)
        {
            if (HasWork(assets, i)) hours += RepairValue.NextJobHours(assets, i);
        }
        return hours;
    }

    /// <summary>More teams than any region could field: arrivals beyond it are not counted (and the sum never wraps).</summary>
    public const int TeamLimit = 1_000_000;

    public void AddTeams(int count) => Teams = (int)Math.Clamp((long)Teams + count, Busy, TeamLimit);

    public void Work(AssetBook assets, double hours, double temperatureC, int localHour, bool underAttack)
    {
        if (assets.NothingToDo) return;
        DispatchSwitching(assets, hours * RepairTable.ColdEfficiency(temperatureC));
        // Repairs start only after the all-clear (reference section 5, C5).
        if (underAttack) return;
        var done = hours * RepairTable.ColdEfficiency(temperatureC);
        var inShift = localHour is >= ShiftStartHour and < ShiftEndHour;

        // One team at a time to the strategy's first choice that still has room.
        while (Busy < Teams)
        {
            var next = strategy.PickNext(assets, region);
            if (next < 0) break;
            assets.AssignTeam(next);
            Busy++;
        }

        for (var i = 0; i < assets.Count; i++)
        {
            var onIt = assets.Teams[i];
            if (onIt > 0)
            {
                if (CrewsSwitch(assets, i))
                {
                    assets.Switch(i, onIt * done);
                }
                else if (assets.AwaitingSpare[i])
                {
                    Release(assets, i);
                }
                else if (inShift && assets.Repair(i, onIt * done))
                {
                    Busy -= onIt;
                }
            }
            else if (inShift && assets.Class(i).IsGeneration() && assets.NeedsRepair(i))
            {
                assets.Repair(i, done);
            }
        }
    }

    /// <summary>
    /// Rerouting a hit transmission substation's load over the 110 kV network: switching orders from the dispatch centre
    /// carried out by the substations' duty staff, from the hit on, during an attack and at night, whatever the repair
    /// teams are doing [E]. Before, it waited for a free repair team after the all-clear, so a region short of teams
    /// kept a switched-off substation's customers dark for days behind long repairs. The work drawn for a full
    /// complement of teams is done at that pace: the hours drawn are the elapsed hours.
    /// </summary>
    private static void DispatchSwitching(AssetBook assets, double hours)
    {
        if (!assets.TransmissionSwitching) return;
        for (var i = 0; i < assets.Count; i++)
        {
            var c = assets.Class(i);
            if (c.IsTransmission()) assets.Switch(i, RepairTable.MaxTeams(c) * hours);
        }
    }

    /// <summary>Frees the teams of an asset (restored by other means, or waiting for a transformer).</summary>
    public void Release(AssetBook assets, int i) => Busy -= assets.ReleaseTeams(i);
}
