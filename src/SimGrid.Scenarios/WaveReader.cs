using SimGrid.Model.Grid;
using SimGrid.Model.Scenario;
using SimGrid.Scenarios.Yaml;

namespace SimGrid.Scenarios;

/// <summary>Reads strike waves and their salvos, checking every reference against the grid and every time against the scenario window.</summary>
internal static class WaveReader
{
    public static IReadOnlyList<WaveSpec> ReadAll(MappingReader root, ScenarioContext context)
    {
        var waves = GridLoader.ReadList(root, "waves", w => Read(w, context), required: false);
        GridLoader.CheckUnique(waves.Select(w => (w.Value.Id, w.Node)), "waves", "wave id", root.Diagnostics);
        return [.. waves.Select(w => w.Value)];
    }

    private static WaveSpec Read(MappingReader w, ScenarioContext context)
    {
        var id = w.Text("id") ?? "";
        var start = w.Timestamp("start");
        var end = w.Timestamp("end");
        if (start is { } s && end is { } e)
        {
            if (e <= s) w.Diagnostics.Error(w.Get("end", false)!, w.Child("end"), "must be after start");
            if (context.Start is { } from && context.Duration is { } length && (s < from || e > from + length))
            {
                // Located at the end that lies outside: the start when it is early, else the end.
                var field = s < from ? "start" : "end";
                w.Diagnostics.Error(w.Get(field, false)!, w.Child(field),
                    $"wave must lie inside the scenario window {from:yyyy-MM-ddTHH:mmzzz} to {from + length:yyyy-MM-ddTHH:mmzzz}");
            }
        }
        var salvos = GridLoader.ReadList(w, "salvos", s => ReadSalvo(s, context));
        return new WaveSpec(id, start ?? default, end ?? default, [.. salvos.Select(x => x.Value)]);
    }

    private static SalvoSpec ReadSalvo(MappingReader s, ScenarioContext context)
    {
        var weapon = s.Text("weapon") ?? "";
        if (weapon.Length > 0 && !context.KnowsWeapon(weapon))
        {
            s.Diagnostics.Error(s.Get("weapon", false)!, s.Child("weapon"), $"unknown weapon '{weapon}'" +
                Suggest.DidYouMean(weapon, context.Grid!.Weapons.Select(x => x.Id)));
        }
        var count = s.WholeNumber("count", InputLimits.Weapons) ?? 0;
        var asset = s.Text("asset", required: false);
        if (asset is not null && !context.KnowsAsset(asset))
        {
            s.Diagnostics.Error(s.Get("asset", false)!, s.Child("asset"), $"unknown asset '{asset}'" +
                Suggest.DidYouMean(asset, context.AssetIds));
        }
        var regions = WeightReader.Read(s, "regions", asset is null, context.KnowsRegion, context.RegionIds, "region");
        var classes = WeightReader.Read(s, "classes", false, id => AssetClasses.TryParse(id, out _),
            AssetClasses.All.Select(c => c.ToId()), "asset class");
        if (asset is not null && regions.Count > 0)
        {
            s.Diagnostics.Error(s.Node, s.Path, "give either asset or regions, not both");
        }
        if (asset is null && regions.Count > 0 && regions.All(r => r.Weight == 0))
        {
            s.Diagnostics.Error(s.Node, s.Child("regions"), "at least one region needs a weight above 0");
        }
        return new SalvoSpec(weapon, count, regions,
            [.. classes.Select(c => new Weighted<AssetClass>(AssetClasses.TryParse(c.Item, out var k) ? k : default, c.Weight))],
            asset);
    }
}
