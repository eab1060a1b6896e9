using System.Text.Json;
using SimGrid.Model.Grid;
using SimGrid.Model.Scenario;

namespace SimGrid.Scenarios.Live;

/// <summary>
/// Reads an injected event from a JSON body, checking it against the run's grid; every problem names its field.
/// A request that fails here changes nothing. Numbers are held to the same definitions as the scenario files'
/// (<see cref="InputLimits"/>): a live event accepts exactly what a scenario event accepts.
/// </summary>
public static class LiveEventParser
{
    public static (LiveEvent? Event, string? Error) Parse(JsonElement body, GridSpec grid)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, "body: must be a JSON object");
        var type = Text(body, "type");
        if (type is not null && Fields.TryGetValue(type, out var known))
        {
            // Nothing is accepted silently: a field this event does not have, or a value of the wrong kind, is refused.
            foreach (var field in body.EnumerateObject())
            {
                if (!known.Contains(field.Name)) return Fail(field.Name, $"unknown field for a {type} event (known: {string.Join(", ", known)})");
                var expected = Kinds[field.Name];
                if (field.Value.ValueKind != expected)
                {
                    return Fail(field.Name, expected switch
                    {
                        JsonValueKind.Number => "must be a number",
                        JsonValueKind.Object => "must be an object of names and weights",
                        _ => "must be a text value",
                    });
                }
            }
        }
        switch (type)
        {
            case "strike":
                var weapon = Text(body, "weapon");
                if (weapon is null || grid.Weapon(weapon) is null) return Fail("weapon", $"must be one of {string.Join(", ", grid.Weapons.Select(w => w.Id))}");
                if (Number(body, "count") is not { } count || !InputLimits.Weapons.Admits(count)) return Fail("count", InputLimits.Weapons.Rule);
                var hours = Number(body, "hours") ?? 1;
                if (!InputLimits.StrikeHours.Admits(hours)) return Fail("hours", InputLimits.StrikeHours.Rule);
                var asset = Text(body, "asset");
                if (asset is not null && !grid.Regions.Any(r => r.Assets.Any(a => a.Id == asset))) return Fail("asset", $"unknown asset '{asset}'");
                var (regions, regionError) = Weights(body, "regions", id => grid.RegionIndex(id) >= 0, "region");
                if (regionError is not null) return (null, regionError);
                if (asset is null && regions.Count == 0) return Fail("regions", "give target regions with weights, or an asset");
                var (classes, classError) = Weights(body, "classes", id => AssetClasses.TryParse(id, out _), "asset class");
                if (classError is not null) return (null, classError);
                return (new LiveEvent(LiveEventKind.Strike, Weapon: weapon, Count: (int)count, Asset: asset, Hours: hours, Regions: asset is null ? regions : null,
                    Classes: [.. classes.Select(c => new Weighted<AssetClass>(AssetClasses.TryParse(c.Item, out var k) ? k : default, c.Weight))]), null);
            case "damage":
                var damaged = Text(body, "asset");
                if (damaged is null || !grid.Regions.Any(r => r.Assets.Any(a => a.Id == damaged))) return Fail("asset", $"unknown asset '{damaged}'");
                if (Text(body, "state") is not { } s || !Enum.TryParse<DamageState>(s, true, out var state) || int.TryParse(s, out _))
                    return Fail("state", "must be one of none, slight, moderate, extensive, complete");
                return (new LiveEvent(LiveEventKind.Damage, Asset: damaged, Damage: state), null);
            case "weather":
                if (Number(body, "temperature_c") is not { } c || !InputLimits.TemperatureC.Admits(c)) return Fail("temperature_c", InputLimits.TemperatureC.Rule);
                var region = Text(body, "region");
                if (region is not null && grid.RegionIndex(region) < 0) return Fail("region", $"unknown region '{region}'");
                var forHours = Number(body, "hours") ?? 24;
                if (!InputLimits.WeatherHours.Admits(forHours)) return Fail("hours", InputLimits.WeatherHours.Rule);
                return (new LiveEvent(LiveEventKind.Weather, Region: region, Value: c, Hours: forHours), null);
            case "crews":
                var to = Text(body, "region");
                if (to is null || grid.RegionIndex(to) < 0) return Fail("region", $"unknown region '{to}'");
                if (Number(body, "crews") is not { } n || !InputLimits.CrewsArriving.Admits(n)) return Fail("crews", InputLimits.CrewsArriving.Rule);
                return (new LiveEvent(LiveEventKind.Crews, Region: to, Count: (int)n), null);
            case "import_limit":
                if (Number(body, "mw") is not { } mw || !InputLimits.ImportLimitMw.Admits(mw)) return Fail("mw", InputLimits.ImportLimitMw.Rule);
                return (new LiveEvent(LiveEventKind.ImportLimit, Value: mw), null);
            default:
                return Fail("type", "must be one of strike, damage, weather, crews, import_limit");
        }
    }

    private static (LiveEvent?, string?) Fail(string field, string message) => (null, $"{field}: {message}");

    private static readonly Dictionary<string, string[]> Fields = new(StringComparer.Ordinal)
    {
        ["strike"] = ["type", "weapon", "count", "hours", "asset", "regions", "classes"],
        ["damage"] = ["type", "asset", "state"],
        ["weather"] = ["type", "temperature_c", "region", "hours"],
        ["crews"] = ["type", "region", "crews"],
        ["import_limit"] = ["type", "mw"],
    };

    private static readonly Dictionary<string, JsonValueKind> Kinds = new(StringComparer.Ordinal)
    {
        ["type"] = JsonValueKind.String, ["weapon"] = JsonValueKind.String, ["asset"] = JsonValueKind.String, ["state"] = JsonValueKind.String,
        ["region"] = JsonValueKind.String, ["count"] = JsonValueKind.Number, ["hours"] = JsonValueKind.Number, ["temperature_c"] = JsonValueKind.Number,
        ["crews"] = JsonValueKind.Number, ["mw"] = JsonValueKind.Number, ["regions"] = JsonValueKind.Object, ["classes"] = JsonValueKind.Object,
    };

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) ? d : null;

    private static (List<Weighted<string>>, string?) Weights(JsonElement body, string name, Func<string, bool> known, string what)
    {
        var list = new List<Weighted<string>>();
        if (!body.TryGetProperty(name, out var map)) return (list, null);
        if (map.ValueKind != JsonValueKind.Object) return (list, $"{name}: must be an object of {what} ids and weights");
        foreach (var p in map.EnumerateObject())
        {
            if (!known(p.Name)) return (list, $"{name}.{p.Name}: unknown {what}");
            if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out var w) || w < 0) return (list, $"{name}.{p.Name}: weight must be a number >= 0");
            list.Add(new Weighted<string>(p.Name, w));
        }
        return (list, null);
    }
}
