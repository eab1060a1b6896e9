namespace SimGrid.Grains.Live;

/// <summary>The grain storage live runs persist in: Redis in a cluster, memory in the embedded silo.</summary>
public static class LiveStorage
{
    public const string Name = "simgrid-live";
}
