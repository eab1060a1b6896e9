using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SimGrid.Tests.Scenarios;

/// <summary>The JSON Schemas that editors use agree with the files users run, and catch what the loader catches.</summary>
public class SchemaTests
{
    // Loaded once: the library keeps a process-wide registry of schemas by URI.
    private static readonly Dictionary<string, JsonSchema> Loaded = new()
    {
        ["scenario.schema.json"] = JsonSchema.FromFile(Path.Combine(Repo.Scenarios, "schema", "scenario.schema.json")),
        ["grid.schema.json"] = JsonSchema.FromFile(Path.Combine(Repo.Scenarios, "schema", "grid.schema.json")),
        ["reported.schema.json"] = JsonSchema.FromFile(Path.Combine(Repo.Scenarios, "schema", "reported.schema.json")),
        ["grid-state.schema.json"] = JsonSchema.FromFile(Path.Combine(Repo.Scenarios, "schema", "grid-state.schema.json")),
    };

    private static JsonSchema Schema(string name) => Loaded[name];

    public static TheoryData<string> Files() => [.. Repo.ScenarioFiles().Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_scenario_file_satisfies_the_scenario_schema(string file) =>
        AssertValid(Schema("scenario.schema.json"), Path.Combine(Repo.Scenarios, file));

    public static TheoryData<string> HindcastFiles() => [.. Repo.HindcastScenarioFiles().Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(HindcastFiles))]
    public void Every_hindcast_case_satisfies_the_scenario_schema(string file) =>
        AssertValid(Schema("scenario.schema.json"), Path.Combine(Repo.Hindcast, file));

    [Theory]
    [InlineData("ukraine-2022-23.yaml")]
    [InlineData("ukraine-2024-25.yaml")]
    public void Every_grid_state_satisfies_its_schema(string file) =>
        AssertValid(Schema("grid-state.schema.json"), Path.Combine(Repo.Scenarios, "grids", file));

    [Fact]
    public void The_reported_outcomes_satisfy_their_schema() =>
        AssertValid(Schema("reported.schema.json"), Path.Combine(Repo.Hindcast, "reported.yaml"));

    [Fact]
    public void The_reported_schema_rejects_an_unknown_unit()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Hindcast, "reported.yaml")).Replace("unit: subscribers", "unit: homes", StringComparison.Ordinal);
        Assert.False(Schema("reported.schema.json").Evaluate(ToJson(text)).IsValid);
    }

    [Fact]
    public void The_reference_grid_satisfies_the_grid_schema() =>
        AssertValid(Schema("grid.schema.json"), Path.Combine(Repo.Scenarios, "grids", "ukraine-2026.yaml"));

    // One rule broken at a time, each on an otherwise valid file, and each refusal found where the rule applies.
    [Theory]
    [InlineData("duration: 7d", "duration: 7d\ndurration: 7d", "/durration")]                              // a misspelt extra field
    [InlineData("start: 2026-02-02T18:00:00+02:00", "start: 2026-02-02T18:00:00", "/start")]              // no UTC offset
    [InlineData("duration: 7d", "", "")]                                                                  // a required field missing
    public void The_schema_rejects_each_broken_rule_where_it_applies(string from, string to, string location)
    {
        var seed = File.ReadAllText(Repo.SeedScenario);
        Assert.Contains(from, seed, StringComparison.Ordinal);
        var result = Schema("scenario.schema.json").Evaluate(ToJson(seed.Replace(from, to, StringComparison.Ordinal)),
            new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.False(result.IsValid);
        var failed = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => d.InstanceLocation.ToString()).ToList();
        Assert.Contains(location, failed);
    }

    private static void AssertValid(JsonSchema schema, string path)
    {
        var result = schema.Evaluate(ToJson(File.ReadAllText(path)), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, path + "\n" + string.Join("\n", errors));
    }

    /// <summary>YAML to JSON the way an editor's YAML support sees it: plain scalars that look like numbers are numbers.</summary>
    private static JsonElement ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return JsonSerializer.SerializeToElement(Convert(stream.Documents[0].RootNode));
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode s => new JsonArray([.. s.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v } when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) =>
            v.Contains('.', StringComparison.Ordinal) || v.Contains('e', StringComparison.OrdinalIgnoreCase) ? JsonValue.Create(d) : JsonValue.Create(long.Parse(v, CultureInfo.InvariantCulture)),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}
