namespace SimGrid.Model.Repair;

/// <summary>
/// The repair strategies a scenario or command line can name. <c>mutual-aid</c> orders jobs as <c>fifo</c> inside a
/// region and, nationally, sends idle teams to the neighbouring region with the largest backlog (see <see cref="MutualAid"/>).
/// </summary>
public static class RepairStrategies
{
    public const string MutualAidName = "mutual-aid";

    public static readonly IReadOnlyList<string> Names =
        ["fifo", "largest-load-first", "critical-first", "shortest-job-first", MutualAidName, "optimal-schedule"];

    public static IRepairStrategy Create(string name) => name switch
    {
        "fifo" or MutualAidName => new FifoStrategy(),
        "largest-load-first" => new LargestLoadFirstStrategy(),
        "critical-first" => new CriticalFirstStrategy(),
        "shortest-job-first" => new ShortestJobFirstStrategy(),
        "optimal-schedule" => new ScheduleStrategy(),
        _ => throw new ArgumentException($"unknown repair strategy '{name}' (known: {string.Join(", ", Names)})", nameof(name)),
    };
}
