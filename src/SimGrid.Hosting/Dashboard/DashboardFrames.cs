using System.Globalization;
using SimGrid.Grains.Abstractions;
using SimGrid.Hosting.Api;
using SimGrid.Hosting.Live;
using SimGrid.Model.Grid;
using SimGrid.Model.Outputs;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using SimGrid.Model.Protocol;

namespace SimGrid.Hosting.Dashboard;

/// <summary>
/// What a live page is sent: one "init" frame when it connects (the run, its grid and everything so far) and one
/// "tick" frame per change (the new points of the series and the state now). Shares and counts are the model's own;
/// the page only draws them.
/// </summary>
public static class DashboardFrames
{
    /// <summary>Events shown in a frame, newest last: the page keeps a log of its own.</summary>
    private const int MaxEvents = 200;

    public static object Init(LiveRunInfo run, NationalPoint[] series)
    {
        var scenario = run.Setup.Scenario;
        var grid = scenario.Grid;
        return new
        {
            scenario = new
            {
                name = scenario.Name,
                start = scenario.Start,
                utc_offset_minutes = (int)scenario.Start.Offset.TotalMinutes,
                tick_hours = scenario.TickHours,
                tick_count = scenario.TickCount,
            },
            regions = grid.Regions.Select(r => new { id = r.Id, name = r.Name, population = r.Population, customers = r.Customers }),
            weapons = grid.Weapons.Select(w => w.Id),
            asset_classes = Enum.GetValues<AssetClass>().Select(c => c.ToId()),
            assets = grid.Regions.SelectMany(r => r.Assets.Select(a => a.Id)).Order(StringComparer.Ordinal),
            waves = scenario.Waves.Select(w => new
            {
                id = w.Id,
                tick = scenario.TickAt(w.Start),
                start = w.Start,
                end = w.End,
                weapons = w.Salvos.Sum(s => s.Count),
                what = string.Join(", ", w.Salvos.Select(s => $"{s.Count} {s.Weapon}")),
            }),
            state = Tick(run, series, withForecast: true),
        };
    }

    /// <summary>The state now, with the series points <paramref name="points"/> played since the last frame.</summary>
    public static object Tick(LiveRunInfo run, NationalPoint[] points, bool withForecast)
    {
        var view = run.View;
        var grid = run.Setup.Scenario.Grid;
        var latest = view.Latest;
        var national = latest.Length > 0 ? RegionTickRecord.Sum(latest) : (RegionTickRecord?)null;
        return new
        {
            run = ControlApi.Brief(run),
            time = run.SimulatedTime,
            points = points.Select(p => new[] { p.Tick, p.PeopleOffRolling, p.PeopleOffDamage, p.PeopleWithoutHeat }),
            national = national is { } n ? new
            {
                tick = n.Tick,
                people_off_rolling = n.PeopleOffRolling,
                people_off_damage = n.PeopleOffDamage,
                people_without_heat = n.PeopleWithoutHeat,
                shortfall_mw = Math.Max(0, n.DemandMw - n.ServedMw),
            } : null,
            regions = latest.Select((r, i) => new
            {
                id = grid.Regions[i].Id,
                share_off_rolling = Share(r.CustomersOffRolling, grid.Regions[i].Customers),
                share_off_damage = Share(r.CustomersOffDamage, grid.Regions[i].Customers),
                people_off = r.PeopleOff,
                people_without_heat = r.PeopleWithoutHeat,
                temperature_c = r.TemperatureC,
                weapons_hit = r.WeaponsHit,
            }),
            weapons = Weapons(view.Tallies),
            events = view.Events.Select((e, i) => (e, i)).TakeLast(MaxEvents)
                .Select(x => new { index = x.i, tick = x.e.Tick, time = run.Setup.Scenario.TimeOf(x.e.Tick), what = Describe(x.e.Event) }),
            event_count = view.Events.Length,
            forecast = withForecast ? view.Forecast : null,
        };
    }

    /// <summary>A share of a region's customers; 0 for a region with none (an occupied oblast in the reference grid).</summary>
    private static double Share(double customersOff, int customers) => customers > 0 ? customersOff / customers : 0;

    /// <summary>An injected event in a line of the log, in the API's own field names and units.</summary>
    public static string Describe(LiveEvent e)
    {
        static string Weights<T>(IReadOnlyList<Weighted<T>>? list, Func<T, string> name) =>
            string.Join(", ", (list ?? []).Select(w => list!.Count == 1 ? name(w.Item) : $"{name(w.Item)} x{w.Weight:0.##}"));
        var inv = CultureInfo.InvariantCulture;
        return e.Kind switch
        {
            LiveEventKind.Strike => string.Create(inv, $"strike: {e.Count} {e.Weapon} at {e.Asset ?? Weights(e.Regions, r => r)}") +
                (e.Classes is { Count: > 0 } ? $" ({Weights(e.Classes, c => c.ToId())})" : "") + string.Create(inv, $" over {e.Hours:0.##} h"),
            LiveEventKind.Damage => $"observed damage: {e.Asset} {e.Damage.ToString().ToLowerInvariant()}",
            LiveEventKind.Weather => string.Create(inv, $"weather: {e.Value:0.#} °C in {e.Region ?? "the whole country"} for {e.Hours:0.##} h"),
            LiveEventKind.Crews => string.Create(inv, $"crews: {e.Count} more to {e.Region}"),
            LiveEventKind.ImportLimit => string.Create(inv, $"import limit: {e.Value:0} MW"),
            _ => e.Kind.ToString(),
        };
    }

    /// <summary>Weapons launched, intercepted and hit so far, by type, summed over the regions (names in order).</summary>
    private static IEnumerable<object> Weapons(RegionTallies[] tallies) =>
        tallies.SelectMany(t => t.LaunchedByWeapon.Keys).Distinct().Order(StringComparer.Ordinal).Select(w => new
        {
            weapon = w,
            launched = tallies.Sum(t => t.LaunchedByWeapon.GetValueOrDefault(w)),
            intercepted = tallies.Sum(t => t.InterceptedByWeapon.GetValueOrDefault(w)),
            hit = tallies.Sum(t => t.HitByWeapon.GetValueOrDefault(w)),
        });
}
