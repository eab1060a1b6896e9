using MathNet.Numerics.Distributions;
using SimGrid.Model.Grid;
using SimGrid.Model.Physics;
using SimGrid.Model.Repair;
using SimGrid.Model.Simulation;
using SimGrid.Model.Assets;
using SimGrid.Model.Protocol;

namespace SimGrid.Model.Region;

/// <summary>Phase 1 for one region: which weapons are downed, which hit, and what each hit does to its asset.</summary>
public sealed class StrikeResolver(RegionSpec region, AssetBook assets, Random rng)
{
    private readonly RegionSpec region = region;
    private AssetBook assets = assets;
    private Random rng = rng;

    /// <summary>
    /// A copy for a forecast branch, resolving onto the branch's <paramref name="branchAssets"/>; it shares this
    /// resolver's stream until the branch reseeds it, which a branch does before it plays.
    /// </summary>
    public StrikeResolver Fork(AssetBook branchAssets)
    {
        var copy = (StrikeResolver)MemberwiseClone();
        copy.assets = branchAssets;
        copy.launchedByWeapon = new SortedDictionary<string, long>(launchedByWeapon, StringComparer.Ordinal);
        copy.interceptedByWeapon = new SortedDictionary<string, long>(interceptedByWeapon, StringComparer.Ordinal);
        copy.hitByWeapon = new SortedDictionary<string, long>(hitByWeapon, StringComparer.Ordinal);
        copy.sitesHit = [.. sitesHit];
        return copy;
    }

    /// <summary>Switches to another replication's stream (forecasts branch the future from a replayed past).</summary>
    public void Reseed(Random stream) => rng = stream;

    /// <summary>The stream damage draws come from (observed damage draws its repair time from it too).</summary>
    public Random Rng => rng;

    private SortedDictionary<string, long> launchedByWeapon = new(StringComparer.Ordinal);
    private SortedDictionary<string, long> interceptedByWeapon = new(StringComparer.Ordinal);
    private SortedDictionary<string, long> hitByWeapon = new(StringComparer.Ordinal);

    /// <summary>
    /// Chance that a hit strikes a site its salvo has already hit here rather than a new one [E]: attacks aim several
    /// weapons at each chosen site, and reports count about two hits per site (34 hits on 19 sites on 7 Feb 2026, C1;
    /// 41 on 18 on 13 Dec 2025, C9; ~25 on 15 on 15 Nov 2022, C24): with this chance a hit is a repeat, so a site
    /// takes 1 / (1 - 0.5) = 2 hits on average. A repeat hit escalates the site's damage (AssetBook.Hit).
    /// </summary>
    public const double RepeatHitChance = 0.5;

    // Sites hit so far, by the salvo that hit them, in the order hit (a list: the draw depends on its order).
    private List<(int Salvo, int Asset)> sitesHit = [];

    public IReadOnlyDictionary<string, long> LaunchedByWeapon => launchedByWeapon;
    public IReadOnlyDictionary<string, long> InterceptedByWeapon => interceptedByWeapon;
    public IReadOnlyDictionary<string, long> HitByWeapon => hitByWeapon;

    /// <summary>Bumped whenever the tallies by weapon change, so readers can keep a copy until then.</summary>
    public int TallyVersion { get; private set; }

    public int Launched { get; private set; }
    public int Intercepted { get; private set; }
    public int Hits { get; private set; }

    public void Resolve(ReadOnlySpan<StrikeOrder> orders, Func<int, PlannedSalvo> salvoOf, int transformerLeadTicks, int tick)
    {
        Launched = Intercepted = Hits = 0;
        foreach (var order in orders)
        {
            var salvo = salvoOf(order.SalvoIndex);
            var weapon = salvo.Weapon;
            var pDown = region.InterceptionOf(weapon);
            var downed = Binomial.Sample(rng, pDown, order.Count);
            var leakers = order.Count - downed;
            var hits = Binomial.Sample(rng, weapon.Hit, leakers);
            Launched += order.Count;
            Intercepted += downed;
            Hits += hits;
            TallyVersion++;
            Add(launchedByWeapon, weapon.Id, order.Count);
            Add(interceptedByWeapon, weapon.Id, downed);
            Add(hitByWeapon, weapon.Id, hits);
            for (var h = 0; h < hits; h++)
            {
                var target = RepeatOrPick(order.SalvoIndex, salvo);
                if (target < 0) continue;
                var drawn = DrawDamage(weapon.DamageFor(assets.Class(target)));
                assets.Hit(target, drawn);
                assets.AssignWork(target, rng, tick, transformerLeadTicks);
            }
        }
    }

    private static void Add(SortedDictionary<string, long> tally, string weapon, long count) =>
        tally[weapon] = tally.GetValueOrDefault(weapon) + count;

    private DamageState DrawDamage(IReadOnlyList<double> damage)
    {
        var u = rng.NextDouble();
        var acc = 0.0;
        for (var s = 0; s < damage.Count; s++)
        {
            acc += damage[s];
            if (u < acc) return (DamageState)(s + 1);
        }
        return DamageState.Complete;
    }

    /// <summary>A site this salvo has hit here already (<see cref="RepeatHitChance"/>), else a target drawn anew.</summary>
    private int RepeatOrPick(int salvoIndex, PlannedSalvo salvo)
    {
        var hitBefore = 0;
        for (var k = 0; k < sitesHit.Count; k++)
        {
            if (sitesHit[k].Salvo == salvoIndex) hitBefore++;
        }
        if (hitBefore > 0 && salvo.Salvo.AssetId is null && rng.NextDouble() < RepeatHitChance)
        {
            var pick = rng.Next(hitBefore);
            for (var k = 0; k < sitesHit.Count; k++)
            {
                if (sitesHit[k].Salvo == salvoIndex && pick-- == 0) return sitesHit[k].Asset;
            }
        }
        var target = PickTarget(salvo);
        if (target >= 0 && !sitesHit.Contains((salvoIndex, target))) sitesHit.Add((salvoIndex, target));
        return target;
    }

    /// <summary>A named asset, else a class drawn by the salvo's weights, then an asset of that class drawn by capacity.</summary>
    private int PickTarget(PlannedSalvo salvo)
    {
        if (salvo.Salvo.AssetId is { } id)
        {
            for (var i = 0; i < assets.Count; i++)
            {
                if (assets.Spec(i).Id == id) return i;
            }
            return -1;
        }
        var classes = salvo.Salvo.Classes;
        double total = 0;
        for (var i = 0; i < assets.Count; i++) total += Weight(classes, i);
        if (total <= 0) return -1;
        var u = rng.NextDouble() * total;
        for (var i = 0; i < assets.Count; i++)
        {
            u -= Weight(classes, i);
            if (u < 0) return i;
        }
        return assets.Count - 1;
    }

    /// <summary>
    /// Chance weight of asset i: its class weight shared among the class's assets by capacity,
    /// so that a class's total weight does not depend on how many assets it is split into.
    /// </summary>
    private double Weight(IReadOnlyList<Scenario.Weighted<AssetClass>> classes, int i)
    {
        var c = assets.Class(i);
        var cap = assets.CapacityMw(i);
        if (classes.Count == 0) return cap;
        // By index: a foreach over the interface would allocate an enumerator for every asset weighed.
        for (var k = 0; k < classes.Count; k++)
        {
            if (classes[k].Item == c) return classes[k].Weight * cap / assets.ClassCapacityMw(c);
        }
        return 0;
    }
}
