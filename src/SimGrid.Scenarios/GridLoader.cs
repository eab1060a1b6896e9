using SimGrid.Model.Grid;
using SimGrid.Scenarios.Yaml;
using YamlDotNet.RepresentationModel;

namespace SimGrid.Scenarios;

/// <summary>Reads a grid file (scenarios/grids/*.yaml; format in scenarios/README.md) into a <see cref="GridSpec"/>.</summary>
public static class GridLoader
{
    public static GridSpec Load(string path)
    {
        var diagnostics = new Diagnostics(path);
        var grid = Read(path, diagnostics);
        diagnostics.ThrowIfAny();
        return grid!;
    }

    /// <returns>The grid, or null when the file could not be read at all; problems go to <paramref name="diagnostics"/>.</returns>
    public static GridSpec? Read(string path, Diagnostics diagnostics)
    {
        var root = YamlFile.Open(path, "a grid file", diagnostics);
        if (root is null) return null;

        var name = root.Text("name") ?? "";
        var importLimit = root.Number("import_limit_mw", InputLimits.ImportLimitMw) ?? 0;
        var coldThreshold = root.Number("cold_threshold_c", -50, 40) ?? 8;
        var heatLoss = root.Number("heat_loss_demand_factor", 0, 5) ?? 0;
        var loadShape = ReadLoadShape(root);
        var spares = root.WholeNumber("spare_transformers", InputLimits.SpareTransformers, required: false) ?? 0;
        var leadTime = root.Duration("transformer_lead_time", required: false) ?? TimeSpan.FromDays(182);
        var factors = ReadCapacityFactors(root);
        var weapons = ReadList(root, "weapons", WeaponReader.Read);
        var regions = ReadList(root, "regions", RegionReader.Read);
        var links = ReadList(root, "links", ReadLink);
        root.Finish();

        CheckUnique(regions.Select(r => (r.Value.Id, r.Node)), "regions", "region id", diagnostics);
        CheckUnique(weapons.Select(w => (w.Value.Id, w.Node)), "weapons", "weapon id", diagnostics);
        CheckUnique(regions.SelectMany(r => r.Value.Assets.Select(a => (a.Id, r.Node))), "regions", "asset id", diagnostics);
        var regionIds = regions.Select(r => r.Value.Id).ToHashSet();
        for (var i = 0; i < links.Count; i++)
        {
            var (link, node) = links[i];
            foreach (var end in new[] { link.From, link.To })
            {
                if (!regionIds.Contains(end))
                    diagnostics.Error(node, $"links[{i}]", $"unknown region '{end}'" + Suggest.DidYouMean(end, regionIds));
            }
            if (link.From == link.To) diagnostics.Error(node, $"links[{i}]", "a link must join two different regions");
        }
        var weaponIds = weapons.Select(w => w.Value.Id).ToHashSet();
        for (var i = 0; i < regions.Count; i++)
        {
            foreach (var weapon in regions[i].Value.Interception?.Keys ?? [])
            {
                if (!weaponIds.Contains(weapon))
                    diagnostics.Error(regions[i].Node, $"regions[{i}].interception.{weapon}", $"unknown weapon '{weapon}'" + Suggest.DidYouMean(weapon, weaponIds));
            }
        }

        return new GridSpec(
            name,
            [.. regions.Select(r => r.Value).OrderBy(r => r.Id, StringComparer.Ordinal)],
            [.. links.Select(l => l.Value)],
            [.. weapons.Select(w => w.Value)],
            importLimit, loadShape, coldThreshold, heatLoss, spares, leadTime.TotalHours, factors);
    }

    /// <summary>capacity_factors: {nuclear: 0.85, ...}; classes not named keep the model's defaults.</summary>
    private static double[]? ReadCapacityFactors(MappingReader root)
    {
        if (root.Mapping("capacity_factors", required: false) is not { } map) return null;
        var factors = AssetClasses.DefaultCapacityFactors.ToArray();
        foreach (var (key, keyNode, value) in map.Entries())
        {
            var f = Scalars.Number(value, map.Child(key), 0, 1, root.Diagnostics);
            if (!AssetClasses.TryParse(key, out var c) || !c.IsGeneration())
            {
                root.Diagnostics.Error(keyNode, map.Child(key), $"not a generation class" +
                    Suggest.DidYouMean(key, AssetClasses.All.Where(x => x.IsGeneration()).Select(x => x.ToId())));
            }
            else if (f is { } v) factors[(int)c] = v;
        }
        return factors;
    }

    private static IReadOnlyList<double> ReadLoadShape(MappingReader root)
    {
        var node = root.Sequence("load_shape", required: false);
        if (node is null) return Enumerable.Repeat(1.0, 24).ToArray();
        var values = node.Children.Select((n, i) => Scalars.Number(n, $"load_shape[{i}]", 0, 10, root.Diagnostics) ?? 1).ToArray();
        if (values.Length != 24) root.Diagnostics.Error(node, "load_shape", $"must have 24 hourly values (got {values.Length})");
        return values.Length == 24 ? values : Enumerable.Repeat(1.0, 24).ToArray();
    }

    internal static List<(T Value, YamlNode Node)> ReadList<T>(MappingReader root, string key, Func<MappingReader, T> read, bool required = true)
    {
        var result = new List<(T, YamlNode)>();
        var seq = root.Sequence(key, required);
        if (seq is null) return result;
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var item = seq.Children[i];
            if (item is not YamlMappingNode m)
            {
                root.Diagnostics.Error(item, $"{root.Child(key)}[{i}]", "must be a mapping of fields");
                continue;
            }
            var reader = new MappingReader(m, $"{root.Child(key)}[{i}]", root.Diagnostics);
            result.Add((read(reader), m));
            reader.Finish();
        }
        return result;
    }

    private static LinkSpec ReadLink(MappingReader l) =>
        new(l.Text("from") ?? "", l.Text("to") ?? "", l.Number("capacity_mw", 0, 1e6) ?? 0);


    internal static void CheckUnique(IEnumerable<(string Id, YamlNode Node)> items, string path, string what, Diagnostics d)
    {
        var seen = new HashSet<string>();
        foreach (var (id, node) in items)
        {
            if (id.Length > 0 && !seen.Add(id)) d.Error(node, path, $"duplicate {what} '{id}'");
        }
    }
}
