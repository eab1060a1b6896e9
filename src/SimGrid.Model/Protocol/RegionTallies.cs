namespace SimGrid.Model.Protocol;

/// <summary>
/// A region's counts by kind, for live telemetry: assets damaged now by asset class (the class's id), and weapons
/// launched, downed and hitting since the start, by weapon id.
/// </summary>
public sealed record RegionTallies(
    IReadOnlyDictionary<string, int> DamagedByClass,
    IReadOnlyDictionary<string, long> LaunchedByWeapon,
    IReadOnlyDictionary<string, long> InterceptedByWeapon,
    IReadOnlyDictionary<string, long> HitByWeapon);
