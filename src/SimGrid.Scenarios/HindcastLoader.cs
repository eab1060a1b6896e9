using SimGrid.Model.Hindcast;
using SimGrid.Model.Scenario;
using SimGrid.Scenarios.Yaml;
using YamlDotNet.RepresentationModel;

namespace SimGrid.Scenarios;

/// <summary>One past attack: its scenario and what was reported afterwards.</summary>
public sealed record HindcastCase(string Id, string ScenarioPath, ScenarioSpec Scenario, IReadOnlyList<ReportedOutcome> Outcomes);

/// <summary>
/// Reads a hindcast folder: every <c>&lt;case&gt;.yaml</c> scenario and <c>reported.yaml</c>, the outcomes reported for
/// them, converted to model units by the rules of docs/hindcast.md. Every problem in every file is reported at once.
/// </summary>
public static class HindcastLoader
{
    public const string ReportedFile = "reported.yaml";

    /// <summary>People per metered connection (customer, household, subscriber, consumer): reports give 2.3-2.5.</summary>
    public const double PeoplePerCustomer = 2.4;

    /// <summary>People per apartment building in a report ("buildings without heat").</summary>
    public const double PeoplePerBuilding = 250;

    /// <summary>National shortfall of one "queue" of rolling schedules: 1-1.5 GW (S22).</summary>
    public const double MwPerQueue = 1250;

    private static readonly Dictionary<string, OutcomeMetric> Metrics = new(StringComparer.Ordinal)
    {
        ["people_without_power"] = OutcomeMetric.PeopleWithoutPower,
        ["share_without_power"] = OutcomeMetric.ShareWithoutPower,
        ["people_without_heat"] = OutcomeMetric.PeopleWithoutHeat,
        ["shortfall"] = OutcomeMetric.ShortfallMw,
        ["regions_cut"] = OutcomeMetric.RegionsCut,
        ["hours_to_restore_heat"] = OutcomeMetric.HoursToRestoreHeat,
        ["hours_to_restore_power"] = OutcomeMetric.HoursToRestorePower,
        ["hours_to_restore_most_regions"] = OutcomeMetric.HoursToRestoreMostRegions,
        ["nuclear_units_tripped"] = OutcomeMetric.NuclearUnitsTripped,
    };

    private static readonly Dictionary<string, OutcomeKind> Kinds = new(StringComparer.Ordinal)
    {
        ["approx"] = OutcomeKind.Approx,
        ["at_least"] = OutcomeKind.AtLeast,
        ["share"] = OutcomeKind.Share,
        ["flag"] = OutcomeKind.Flag,
    };

    /// <summary>Units a report may use, with their factor to model units and the metrics they fit.</summary>
    private static readonly Dictionary<string, (double Factor, OutcomeMetric[] Fits)> Units = new(StringComparer.Ordinal)
    {
        ["people"] = (1, [OutcomeMetric.PeopleWithoutPower, OutcomeMetric.PeopleWithoutHeat]),
        ["customers"] = (PeoplePerCustomer, [OutcomeMetric.PeopleWithoutPower, OutcomeMetric.PeopleWithoutHeat]),
        ["households"] = (PeoplePerCustomer, [OutcomeMetric.PeopleWithoutPower, OutcomeMetric.PeopleWithoutHeat]),
        ["subscribers"] = (PeoplePerCustomer, [OutcomeMetric.PeopleWithoutPower, OutcomeMetric.PeopleWithoutHeat]),
        ["buildings"] = (PeoplePerBuilding, [OutcomeMetric.PeopleWithoutPower, OutcomeMetric.PeopleWithoutHeat]),
        ["share"] = (1, [OutcomeMetric.ShareWithoutPower]),
        ["mw"] = (1, [OutcomeMetric.ShortfallMw]),
        ["queues"] = (MwPerQueue, [OutcomeMetric.ShortfallMw]),
        ["regions"] = (1, [OutcomeMetric.RegionsCut]),
        ["hours"] = (1, [OutcomeMetric.HoursToRestoreHeat, OutcomeMetric.HoursToRestorePower, OutcomeMetric.HoursToRestoreMostRegions]),
        ["units"] = (1, [OutcomeMetric.NuclearUnitsTripped]),
    };

    /// <summary>Reads and validates the folder; returns the cases (in file-name order) only when there are no problems.</summary>
    public static (IReadOnlyList<HindcastCase>? Cases, IReadOnlyList<ScenarioDiagnostic> Problems) Check(string directory)
    {
        var problems = new List<ScenarioDiagnostic>();
        var reportedPath = Path.Combine(directory, ReportedFile);
        if (!Directory.Exists(directory))
        {
            problems.Add(new ScenarioDiagnostic(directory, 1, 1, "hindcast folder not found"));
            return (null, problems);
        }
        var scenarioFiles = Directory.GetFiles(directory, "*.yaml")
            .Where(f => Path.GetFileName(f) != ReportedFile)
            .Order(StringComparer.Ordinal).ToList();
        var scenarios = new Dictionary<string, (string Path, ScenarioSpec? Spec)>(StringComparer.Ordinal);
        foreach (var file in scenarioFiles)
        {
            var (spec, found) = ScenarioLoader.Check(file);
            problems.AddRange(found);
            scenarios[Path.GetFileNameWithoutExtension(file)] = (file, spec);
        }

        var d = new Diagnostics(reportedPath);
        var root = YamlFile.Open(reportedPath, "the reported outcomes", d);
        var outcomes = new List<ReportedOutcome>();
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        if (root is not null)
        {
            root.Get("$schema", required: false);
            var list = GridLoader.ReadList(root, "outcomes", o => Read(o, scenarios, mentioned));
            outcomes.AddRange(list.Select(o => o.Value).OfType<ReportedOutcome>());
            var seen = new HashSet<(string, string)>();
            foreach (var (o, node) in list)
            {
                if (o is not null && !seen.Add((o.Case, o.Id))) d.Error(node, "outcomes", $"outcome '{o.Id}' of case '{o.Case}' appears twice");
            }
            root.Finish();
        }
        problems.AddRange(d.All);
        foreach (var (id, (path, _)) in scenarios)
        {
            if (root is not null && !mentioned.Contains(id)) problems.Add(new ScenarioDiagnostic(path, 1, 1, $"case '{id}' has no outcome in {ReportedFile}"));
        }
        if (problems.Count > 0) return (null, problems);
        return ([.. scenarios.Select(s => new HindcastCase(s.Key, s.Value.Path, s.Value.Spec!, [.. outcomes.Where(o => o.Case == s.Key)]))], problems);
    }

