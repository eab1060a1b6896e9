namespace SimGrid.Model.Repair;

/// <summary>The repair strategies a scenario or command line can name.</summary>
public static class RepairStrategies
{
    public static readonly IReadOnlyList<string> Names = ["fifo"];

    public static IRepairStrategy Create(string name) => name switch
    {
        "fifo" => new FifoStrategy(),
        _ => throw new ArgumentException($"unknown repair strategy '{name}' (known: {string.Join(", ", Names)})", nameof(name)),
    };
}
