using System.Globalization;
using SimGrid.Model.Scenario;

namespace SimGrid.Scenarios;

/// <summary>
/// One-factor sweeps for studies (<c>--vary crews=0.5x,1x,2x</c>): each level is a changed copy of the scenario.
/// <c>crews</c> and <c>import</c> take multipliers (0.5x); <c>interception</c> takes percentage points added to every
/// weapon's probability (-10%, 0, +10%), kept within 0 and 1.
/// </summary>
public static class Variants
{
    public static readonly IReadOnlyList<string> Factors = ["crews", "interception", "import"];

    /// <summary>Parses "factor=level,level,..." into named scenario copies; problems are returned as messages.</summary>
    public static (IReadOnlyList<(string Name, ScenarioSpec Scenario)> Variants, string? Error) Parse(string spec, ScenarioSpec scenario)
    {
        var parts = spec.Split('=', 2);
        if (parts.Length != 2 || !Factors.Contains(parts[0]))
        {
            return ([], $"--vary: expected factor=level,level (factors: {string.Join(", ", Factors)}), got '{spec}'");
        }
        var factor = parts[0];
        var result = new List<(string, ScenarioSpec)>();
        foreach (var raw in parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var level = Level(factor, raw);
            if (level is null)
            {
                var example = factor == "interception" ? "-10%, 0 or +5%" : "0.5x or 2x";
                return ([], $"--vary: level '{raw}' of {factor} should look like {example}");
            }
            result.Add(($"{factor}={raw}", Apply(scenario, factor, level.Value)));
        }
        return result.Count == 0 ? ([], "--vary: give at least one level") : (result, null);
    }

    private static double? Level(string factor, string raw)
    {
        var text = raw.TrimEnd(factor == "interception" ? '%' : 'x');
        if (factor != "interception" && !raw.EndsWith('x')) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v)) return null;
        return factor == "interception" ? v / 100 : v >= 0 && v <= 100 ? v : null;
    }

    public static ScenarioSpec Apply(ScenarioSpec s, string factor, double level) => factor switch
    {
        "crews" => s with { Grid = s.Grid with { Regions = [.. s.Grid.Regions.Select(r => r with { Crews = (int)Math.Round(r.Crews * level) })] } },
        "import" => s with { Grid = s.Grid with { ImportLimitMw = s.Grid.ImportLimitMw * level } },
        _ => s with
        {
            Grid = s.Grid with
            {
                Weapons = [.. s.Grid.Weapons.Select(w => w with { Interception = Math.Clamp(w.Interception + level, 0, 1) })],
                Regions = [.. s.Grid.Regions.Select(r => r with
                {
                    Interception = r.Interception?.ToDictionary(kv => kv.Key, kv => Math.Clamp(kv.Value + level, 0, 1)),
                })],
            },
        },
    };
}
