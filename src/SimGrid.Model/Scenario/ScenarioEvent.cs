namespace SimGrid.Model.Scenario;

/// <summary>What a timed event does.</summary>
public enum EventKind
{
    /// <summary>Repair teams arrive in <see cref="ScenarioEvent.Region"/> (mutual aid, contractors); Value = teams.</summary>
    CrewsArrive,

    /// <summary>Spare large transformers reach the national stock; Value = count.</summary>
    SparesDelivered,

    /// <summary>The national EU import limit becomes Value MW.</summary>
    ImportLimit,

    /// <summary><see cref="ScenarioEvent.Asset"/> returns to service, whatever its damage.</summary>
    AssetReturns,
}

/// <summary>Something that happens at a known time, outside the strikes. One flat record so it crosses grains as plain data.</summary>
public sealed record ScenarioEvent(DateTimeOffset At, EventKind Kind, string? Region, string? Asset, double Value)
{
    public bool IsNational => Kind is EventKind.SparesDelivered or EventKind.ImportLimit;
}
