using SimGrid.Model.Scenario;
using SimGrid.Model.Protocol;

namespace SimGrid.Model.Simulation;

/// <summary>Every salvo of every wave, in file order, placed on the tick axis. Built the same way by the kernel and by every grain.</summary>
public static class StrikePlan
{
    public static IReadOnlyList<PlannedSalvo> Build(ScenarioSpec scenario)
    {
        var grid = scenario.Grid;
        var salvos = new List<PlannedSalvo>();
        foreach (var wave in scenario.Waves)
        {
            var start = Math.Clamp(TickAt(scenario, wave.Start, floor: true), 0, scenario.TickCount);
            var end = Math.Clamp(TickAt(scenario, wave.End, floor: false), start + 1, scenario.TickCount);
            if (start >= scenario.TickCount) continue;
            foreach (var salvo in wave.Salvos)
            {
                var weapon = grid.Weapon(salvo.Weapon) ?? throw new InvalidOperationException($"unknown weapon {salvo.Weapon}");
                List<int> regions;
                List<double> weights;
                if (salvo.AssetId is { } assetId)
                {
                    var owner = OwnerOf(scenario, assetId);
                    regions = [owner];
                    weights = [1.0];
                }
                else
                {
                    regions = [.. salvo.Regions.Select(r => grid.RegionIndex(r.Item))];
                    weights = [.. salvo.Regions.Select(r => r.Weight)];
                }
                salvos.Add(new PlannedSalvo(salvos.Count, salvo, weapon, start, end, regions, weights));
            }
        }
        return salvos;
    }

    public static int OwnerOf(ScenarioSpec scenario, string assetId)
    {
        var regions = scenario.Grid.Regions;
        for (var r = 0; r < regions.Count; r++)
        {
            foreach (var a in regions[r].Assets)
            {
                if (a.Id == assetId) return r;
            }
        }
        throw new InvalidOperationException($"unknown asset {assetId}");
    }

    private static int TickAt(ScenarioSpec scenario, DateTimeOffset time, bool floor)
    {
        var ticks = (double)(time - scenario.Start).Ticks / scenario.Tick.Ticks;
        return (int)(floor ? Math.Floor(ticks) : Math.Ceiling(ticks));
    }
}
