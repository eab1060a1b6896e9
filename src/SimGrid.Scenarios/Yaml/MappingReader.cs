using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SimGrid.Scenarios.Yaml;

/// <summary>
/// Reads the fields of one YAML mapping, reporting each problem (missing, wrong type, out of range) with its location
/// and field path; <see cref="Finish"/> then reports the fields nobody asked for, with a suggestion.
/// A method returns null (or the default) after reporting, so that reading goes on and every problem is found.
/// </summary>
public sealed class MappingReader(YamlMappingNode node, string path, Diagnostics diagnostics)
{
    private readonly HashSet<string> known = [];

    public YamlMappingNode Node { get; } = node;
    public string Path { get; } = path;
    public Diagnostics Diagnostics { get; } = diagnostics;

    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public YamlNode? Get(string key, bool required)
    {
        known.Add(key);
        foreach (var (k, v) in Node.Children)
        {
            if (k is YamlScalarNode s && s.Value == key) return v;
        }
        if (required) Diagnostics.Error(Node, Child(key), "is required");
        return null;
    }

    public string? Text(string key, bool required = true)
    {
        var value = Get(key, required);
        if (value is null) return null;
        if (value is YamlScalarNode { Value: { Length: > 0 } s }) return s;
        Diagnostics.Error(value, Child(key), "must be a non-empty text value");
        return null;
    }

    public double? Number(string key, double min, double max, bool required = true)
    {
        var value = Get(key, required);
        return value is null ? null : Scalars.Number(value, Child(key), min, max, Diagnostics);
    }

    /// <summary>A number held to its one definition (<see cref="InputLimits"/>).</summary>
    public double? Number(string key, NumberLimit limit, bool required = true) =>
        limit.Whole ? WholeNumber(key, limit, required) : Number(key, limit.Min, limit.Max, required);

    public int? WholeNumber(string key, NumberLimit limit, bool required = true) =>
        WholeNumber(key, (long)limit.Min, (long)limit.Max, required);

    public int? WholeNumber(string key, long min, long max, bool required = true)
    {
        var value = Get(key, required);
        return value is null ? null : Scalars.WholeNumber(value, Child(key), min, max, Diagnostics);
    }

    public TimeSpan? Duration(string key, bool required = true)
    {
        var value = Get(key, required);
        return value is null ? null : Scalars.Duration(value, Child(key), Diagnostics);
    }

    public DateTimeOffset? Timestamp(string key, bool required = true)
    {
        var value = Get(key, required);
        return value is null ? null : Scalars.Timestamp(value, Child(key), Diagnostics);
    }

    public MappingReader? Mapping(string key, bool required = true)
    {
        var value = Get(key, required);
        if (value is null) return null;
        if (value is YamlMappingNode m) return new MappingReader(m, Child(key), Diagnostics);
        Diagnostics.Error(value, Child(key), "must be a mapping of fields");
        return null;
    }

    public YamlSequenceNode? Sequence(string key, bool required = true)
    {
        var value = Get(key, required);
        if (value is null) return null;
        if (value is YamlSequenceNode s) return s;
        Diagnostics.Error(value, Child(key), "must be a list");
        return null;
    }

    /// <summary>The mapping's entries as (key, value node), for maps keyed by user names (region id: weight).</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries()
    {
        foreach (var (k, v) in Node.Children)
        {
            if (k is YamlScalarNode { Value: { } s }) yield return (s, k, v);
            else Diagnostics.Error(k, Path, "keys must be plain names");
        }
    }

    /// <summary>Reports every key that was not read, with the closest known field name.</summary>
    public void Finish()
    {
        var seen = new HashSet<string>();
        foreach (var (k, _) in Node.Children)
        {
            if (k is not YamlScalarNode { Value: { } name }) continue;
            if (!seen.Add(name)) Diagnostics.Error(k, Child(name), "appears twice");
            else if (!known.Contains(name)) Diagnostics.Error(k, Child(name), "unknown field" + Suggest.DidYouMean(name, known));
        }
    }

    public static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
