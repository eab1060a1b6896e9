using MathNet.Numerics.Distributions;
using SimGrid.Model.Randomness;
using SimGrid.Model.Scenario;
using SimGrid.Model.Protocol;

namespace SimGrid.Model.Simulation;

/// <summary>
/// Phase 1, national part: splits the weapons due in a tick among their target regions (a multinomial draw by weight)
/// from one national stream; each region then resolves its own weapons.
/// </summary>
public sealed class StrikeAllocator
{
    private readonly IReadOnlyList<PlannedSalvo> plan;
    private Random rng;
    private readonly List<StrikeOrder>[] orders;

    public StrikeAllocator(RunSetup run, IReadOnlyList<PlannedSalvo> plan)
    {
        this.plan = plan;
        rng = RandomStreams.Create(run.Seed, run.Replication, "national", "targeting");
        orders = [.. run.Scenario.Grid.Regions.Select(_ => new List<StrikeOrder>())];
    }

    /// <summary>Future targeting draws from another replication's stream (forecasts).</summary>
    public void Reseed(RunSetup run, int replication) => rng = RandomStreams.Create(run.Seed, replication, "national", "targeting");

    /// <summary>The orders of each region (grid order) for this tick; valid until the next call.</summary>
    public List<StrikeOrder>[] Allocate(int tick)
    {
        foreach (var list in orders) list.Clear();
        for (var k = 0; k < plan.Count; k++)
        {
            var salvo = plan[k];
            var due = salvo.DueAt(tick);
            if (due == 0) continue;
            if (salvo.RegionIndices.Count == 1)
            {
                orders[salvo.RegionIndices[0]].Add(new StrikeOrder(salvo.Index, due));
                continue;
            }
            var counts = Multinomial.Sample(rng, [.. salvo.Weights], due);
            for (var i = 0; i < counts.Length; i++)
            {
                if (counts[i] > 0) orders[salvo.RegionIndices[i]].Add(new StrikeOrder(salvo.Index, counts[i]));
            }
        }
        return orders;
    }
}
