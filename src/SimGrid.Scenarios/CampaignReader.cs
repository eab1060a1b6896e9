using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using SimGrid.Model.Grid;
using SimGrid.Model.Scenario;
using SimGrid.Scenarios.Yaml;

namespace SimGrid.Scenarios;

/// <summary>
/// A generated strike campaign: a budget of weapons spent over a number of waves of fixed length, at random times with at
/// least a cooldown between them (after Grid2Op's opponent: budget, attack duration, cooldown). Expanded into ordinary
/// waves when the file is read, from the campaign's own seed, so a campaign file always means the same strikes.
/// </summary>
internal static class CampaignReader
{
    public static IEnumerable<WaveSpec> Read(MappingReader root, ScenarioContext context, int scenarioSeed)
    {
        if (root.Mapping("campaign", required: false) is not { } c) return [];
        var id = c.Text("id") ?? "campaign";
        var start = c.Timestamp("start");
        var end = c.Timestamp("end");
        var count = c.WholeNumber("waves", 1, 1000) ?? 1;
        var length = c.Duration("wave_duration") ?? TimeSpan.FromHours(6);
        var cooldown = c.Duration("cooldown") ?? TimeSpan.FromHours(24);
        var seed = c.WholeNumber("seed", 0, int.MaxValue, required: false) ?? scenarioSeed;
        var budget = Budget(c, context);
        var regions = WeightReader.Read(c, "regions", required: true, context.KnowsRegion, context.RegionIds, "region");
        var classes = WeightReader.Read(c, "classes", required: false, id => AssetClasses.TryParse(id, out _), AssetClasses.All.Select(x => x.ToId()), "asset class");
        c.Finish();
        if (start is not { } from || end is not { } to) return [];
        if (context.Start is { } s && context.Duration is { } d && (from < s || to > s + d))
        {
            c.Diagnostics.Error(c.Get("start", false)!, c.Child("start"), "campaign must lie inside the scenario window");
        }
        var slack = to - from - (length * count) - (cooldown * (count - 1));
        if (slack < TimeSpan.Zero)
        {
            c.Diagnostics.Error(c.Node, c.Path, $"{count} waves of {length} with {cooldown} between them do not fit between start and end");
            return [];
        }
        return Expand(id, from, count, length, cooldown, slack, seed, budget, regions, classes);
    }

    private static List<WaveSpec> Expand(string id, DateTimeOffset from, int count, TimeSpan length, TimeSpan cooldown, TimeSpan slack,
        int seed, List<(string Weapon, int Count)> budget, List<Weighted<string>> regions, List<Weighted<string>> classes)
    {
        var rng = new Xoshiro256StarStar(seed, threadSafe: false);
        // Sorted uniform offsets inside the slack keep every gap at least the cooldown.
        var offsets = Enumerable.Range(0, count).Select(_ => rng.NextDouble() * slack.Ticks).Order().ToArray();
        var share = Enumerable.Repeat(1.0 / count, count).ToArray();
        var perWave = budget.Select(b => Multinomial.Sample(rng, share, b.Count)).ToArray();
        var classWeights = classes.Select(x => new Weighted<AssetClass>(AssetClasses.TryParse(x.Item, out var k) ? k : default, x.Weight)).ToList();
        var waves = new List<WaveSpec>();
        for (var i = 0; i < count; i++)
        {
            var start = from + TimeSpan.FromTicks((long)offsets[i]) + ((length + cooldown) * i);
            var salvos = budget.Select((b, w) => new SalvoSpec(b.Weapon, perWave[w][i], regions, classWeights, null)).Where(x => x.Count > 0).ToList();
            waves.Add(new WaveSpec($"{id}-{i + 1}", start, start + length, salvos));
        }
        return waves;
    }

    private static List<(string, int)> Budget(MappingReader c, ScenarioContext context)
    {
        var result = new List<(string, int)>();
        if (c.Mapping("budget") is not { } map) return result;
        foreach (var (weapon, keyNode, value) in map.Entries())
        {
            if (!context.KnowsWeapon(weapon))
                map.Diagnostics.Error(keyNode, map.Child(weapon), $"unknown weapon '{weapon}'" + Suggest.DidYouMean(weapon, context.Grid!.Weapons.Select(w => w.Id)));
            if (Scalars.WholeNumber(value, map.Child(weapon), 0, 1_000_000, map.Diagnostics) is { } n) result.Add((weapon, n));
        }
        return result;
    }
}
