using SimGrid.Model.Grid;
using SimGrid.Model.Scenario;

namespace SimGrid.Model.Protocol;

/// <summary>A salvo placed on the tick axis: weapons arrive evenly over ticks [StartTick, EndTick).</summary>
/// <param name="RegionIndices">Target regions (grid order) and <paramref name="Weights"/>; a single region for a named asset.</param>
public sealed record PlannedSalvo(
    int Index,
    SalvoSpec Salvo,
    WeaponSpec Weapon,
    int StartTick,
    int EndTick,
    IReadOnlyList<int> RegionIndices,
    IReadOnlyList<double> Weights)
{
    public bool IsActive(int tick) => tick >= StartTick && tick < EndTick;

    /// <summary>Weapons arriving in <paramref name="tick"/>: an even integer split of the count over the window.</summary>
    public int DueAt(int tick)
    {
        if (!IsActive(tick)) return 0;
        long k = tick - StartTick;
        long window = EndTick - StartTick;
        return (int)((Salvo.Count * (k + 1) / window) - (Salvo.Count * k / window));
    }

    public bool Targets(int regionIndex)
    {
        for (var i = 0; i < RegionIndices.Count; i++)
        {
            if (RegionIndices[i] == regionIndex && Weights[i] > 0) return true;
        }
        return false;
    }
}
