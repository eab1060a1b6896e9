using System.Globalization;
using SimGrid.Model.Grid;
using SimGrid.Scenarios.Yaml;

namespace SimGrid.Scenarios;

/// <summary>Reads one region of a grid file, generating its distribution zones.</summary>
internal static class RegionReader
{
    public static RegionSpec Read(MappingReader r)
    {
        var id = r.Text("id") ?? "";
        var population = r.WholeNumber("population", InputLimits.People) ?? 0;
        var customers = r.WholeNumber("customers", InputLimits.People) ?? 0;
        var baseDemand = r.Number("base_demand_mw", 0, 1e6) ?? 0;
        var zones = r.WholeNumber("distribution_zones", 1, 1000, required: false) ?? 10;
        var assets = GridLoader.ReadList(r, "assets", ReadAsset, required: false).SelectMany(a => a.Value).ToList();
        // Distribution is many small assets: generated as equal zones carrying the region's peak load (1.5 x base) [E].
        for (var z = 1; z <= zones; z++)
        {
            assets.Add(new AssetSpec(
                string.Create(CultureInfo.InvariantCulture, $"{id}-dist-{z:00}"), AssetClass.Distribution,
                baseDemand * 1.5 / zones, 0, DamageState.None));
        }
        return new RegionSpec(
            id,
            r.Text("name") ?? id,
            population,
            customers,
            r.WholeNumber("critical_sites", 0, 1_000_000, required: false) ?? 0,
            baseDemand,
            r.Number("cold_sensitivity_mw_per_c", 0, 1e5, required: false) ?? 0,
            // Hospitals, water, sewage and heat pumping on feeders that are never rotated: a tenth of the load [E: the
            // ~1 critical site per 10,000 people of the grid file, at about 10x an average customer's load each].
            r.Number("critical_load_share", 0, 1, required: false) ?? 0.1,
            r.Number("district_heat_share", 0, 1, required: false) ?? 0,
            ReadBuildings(r),
            assets,
            r.WholeNumber("crews", InputLimits.RegionCrews) ?? 0,
            r.Number("import_capacity_mw", 0, 1e6, required: false) ?? 0,
            r.Number("interception_factor", 0, 2, required: false) ?? 1,
            ReadInterception(r));
    }

    /// <summary>Interception probability by weapon id (weapon ids are checked against the grid's list afterwards).</summary>
    internal static Dictionary<string, double>? ReadInterception(MappingReader r)
    {
        if (r.Mapping("interception", required: false) is not { } map) return null;
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (weapon, _, value) in map.Entries())
        {
            if (Scalars.Number(value, map.Child(weapon), 0, 1, r.Diagnostics) is { } p) result[weapon] = p;
        }
        return result;
    }

    private static IReadOnlyList<BuildingShare> ReadBuildings(MappingReader r)
    {
        var map = r.Mapping("buildings", required: false);
        if (map is null) return [new BuildingShare(BuildingClass.Panel9, 1)];
        var shares = new List<BuildingShare>();
        foreach (var (key, keyNode, value) in map.Entries())
        {
            var share = Scalars.Number(value, map.Child(key), 0, 1, r.Diagnostics);
            if (!BuildingClasses.TryParse(key, out var c))
            {
                var known = Enum.GetValues<BuildingClass>().Select(b => b.ToId());
                r.Diagnostics.Error(keyNode, map.Child(key), "unknown building class" + Suggest.DidYouMean(key, known));
            }
            else if (share is { } s) shares.Add(new BuildingShare(c, s));
        }
        var total = shares.Sum(s => s.Share);
        if (shares.Count > 0 && Math.Abs(total - 1) > 1e-6)
        {
            r.Diagnostics.Error(map.Node, map.Path, $"building shares must sum to 1 (got {MappingReader.Format(total)})");
        }
        return shares.Count > 0 ? shares : [new BuildingShare(BuildingClass.Panel9, 1)];
    }

    /// <summary>
    /// An asset, or the equal sites it stands for: the district boiler houses of a city are written as one line with
    /// <c>sites: 10</c> and become kyiv-boilers-01 to -10, each with a tenth of the capacity and heat. A weapon hits one
    /// site, not every boiler house of the city at once; drawn by capacity, the class is as likely a target as before.
    /// </summary>
    private static IReadOnlyList<AssetSpec> ReadAsset(MappingReader a)
    {
        var id = a.Text("id") ?? "";
        var classNode = a.Get("class", required: true);
        var cls = AssetClass.Distribution;
        if (classNode is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } c } && !AssetClasses.TryParse(c, out cls))
        {
            a.Diagnostics.Error(classNode, a.Child("class"), $"unknown asset class '{c}'" +
                Suggest.DidYouMean(c, AssetClasses.All.Select(x => x.ToId())));
        }
        var damage = DamageState.None;
        if (a.Text("damage", required: false) is { } d && !Enum.TryParse(d, ignoreCase: true, out damage))
        {
            a.Diagnostics.Error(a.Get("damage", false)!, a.Child("damage"), "must be one of none, slight, moderate, extensive, complete");
        }
        var capacity = a.Number("capacity_mw", 0, 1e5) ?? 0;
        var heatShare = a.Number("heat_share", 0, 1, required: false) ?? 0;
        var sites = a.WholeNumber("sites", InputLimits.Sites, required: false) ?? 1;
        if (sites == 1) return [new AssetSpec(id, cls, capacity, heatShare, damage)];
        return [.. Enumerable.Range(1, sites).Select(k => new AssetSpec(
            string.Create(CultureInfo.InvariantCulture, $"{id}-{k:00}"), cls, capacity / sites, heatShare / sites, damage))];
    }
}
