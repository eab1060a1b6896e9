using SimGrid.Model.Grid;
using SimGrid.Scenarios.Yaml;

namespace SimGrid.Scenarios;

/// <summary>Reads one weapon type of a grid file: interception, hit and damage probabilities (by default and per asset class).</summary>
internal static class WeaponReader
{
    public static WeaponSpec Read(MappingReader w)
    {
        var damage = Damage(w, "damage", required: true);
        Dictionary<AssetClass, IReadOnlyList<double>>? byClass = null;
        if (w.Mapping("damage_by_class", required: false) is { } map)
        {
            byClass = [];
            foreach (var (key, keyNode, _) in map.Entries())
            {
                var probabilities = Damage(map, key, required: true);
                if (AssetClasses.TryParse(key, out var c)) byClass[c] = probabilities;
                else map.Diagnostics.Error(keyNode, map.Child(key), $"unknown asset class '{key}'" + Suggest.DidYouMean(key, AssetClasses.All.Select(x => x.ToId())));
            }
        }
        return new WeaponSpec(w.Text("id") ?? "", w.Number("interception", 0, 1) ?? 0, w.Number("hit", 0, 1) ?? 0, damage, byClass);
    }

    /// <summary>Four probabilities (slight, moderate, extensive, complete) that sum to 1.</summary>
    private static IReadOnlyList<double> Damage(MappingReader parent, string key, bool required)
    {
        var node = parent.Sequence(key, required);
        if (node is null) return [1, 0, 0, 0];
        var values = node.Children.Select((n, i) => Scalars.Number(n, $"{parent.Child(key)}[{i}]", 0, 1, parent.Diagnostics) ?? 0).ToArray();
        if (values.Length != 4 || Math.Abs(values.Sum() - 1) > 1e-6)
        {
            parent.Diagnostics.Error(node, parent.Child(key), "must be 4 probabilities (slight, moderate, extensive, complete) that sum to 1");
            return [1, 0, 0, 0];
        }
        return values;
    }
}
