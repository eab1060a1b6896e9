using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SimGrid.Scenarios.Yaml;

/// <summary>Collects problems for one file so that a reader can report all of them at once.</summary>
public sealed class Diagnostics(string file)
{
    private readonly List<ScenarioDiagnostic> list = [];

    public string File { get; } = file;

    public IReadOnlyList<ScenarioDiagnostic> All => list;

    public bool HasErrors => list.Count > 0;

    /// <summary>Longest message kept: a name of a megabyte is quoted by its start, not in full.</summary>
    public const int MaxMessageLength = 500;

    public void Error(Mark at, string path, string message)
    {
        var text = path.Length > 0 ? $"{path}: {message}" : message;
        if (text.Length > MaxMessageLength) text = string.Concat(text.AsSpan(0, MaxMessageLength), "...");
        list.Add(new ScenarioDiagnostic(File, at.Line, at.Column, text));
    }

    public void Error(YamlNode node, string path, string message) => Error(node.Start, path, message);

    public void AddRange(IEnumerable<ScenarioDiagnostic> more) => list.AddRange(more);

    public void ThrowIfAny()
    {
        if (HasErrors) throw new ScenarioException(list);
    }
}
