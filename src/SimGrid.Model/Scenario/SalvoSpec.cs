using SimGrid.Model.Grid;

namespace SimGrid.Model.Scenario;

/// <summary>A number of weapons of one type, spread over the wave's window, aimed either at a named asset or at regions and asset classes by weight.</summary>
/// <param name="Regions">Target regions and weights (weights need not sum to 1); ignored when <paramref name="AssetId"/> is set.</param>
/// <param name="Classes">Asset classes aimed at, with weights; empty means every class the region has, weighted by capacity.</param>
public sealed record SalvoSpec(
    string Weapon,
    int Count,
    IReadOnlyList<Weighted<string>> Regions,
    IReadOnlyList<Weighted<AssetClass>> Classes,
    string? AssetId);

public sealed record Weighted<T>(T Item, double Weight);
