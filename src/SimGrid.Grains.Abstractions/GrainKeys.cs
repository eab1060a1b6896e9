namespace SimGrid.Grains.Abstractions;

/// <summary>Grain keys carry the run id, so many runs live side by side in one cluster.</summary>
public static class GrainKeys
{
    public static string Region(string runId, string regionId) => $"{runId}/{regionId}";
}
