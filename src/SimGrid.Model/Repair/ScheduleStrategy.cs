using Google.OrTools.Sat;
using SimGrid.Model.Grid;
using SimGrid.Model.Physics;
using SimGrid.Model.Region;
using SimGrid.Model.Assets;

namespace SimGrid.Model.Repair;

/// <summary>
/// <c>optimal-schedule</c>: a rolling-horizon repair schedule solved with OR-Tools CP-SAT. Whenever the region's damage
/// changes, the waiting jobs are scheduled on the region's teams (each job needs its full complement of teams for its
/// elapsed time; a cumulative constraint caps the teams at work) to minimise the customer-weighted completion time;
/// free teams then take jobs in the order of their planned start. The solver runs single-threaded with a fixed seed and
/// a deterministic time budget, so the same state always gives the same schedule.
/// </summary>
public sealed class ScheduleStrategy : IRepairStrategy
{
    /// <summary>CP-SAT's deterministic time budget per schedule: reproducible, unlike a wall-clock limit.</summary>
    private const double DeterministicSeconds = 0.5;

    private static readonly LargestLoadFirstStrategy Fallback = new();

    private int plannedVersion = -1;
    private int[] order = [];

    /// <summary>A copy with the same plan, so a branch picks as the run it branched from would.</summary>
    public IRepairStrategy Fork() => new ScheduleStrategy { plannedVersion = plannedVersion, order = [.. order] };

    public int PickNext(AssetBook assets, RegionSpec region)
    {
        if (plannedVersion != assets.Version)
        {
            order = Plan(assets, region);
            plannedVersion = assets.Version;
        }
        foreach (var i in order)
        {
            if (RepairTeams.HasWork(assets, i)) return i;
        }
        // Work that appeared without a new plan (a team freed by a finished switching): fall back on the best ratio.
        return Fallback.PickNext(assets, region);
    }

    private static int[] Plan(AssetBook assets, RegionSpec region)
    {
        var jobs = Enumerable.Range(0, assets.Count).Where(i => RepairTeams.HasWork(assets, i) || assets.IsCrewed(i)).ToList();
        if (jobs.Count <= 1) return [.. jobs];
        var capacity = Math.Max(1, region.Crews);
        var model = new CpModel();
        var teams = jobs.Select(i => (long)Math.Min(capacity, RepairTable.MaxTeams(assets.Class(i)))).ToArray();
        var hours = jobs.Select((i, k) => (long)Math.Max(1, Math.Ceiling(RepairValue.NextJobHours(assets, i) / teams[k]))).ToArray();
        var horizon = hours.Sum();
        var values = jobs.Select(i => RepairValue.CustomersBack(assets, i, region)).ToArray();
        var top = Math.Max(1e-9, values.Max());
        var ends = new IntVar[jobs.Count];
        var starts = new IntVar[jobs.Count];
        var intervals = new IntervalVar[jobs.Count];
        for (var k = 0; k < jobs.Count; k++)
        {
            starts[k] = model.NewIntVar(0, horizon, $"s{k}");
            ends[k] = model.NewIntVar(0, horizon, $"e{k}");
            intervals[k] = model.NewIntervalVar(starts[k], hours[k], ends[k], $"i{k}");
        }
        model.AddCumulative(capacity).AddDemands(intervals, teams);
        // Weights scaled to integers; every job counts at least a little so that none is left for last without reason.
        var weights = values.Select(v => 1 + (long)Math.Round(1000 * v / top)).ToArray();
        model.Minimize(LinearExpr.WeightedSum(ends, weights));

        var solver = new CpSolver
        {
            StringParameters = $"num_workers:1 random_seed:7 max_deterministic_time:{DeterministicSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return [.. jobs];
        return [.. Enumerable.Range(0, jobs.Count)
            .OrderBy(k => solver.Value(starts[k])).ThenByDescending(k => values[k]).ThenBy(k => jobs[k])
            .Select(k => jobs[k])];
    }
}
