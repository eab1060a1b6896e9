namespace SimGrid.Scenarios;

/// <summary>
/// A bounded number a caller can send, defined once: what it means, its range, and where the JSON Schemas describe it
/// (file:JSON-pointer below "properties", with items and additionalProperties steps written out). The file readers,
/// the override reader and the live-event parser all take it from here, and a test holds the schemas to it.
/// </summary>
public sealed record NumberLimit(string Meaning, double Min, double Max, bool Whole, params string[] SchemaPaths)
{
    public bool Admits(double value) => value >= Min && value <= Max && (!Whole || value == Math.Floor(value));

    /// <summary>The refusal, in the words the file readers use too.</summary>
    public string Rule => $"must be {(Whole ? "a whole number" : "a number")} between {Yaml.MappingReader.Format(Min)} and {Yaml.MappingReader.Format(Max)}";
}

/// <summary>Every bounded number of scenario files, grid files and live events, in one place.</summary>
public static class InputLimits
{
    /// <summary>Weapons in a salvo of a scenario file, or in a strike injected live.</summary>
    public static readonly NumberLimit Weapons = new("weapons launched", 1, 1_000_000, true,
        "scenario:waves/items/salvos/items/count");

    /// <summary>Repair crews arriving in a region, by a timed event or live.</summary>
    public static readonly NumberLimit CrewsArriving = new("repair crews arriving", 1, 100_000, true,
        "scenario:events/items/crews");

    /// <summary>A region's own repair crews, in a grid file or an override.</summary>
    public static readonly NumberLimit RegionCrews = new("repair crews of a region", 0, 100_000, true,
        "grid:regions/items/crews", "scenario:overrides/regions/additionalProperties/crews", "grid-state:overrides/regions/additionalProperties/crews");

    /// <summary>Spare large transformers delivered by a timed event.</summary>
    public static readonly NumberLimit SparesDelivered = new("spare transformers delivered", 1, 10_000, true,
        "scenario:events/items/count");

    /// <summary>Spare large transformers in reserve at the start.</summary>
    public static readonly NumberLimit SpareTransformers = new("spare transformers in reserve", 0, 10_000, true,
        "grid:spare_transformers", "scenario:overrides/spare_transformers", "grid-state:overrides/spare_transformers");

    /// <summary>The national import limit (MW), in a grid file, an override, a timed event or live.</summary>
    public static readonly NumberLimit ImportLimitMw = new("national import limit, MW", 0, 1_000_000, false,
        "grid:import_limit_mw", "scenario:overrides/import_limit_mw", "grid-state:overrides/import_limit_mw", "scenario:events/items/mw");

    /// <summary>Sites an asset of a grid file stands for (district boiler houses), each hit on its own.</summary>
    public static readonly NumberLimit Sites = new("sites an asset stands for", 1, 1_000, true,
        "grid:regions/items/assets/items/sites");

    /// <summary>A region's population or metered customers.</summary>
    public static readonly NumberLimit People = new("people or customers of a region", 0, 100_000_000, true,
        "grid:regions/items/population", "grid:regions/items/customers");

    /// <summary>An observed or forecast air temperature (C), in a weather series or live.</summary>
    public static readonly NumberLimit TemperatureC = new("air temperature, C", -60, 50, false);

    /// <summary>Hours a strike injected live takes to arrive.</summary>
    public static readonly NumberLimit StrikeHours = new("hours a live strike lasts", 0.25, 48, false);

    /// <summary>Hours an observed temperature injected live holds.</summary>
    public static readonly NumberLimit WeatherHours = new("hours a live temperature holds", 0.25, 720, false);

    public static IReadOnlyList<NumberLimit> All { get; } =
        [Weapons, CrewsArriving, RegionCrews, SparesDelivered, SpareTransformers, ImportLimitMw, Sites, People, TemperatureC, StrikeHours, WeatherHours];
}
