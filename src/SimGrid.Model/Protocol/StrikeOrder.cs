namespace SimGrid.Model.Protocol;

/// <summary>Weapons of one salvo arriving over a region in one tick; the region resolves interception and hits.</summary>
public readonly record struct StrikeOrder(int SalvoIndex, int Count);
