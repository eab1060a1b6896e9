using SimGrid.Model.Grid;

namespace SimGrid.Model.Scenario;

/// <summary>What operators tell a running simulation.</summary>
public enum LiveEventKind
{
    /// <summary>A strike wave: <see cref="LiveEvent.Count"/> weapons of <see cref="LiveEvent.Weapon"/> over the next <see cref="LiveEvent.Hours"/>.</summary>
    Strike,

    /// <summary>Observed damage: <see cref="LiveEvent.Asset"/> is now in state <see cref="LiveEvent.Damage"/> (none = back in service).</summary>
    Damage,

    /// <summary>Observed or forecast temperature <see cref="LiveEvent.Value"/> C in a region (or all) for <see cref="LiveEvent.Hours"/>.</summary>
    Weather,

    /// <summary><see cref="LiveEvent.Count"/> repair teams arrive in <see cref="LiveEvent.Region"/>.</summary>
    Crews,

    /// <summary>The national EU import limit becomes <see cref="LiveEvent.Value"/> MW.</summary>
    ImportLimit,
}

/// <summary>
/// An event injected into a running simulation; it takes effect at the next tick to be played. One flat record so it
/// crosses grains as plain data and can be replayed for forecasts.
/// </summary>
public sealed record LiveEvent(
    LiveEventKind Kind,
    string? Region = null,
    string? Asset = null,
    string? Weapon = null,
    int Count = 0,
    IReadOnlyList<Weighted<string>>? Regions = null,
    IReadOnlyList<Weighted<AssetClass>>? Classes = null,
    DamageState Damage = DamageState.None,
    double Value = 0,
    double Hours = 1);
