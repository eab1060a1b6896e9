using SimGrid.Model.Grid;
using SimGrid.Model.Scenario;

namespace SimGrid.Model.Region;

/// <summary>What happens to a region besides strikes: timed events of the scenario and live events injected while it plays.</summary>
public sealed partial class RegionModel
{
    /// <summary>A live event for this region, effective from <paramref name="tick"/> (the next tick to be played).</summary>
    public void Inject(LiveEvent e, int tick)
    {
        switch (e.Kind)
        {
            case LiveEventKind.Damage:
                for (var i = 0; i < assets.Count; i++)
                {
                    if (assets.Spec(i).Id != e.Asset) continue;
                    teams.Release(assets, i);
                    if (e.Damage == DamageState.None) assets.ReturnToService(e.Asset);
                    else
                    {
                        assets.Observe(i, e.Damage);
                        assets.AssignWork(i, strikes.Rng, tick, setup.TransformerLeadTicks);
                    }
                }
                break;
            case LiveEventKind.Crews:
                teams.AddTeams(e.Count);
                break;
            case LiveEventKind.Weather:
                weatherOverrideC = e.Value;
                weatherOverrideUntil = tick + (int)Math.Ceiling(e.Hours / setup.TickHours);
                break;
            case LiveEventKind.Strike:
            case LiveEventKind.ImportLimit:
            default:
                break;
        }
    }

    private void ApplyEvents(int tick)
    {
        foreach (var (at, e) in setup.TimedEvents())
        {
            if (at != tick) continue;
            switch (e.Kind)
            {
                case EventKind.CrewsArrive:
                    teams.AddTeams((int)e.Value);
                    break;
                case EventKind.AssetReturns:
                    for (var i = 0; i < assets.Count; i++)
                    {
                        if (assets.Spec(i).Id == e.Asset) teams.Release(assets, i);
                    }
                    assets.ReturnToService(e.Asset!);
                    break;
                case EventKind.SparesDelivered:
                case EventKind.ImportLimit:
                default:
                    break;
            }
        }
    }
}
