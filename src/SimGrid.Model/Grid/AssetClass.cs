namespace SimGrid.Model.Grid;

/// <summary>What an asset is; decides how a hit damages it and how long it takes to repair.</summary>
public enum AssetClass
{
    Nuclear,
    Thermal,
    Chp,
    Hydro,
    Gas,
    Solar,
    Wind,
    Substation750,
    Substation330,
    Distribution,
    HeatPlant,
}

public static class AssetClasses
{
    public static bool IsGeneration(this AssetClass c) => c <= AssetClass.Wind;

    public static bool IsTransmission(this AssetClass c) => c is AssetClass.Substation750 or AssetClass.Substation330;

    /// <summary>Scenario-file spelling: lowercase, underscores (substation_330).</summary>
    public static string ToId(this AssetClass c) => c switch
    {
        AssetClass.Substation750 => "substation_750",
        AssetClass.Substation330 => "substation_330",
        AssetClass.HeatPlant => "heat_plant",
        _ => c.ToString().ToLowerInvariant(),
    };

    public static readonly IReadOnlyList<AssetClass> All = Enum.GetValues<AssetClass>();

    /// <summary>
    /// Capacity factors when a grid file gives none, by class order (generation classes only) [E]; for solar, the
    /// midday peak share. The shipped grid sets its own (scenarios/grids/ukraine-2026.yaml says from which facts).
    /// </summary>
    public static readonly IReadOnlyList<double> DefaultCapacityFactors = [0.85, 0.6, 0.85, 0.3, 0.9, 0.25, 0.3];

    public static bool TryParse(string id, out AssetClass value)
    {
        foreach (var c in All)
        {
            if (c.ToId() == id)
            {
                value = c;
                return true;
            }
        }
        value = default;
        return false;
    }
}
