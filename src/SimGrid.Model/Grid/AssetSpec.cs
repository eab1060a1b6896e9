namespace SimGrid.Model.Grid;

/// <param name="Id">Unique across the grid, e.g. kyiv-chp-4.</param>
/// <param name="CapacityMw">Electric capacity; for distribution zones the peak load they carry.</param>
/// <param name="HeatShare">Share (0-1) of the region's district-heated people this asset heats; 0 for most assets.</param>
/// <param name="InitialDamage">Damage already present when the scenario starts.</param>
/// <param name="RepairInitialDamage">
/// False for the standing state of the fleet (a grid file's damage: the pre-existing deficit, not repaired in a run);
/// true for fresh damage a scenario starts with, which crews repair.
/// </param>
public sealed record AssetSpec(
    string Id,
    AssetClass Class,
    double CapacityMw,
    double HeatShare,
    DamageState InitialDamage,
    bool RepairInitialDamage = false);
