using SimGrid.Model.Grid;
using SimGrid.Scenarios.Yaml;

namespace SimGrid.Scenarios;

/// <summary>
/// A scenario's changes to its grid, so one grid file serves many questions: national limits, weapons' rates,
/// regions' crews and air defence, the standing state of any asset (the grid as it was at a date), and damage already
/// present when the scenario starts (which crews then repair).
/// </summary>
internal static class OverridesReader
{
    public static GridSpec Apply(MappingReader root, GridSpec grid)
    {
        grid = ApplyOverrides(root, grid);
        return ApplyDamageAtStart(root, grid);
    }

    /// <summary>The <c>overrides</c> mapping of a scenario or a grid-state file.</summary>
    public static GridSpec ApplyOverrides(MappingReader root, GridSpec grid)
    {
        if (root.Mapping("overrides", required: false) is not { } o) return grid;
        grid = grid with
        {
            ImportLimitMw = o.Number("import_limit_mw", InputLimits.ImportLimitMw, required: false) ?? grid.ImportLimitMw,
            SpareTransformers = o.WholeNumber("spare_transformers", InputLimits.SpareTransformers, required: false) ?? grid.SpareTransformers,
        };
        if (o.Number("demand_factor", 0.1, 10, required: false) is { } factor)
        {
            // Demand level at another date: every region's load and its sensitivity to cold scale together.
            grid = grid with
            {
                Regions = [.. grid.Regions.Select(r => r with { BaseDemandMw = r.BaseDemandMw * factor, ColdSensitivityMwPerC = r.ColdSensitivityMwPerC * factor })],
            };
        }
        if (o.Mapping("assets", required: false) is { } assets) grid = ApplyAssets(assets, grid);
        if (o.Mapping("weapons", required: false) is { } weapons)
        {
            var list = grid.Weapons.ToList();
            foreach (var (id, keyNode, _) in weapons.Entries())
            {
                var index = list.FindIndex(w => w.Id == id);
                var fields = weapons.Mapping(id);
                if (index < 0)
                {
                    weapons.Diagnostics.Error(keyNode, weapons.Child(id), $"unknown weapon '{id}'" + Suggest.DidYouMean(id, list.Select(w => w.Id)));
                    continue;
                }
                if (fields is null) continue;
                var interception = fields.Number("interception", 0, 1, required: false);
                list[index] = list[index] with
                {
                    Interception = interception ?? list[index].Interception,
                    Hit = fields.Number("hit", 0, 1, required: false) ?? list[index].Hit,
                };
                // The night's own tally replaces the regions' typical figures for this weapon too (a region's factor
                // still applies); `overrides.regions` below can set a region's figure for the night again.
                if (interception is not null) grid = WithoutRegionalInterception(grid, id);
                fields.Finish();
            }
            grid = grid with { Weapons = list };
        }
        if (o.Mapping("regions", required: false) is { } regions)
        {
            var list = grid.Regions.ToList();
            foreach (var (id, keyNode, _) in regions.Entries())
            {
                var index = list.FindIndex(r => r.Id == id);
                var fields = regions.Mapping(id);
                if (index < 0)
                {
                    regions.Diagnostics.Error(keyNode, regions.Child(id), $"unknown region '{id}'" + Suggest.DidYouMean(id, list.Select(r => r.Id)));
                    continue;
                }
                if (fields is null) continue;
                list[index] = Region(fields, list[index], grid);
                fields.Finish();
            }
            grid = grid with { Regions = list };
        }
        o.Finish();
        return grid;
    }

