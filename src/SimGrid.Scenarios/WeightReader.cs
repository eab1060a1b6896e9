using SimGrid.Model.Scenario;
using SimGrid.Scenarios.Yaml;

namespace SimGrid.Scenarios;

/// <summary>Reads a map of names to relative weights ({kharkiv: 2, odesa: 1}), checking each name.</summary>
internal static class WeightReader
{
    public static List<Weighted<string>> Read(MappingReader parent, string key, bool required, Func<string, bool> known,
        IEnumerable<string> names, string what)
    {
        var list = new List<Weighted<string>>();
        if (parent.Mapping(key, required) is not { } map) return list;
        foreach (var (id, keyNode, value) in map.Entries())
        {
            if (!known(id)) map.Diagnostics.Error(keyNode, map.Child(id), $"unknown {what} '{id}'" + Suggest.DidYouMean(id, names));
            if (Scalars.Number(value, map.Child(id), 0, 1e6, map.Diagnostics) is { } w) list.Add(new Weighted<string>(id, w));
        }
        return list;
    }
}
