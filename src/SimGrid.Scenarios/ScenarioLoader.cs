using SimGrid.Model.Grid;
using SimGrid.Model.Repair;
using SimGrid.Model.Scenario;
using SimGrid.Scenarios.Yaml;

namespace SimGrid.Scenarios;

/// <summary>
/// Reads a scenario file and the grid it names into a validated <see cref="ScenarioSpec"/>, or reports every problem
/// in both files as file:line:col: message. Nothing downstream needs to check the input again.
/// </summary>
public static class ScenarioLoader
{
    public static ScenarioSpec Load(string path)
    {
        var (scenario, problems) = Check(path);
        if (problems.Count > 0) throw new ScenarioException(problems);
        return scenario!;
    }

    /// <summary>Reads and validates; returns the scenario only when there are no problems.</summary>
    /// <param name="baseDirectory">Where the grid and weather files it names are looked for; default: the file's own folder.</param>
    /// <param name="gate">Which files may be read (the scenario, its grid, grid state and weather series); default: any the user names.</param>
    public static (ScenarioSpec? Scenario, IReadOnlyList<ScenarioDiagnostic> Problems) Check(string path, string? baseDirectory = null, FileGate? gate = null)
    {
        gate ??= FileGate.Anywhere;
        var d = new Diagnostics(path);
        var (real, refusal) = gate.Resolve(path, YamlFile.MaxBytes);
        if (real is null)
        {
            d.Error(new YamlDotNet.Core.Mark(1, 1, 1), "", refusal!);
            return (null, d.All);
        }
        return Check(YamlFile.Open(real, "a scenario file", d), d, path, baseDirectory, gate);
    }

    /// <summary>A scenario uploaded as text: the files it names are looked for in <paramref name="baseDirectory"/>, through <paramref name="gate"/>.</summary>
    public static (ScenarioSpec? Scenario, IReadOnlyList<ScenarioDiagnostic> Problems) CheckText(string text, string displayName, string baseDirectory, FileGate gate)
    {
        var d = new Diagnostics(displayName);
        return Check(YamlFile.Parse(text, "a scenario", d), d, displayName, baseDirectory, gate);
    }

    private static (ScenarioSpec? Scenario, IReadOnlyList<ScenarioDiagnostic> Problems) Check(MappingReader? root, Diagnostics d, string path, string? baseDirectory,
        FileGate gate)
    {
        if (root is null) return (null, d.All);

        root.Get("$schema", required: false);   // editors' schema pointer; not ours to read
        var name = root.Text("name") ?? "";
        var gridNode = root.Get("grid", required: true);
        var gridPath = root.Text("grid");
        var start = root.Timestamp("start");
        var duration = root.Duration("duration");
        var tick = root.Duration("tick", required: false) ?? TimeSpan.FromMinutes(15);
        var seed = root.WholeNumber("seed", 0, int.MaxValue, required: false) ?? 1;
        var strategy = root.Text("strategy", required: false) ?? "fifo";
        if (!RepairStrategies.Names.Contains(strategy))
        {
            d.Error(root.Get("strategy", false)!, "strategy", $"unknown repair strategy '{strategy}'" + Suggest.DidYouMean(strategy, RepairStrategies.Names));
        }

        GridSpec? grid = null;
        if (gridPath is not null)
        {
            var (resolved, refusal) = gate.Resolve(Path.Combine(baseDirectory ?? Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", gridPath), YamlFile.MaxBytes);
            var gridDiagnostics = new Diagnostics(Path.Combine(Path.GetDirectoryName(path) ?? "", gridPath));
            if (resolved is null) d.Error(gridNode!, "grid", $"{gridPath}: {refusal}");
            else grid = GridLoader.Read(resolved, gridDiagnostics);
            d.AddRange(gridDiagnostics.All);
            if (gridDiagnostics.HasErrors) grid = null;
        }

        var stateNode = root.Get("grid_state", required: false);
        var statePath = root.Text("grid_state", required: false);
        if (grid is not null && statePath is not null)
        {
            // The grid as it was at a date: a file of overrides applied before the scenario's own.
            var (resolved, refusal) = gate.Resolve(Path.Combine(baseDirectory ?? Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", statePath), YamlFile.MaxBytes);
            var stateDiagnostics = new Diagnostics(Path.Combine(Path.GetDirectoryName(path) ?? "", statePath));
            if (resolved is null) d.Error(stateNode!, "grid_state", $"{statePath}: {refusal}");
            else if (YamlFile.Open(resolved, "a grid state file", stateDiagnostics) is { } state)
            {
                state.Get("$schema", required: false);
                state.Text("name");
                grid = OverridesReader.ApplyOverrides(state, grid);
                state.Finish();
            }
            d.AddRange(stateDiagnostics.All);
        }
        if (grid is not null) grid = OverridesReader.Apply(root, grid);
        else
        {
            root.Get("overrides", required: false);
            root.Get("damage_at_start", required: false);
        }
        var context = new ScenarioContext(grid, start, duration, gate);
        var weather = WeatherReader.Read(root, context, baseDirectory is null ? path : Path.Combine(baseDirectory, Path.GetFileName(path)));
        var waves = WaveReader.ReadAll(root, context).Concat(CampaignReader.Read(root, context, seed)).ToList();
        var events = EventReader.ReadAll(root, context);
        root.Finish();

        if (duration is { } dur && tick > dur) d.Error(root.Get("tick", false) ?? root.Node, "tick", "must not be longer than duration");
        if (duration is { } du && du.Ticks % tick.Ticks != 0) d.Error(root.Get("tick", false) ?? root.Node, "tick", "must divide duration evenly");
        if (d.HasErrors || grid is null) return (null, d.All);

        return (new ScenarioSpec(name, grid, start!.Value, duration!.Value, tick, seed, strategy, weather, waves, events), d.All);
    }
}

/// <summary>What readers of the later sections need from the earlier ones (null where that part was invalid).</summary>
internal sealed record ScenarioContext(GridSpec? Grid, DateTimeOffset? Start, TimeSpan? Duration, FileGate? Files = null)
{
    public IEnumerable<string> RegionIds => Grid?.Regions.Select(r => r.Id) ?? [];

    public bool KnowsRegion(string id) => Grid is null || Grid.RegionIndex(id) >= 0;

    public IEnumerable<string> AssetIds => Grid?.Regions.SelectMany(r => r.Assets.Select(a => a.Id)) ?? [];

    public bool KnowsAsset(string id) => Grid is null || Grid.Regions.Any(r => r.Assets.Any(a => a.Id == id));

    public bool KnowsWeapon(string id) => Grid is null || Grid.Weapon(id) is not null;
}
