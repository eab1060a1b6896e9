using System.Text.Json.Nodes;
using SimGrid.Model.Grid;
using SimGrid.Scenarios;
using SimGrid.Scenarios.Live;

namespace SimGrid.Tests.Scenarios;

/// <summary>One definition per bounded input: the JSON Schemas and the live parser cannot drift from InputLimits.</summary>
public class InputLimitsTests
{
    public static TheoryData<string> SchemaPaths()
    {
        var data = new TheoryData<string>();
        foreach (var path in InputLimits.All.SelectMany(l => l.SchemaPaths)) data.Add(path);
        return data;
    }

    [Theory]
    [MemberData(nameof(SchemaPaths))]
    public void Each_schema_states_the_range_its_reader_enforces(string location)
    {
        var limit = InputLimits.All.Single(l => l.SchemaPaths.Contains(location));
        var (file, pointer) = (location[..location.IndexOf(':')], location[(location.IndexOf(':') + 1)..]);
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Scenarios, "schema", file + ".schema.json")))!;
        foreach (var step in pointer.Split('/'))
        {
            // Object members sit under "properties"; "items" and "additionalProperties" are written out in the path.
            node = step is "items" or "additionalProperties" ? node[step]! : node["properties"]![step]!;
        }
        Assert.Equal(limit.Min, node["minimum"]!.GetValue<double>());
        Assert.Equal(limit.Max, node["maximum"]!.GetValue<double>());
        Assert.Equal(limit.Whole ? "integer" : "number", node["type"]!.GetValue<string>());
    }

    [Fact]
    public void A_live_event_accepts_exactly_the_range_a_scenario_event_accepts()
    {
        var grid = ScenarioLoader.Load(Repo.SeedScenario).Grid;
        string? Crews(double n) => LiveEventParser.Parse(JsonNodeToElement(new JsonObject { ["type"] = "crews", ["region"] = "kyiv", ["crews"] = n }), grid).Error;
        string? Strike(double n) => LiveEventParser.Parse(JsonNodeToElement(new JsonObject { ["type"] = "strike", ["weapon"] = "shahed", ["count"] = n, ["regions"] = new JsonObject { ["kyiv"] = 1 } }), grid).Error;
        // Both ends of each range are accepted, one step beyond refused with the rule the file readers print.
        Assert.Null(Crews(InputLimits.CrewsArriving.Min));
        Assert.Null(Crews(InputLimits.CrewsArriving.Max));
        Assert.Equal("crews: must be a whole number between 1 and 100000", Crews(InputLimits.CrewsArriving.Max + 1));
        Assert.Null(Strike(InputLimits.Weapons.Max));
        Assert.Equal("count: must be a whole number between 1 and 1000000", Strike(InputLimits.Weapons.Min - 1));
        Assert.Equal("count: must be a whole number between 1 and 1000000", Strike(2.5));
    }

    private static System.Text.Json.JsonElement JsonNodeToElement(JsonNode node) => System.Text.Json.JsonDocument.Parse(node.ToJsonString()).RootElement;
}