    private static GridSpec WithoutRegionalInterception(GridSpec grid, string weapon) => grid with
    {
        Regions = [.. grid.Regions.Select(r => r.Interception is { } known && known.ContainsKey(weapon)
            ? r with { Interception = known.Where(kv => kv.Key != weapon).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal) }
            : r)],
    };

    private static RegionSpec Region(MappingReader f, RegionSpec r, GridSpec grid)
    {
        var interception = RegionReader.ReadInterception(f);
        if (interception is not null)
        {
            foreach (var weapon in interception.Keys.Where(k => grid.Weapon(k) is null))
            {
                f.Diagnostics.Error(f.Get("interception", false)!, f.Child($"interception.{weapon}"),
                    $"unknown weapon '{weapon}'" + Suggest.DidYouMean(weapon, grid.Weapons.Select(w => w.Id)));
            }
            var merged = new Dictionary<string, double>(r.Interception ?? new Dictionary<string, double>(), StringComparer.Ordinal);
            foreach (var (k, v) in interception) merged[k] = v;
            interception = merged;
        }
        return r with
        {
            Crews = f.WholeNumber("crews", InputLimits.RegionCrews, required: false) ?? r.Crews,
            InterceptionFactor = f.Number("interception_factor", 0, 2, required: false) ?? r.InterceptionFactor,
            Interception = interception ?? r.Interception,
            BaseDemandMw = f.Number("base_demand_mw", 0, 1e6, required: false) ?? r.BaseDemandMw,
            ColdSensitivityMwPerC = f.Number("cold_sensitivity_mw_per_c", 0, 1e5, required: false) ?? r.ColdSensitivityMwPerC,
            DistrictHeatShare = f.Number("district_heat_share", 0, 1, required: false) ?? r.DistrictHeatShare,
            CriticalLoadShare = f.Number("critical_load_share", 0, 1, required: false) ?? r.CriticalLoadShare,
            ImportCapacityMw = f.Number("import_capacity_mw", 0, 1e6, required: false) ?? r.ImportCapacityMw,
        };
    }

    /// <summary>
    /// Standing state of named assets: damage (none restores a plant destroyed since) and capacity. Standing damage is
    /// the grid as it is, not fresh damage: crews do not repair it during the run (use damage_at_start for that).
    /// </summary>
    private static GridSpec ApplyAssets(MappingReader assets, GridSpec grid)
    {
        var known = grid.Regions.SelectMany(r => r.Assets).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var changes = new Dictionary<string, (DamageState? Damage, double? CapacityMw)>(StringComparer.Ordinal);
        foreach (var (id, keyNode, _) in assets.Entries())
        {
            var fields = assets.Mapping(id);
            if (!known.Contains(id))
            {
                assets.Diagnostics.Error(keyNode, assets.Child(id), $"unknown asset '{id}'" + Suggest.DidYouMean(id, known));
                continue;
            }
            if (fields is null) continue;
            DamageState? damage = null;
            if (fields.Get("damage", required: false) is { } node)
            {
                if (node is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } s } && Enum.TryParse<DamageState>(s, ignoreCase: true, out var state) &&
                    !int.TryParse(s, out _))
                {
                    damage = state;
                }
                else
                {
                    fields.Diagnostics.Error(node, fields.Child("damage"), "must be one of none, slight, moderate, extensive, complete");
                }
            }
            changes[id] = (damage, fields.Number("capacity_mw", 0, 1e5, required: false));
            fields.Finish();
        }
        return grid with
        {
            Regions = [.. grid.Regions.Select(r => r with
            {
                Assets = [.. r.Assets.Select(a => changes.TryGetValue(a.Id, out var c)
                    ? a with { InitialDamage = c.Damage ?? a.InitialDamage, RepairInitialDamage = false, CapacityMw = c.CapacityMw ?? a.CapacityMw }
                    : a)],
            })],
        };
    }

    private static GridSpec ApplyDamageAtStart(MappingReader root, GridSpec grid)
    {
        if (root.Mapping("damage_at_start", required: false) is not { } map) return grid;
        var damage = new Dictionary<string, DamageState>(StringComparer.Ordinal);
        var known = grid.Regions.SelectMany(r => r.Assets).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (asset, keyNode, value) in map.Entries())
        {
            if (!known.Contains(asset))
            {
                map.Diagnostics.Error(keyNode, map.Child(asset), $"unknown asset '{asset}'" + Suggest.DidYouMean(asset, known));
            }
            if (value is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } s } && Enum.TryParse<DamageState>(s, ignoreCase: true, out var state) &&
                !int.TryParse(s, out _))
            {
                damage[asset] = state;
            }
            else
            {
                map.Diagnostics.Error(value, map.Child(asset), "must be one of none, slight, moderate, extensive, complete");
            }
        }
        return grid with
        {
            Regions = [.. grid.Regions.Select(r => r with
            {
                Assets = [.. r.Assets.Select(a => damage.TryGetValue(a.Id, out var s) ? a with { InitialDamage = s, RepairInitialDamage = true } : a)],
            })],
        };
    }
}
