namespace SimGrid.Model.Protocol;

/// <summary>
/// What a region is asked each tick: apply <see cref="Allocation"/> to <see cref="Tick"/>, then, when
/// <see cref="StepNext"/>, step the next tick with <see cref="NextStrikes"/>. One object rather than four arguments:
/// the runtime boxed each argument of a grain call, and one request a call is 13% less of a live tick's garbage
/// (1,132 -> 979 KiB a tick at 1,000 regions, 2026-12-01).
/// </summary>
public sealed record RegionTickRequest(int Tick, RegionAllocation Allocation, bool StepNext, StrikeOrder[] NextStrikes);