    private static ReportedOutcome? Read(MappingReader o, IReadOnlyDictionary<string, (string Path, ScenarioSpec? Spec)> scenarios, ISet<string> mentioned)
    {
        var caseId = o.Text("case");
        if (caseId is not null) mentioned.Add(caseId);
        if (caseId is not null && !scenarios.ContainsKey(caseId))
            o.Diagnostics.Error(o.Get("case", false)!, o.Child("case"), $"no scenario file '{caseId}.yaml' in this folder" + Suggest.DidYouMean(caseId, scenarios.Keys));
        var id = o.Text("id");
        var metric = Choice(o, "metric", Metrics);
        var kind = Choice(o, "kind", Kinds);
        var unitName = o.Text("unit");
        (double Factor, OutcomeMetric[] Fits)? unit = null;
        if (unitName is not null)
        {
            if (Units.TryGetValue(unitName, out var u)) unit = u;
            else o.Diagnostics.Error(o.Get("unit", false)!, o.Child("unit"), $"unknown unit '{unitName}'" + Suggest.DidYouMean(unitName, Units.Keys));
        }
        if (unit is { } fit && metric is { } m && !fit.Fits.Contains(m))
            o.Diagnostics.Error(o.Get("unit", false)!, o.Child("unit"), $"'{unitName}' does not measure {o.Text("metric")}");
        var max = kind == OutcomeKind.Share ? 1 : kind == OutcomeKind.Flag ? 1 : 1e9;
        var value = o.Number("value", 0, max);
        if (kind == OutcomeKind.Flag && value is { } v && v is not (0 or 1))
            o.Diagnostics.Error(o.Get("value", false)!, o.Child("value"), "a flag is 1 (yes) or 0 (no)");
        var regions = ReadRegions(o, caseId is not null && scenarios.TryGetValue(caseId, out var s) ? s.Spec : null);
        var hours = o.Number("hours", 0, 24 * 366, required: false);
        double from = 0;
        double? to = null;
        if (o.Sequence("window", required: false) is { } window)
        {
            if (window.Children.Count != 2 || hours is not null)
                o.Diagnostics.Error(window, o.Child("window"), hours is not null ? "give hours or a window, not both" : "must be [from_hours, to_hours]");
            else
            {
                from = Scalars.Number(window.Children[0], o.Child("window[0]"), 0, 24 * 366, o.Diagnostics) ?? 0;
                to = Scalars.Number(window.Children[1], o.Child("window[1]"), from, 24 * 366, o.Diagnostics);
            }
        }
        var source = o.Text("source");
        var text = o.Text("text");
        o.Finish();
        if (caseId is null || id is null || metric is null || kind is null || unit is null || value is null || source is null || text is null) return null;
        return new ReportedOutcome(caseId, id, metric.Value, regions, value.Value * unit.Value.Factor, kind.Value, hours, from, to, source, text);
    }

    private static T? Choice<T>(MappingReader o, string key, Dictionary<string, T> choices) where T : struct
    {
        var text = o.Text(key);
        if (text is null) return null;
        if (choices.TryGetValue(text, out var value)) return value;
        o.Diagnostics.Error(o.Get(key, false)!, o.Child(key), $"unknown {key} '{text}'" + Suggest.DidYouMean(text, choices.Keys));
        return null;
    }

    private static IReadOnlyList<string> ReadRegions(MappingReader o, ScenarioSpec? scenario)
    {
        var node = o.Get("regions", required: false);
        if (node is null) return [];
        if (node is not YamlSequenceNode seq)
        {
            o.Diagnostics.Error(node, o.Child("regions"), "must be a list of region ids (leave it out for the whole country)");
            return [];
        }
        var ids = new List<string>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            if (seq.Children[i] is not YamlScalarNode { Value: { Length: > 0 } id })
            {
                o.Diagnostics.Error(seq.Children[i], $"{o.Child("regions")}[{i}]", "must be a region id");
                continue;
            }
            if (scenario is not null && scenario.Grid.RegionIndex(id) < 0)
                o.Diagnostics.Error(seq.Children[i], $"{o.Child("regions")}[{i}]", $"unknown region '{id}'" + Suggest.DidYouMean(id, scenario.Grid.Regions.Select(r => r.Id)));
            else ids.Add(id);
        }
        return ids;
    }
}
