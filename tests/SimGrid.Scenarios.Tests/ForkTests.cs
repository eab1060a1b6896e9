using System.Text.Json;
using SimGrid.Model.Grid;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using SimGrid.Scenarios;

namespace SimGrid.Tests.Scenarios;

/// <summary>
/// A forecast branch forked from a run's state equals, byte for byte, the same branch replayed from the start: the
/// records of every tick and the summary. Checked on the library's scenarios with live events before and after the
/// branch point, for several branches, every repair strategy that keeps state, and the run branched from unchanged;
/// a forecast's branch kept without the results so far plays the same ticks.
/// </summary>
public class ForkTests
{
    private static readonly LiveEvent Strike = new(LiveEventKind.Strike, Weapon: "iskander-m", Count: 16,
        Regions: [new Weighted<string>("kharkiv", 1), new Weighted<string>("kyiv-city", 1)], Classes: [new Weighted<AssetClass>(AssetClass.Substation330, 1)], Hours: 0.5);

    private static readonly LiveEvent Weather = new(LiveEventKind.Weather, Value: -24, Hours: 36);

    private static readonly LiveEvent ImportLimit = new(LiveEventKind.ImportLimit, Value: 900);

    /// <summary>Each tick's records and the summary, as JSON: what must match to the bit.</summary>
    private static string Play(GridSimulation sim, int from, int to, IReadOnlyList<(int Tick, LiveEvent Event)> events, bool summarize = true)
    {
        var lines = new List<string>();
        for (var t = from; t < to; t++)
        {
            foreach (var (at, e) in events)
            {
                if (at == t) sim.Inject(e);
            }
            lines.Add(JsonSerializer.Serialize(sim.Step(t).ToArray()));
        }
        if (summarize) lines.Add(JsonSerializer.Serialize(sim.Summarize()));
        return string.Join('\n', lines);
    }

    [Theory]
    [InlineData("2026-02-03-overnight-strike.yaml", "fifo", 40)]
    [InlineData("2026-02-03-overnight-strike.yaml", "mutual-aid", 120)]
    [InlineData("2026-02-03-overnight-strike.yaml", "optimal-schedule", 60)]
    [InlineData("winter-week-three-waves.yaml", "critical-first", 200)]
    [InlineData("month-campaign.yaml", "largest-load-first", 900)]
    public void A_forked_branch_equals_the_replayed_one_byte_for_byte(string file, string strategy, int branchAt)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Repo.Scenarios, file));
        var run = new RunSetup(scenario, scenario.DefaultSeed, strategy, 0);
        // Events before the branch point, at it, and in the branch's future.
        var events = new List<(int, LiveEvent)> { (branchAt / 2, Strike), (branchAt, Strike), (branchAt, Weather), (branchAt + 8, ImportLimit), (branchAt + 20, Strike) };
        var end = Math.Min(scenario.TickCount, branchAt + 288);

        var trunk = new GridSimulation(run);
        Play(trunk, 0, branchAt, events);
        foreach (var replication in new[] { 1, 7 })
        {
            var replayed = new GridSimulation(run);
            Play(replayed, 0, branchAt, events);
            replayed.Reseed(replication);
            var expected = Play(replayed, branchAt, end, events);

            Assert.Equal(expected, Play(trunk.Branch(replication), branchAt, end, events));
            // A forecast's branch, without the results so far, plays the same ticks (and shares, never writes, the
            // trunk's results: the check below would see it).
            var ticksOnly = expected[..expected.LastIndexOf('\n')];
            Assert.Equal(ticksOnly, Play(trunk.Branch(replication, keepResults: false), branchAt, end, events, summarize: false));
        }
        // The run branched from goes on as if nothing had been forked from it.
        var undisturbed = new GridSimulation(run);
        Play(undisturbed, 0, branchAt, events);
        Assert.Equal(Play(undisturbed, branchAt, end, events), Play(trunk, branchAt, end, events));
    }
}
