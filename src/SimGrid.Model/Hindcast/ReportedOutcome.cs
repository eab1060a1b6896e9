namespace SimGrid.Model.Hindcast;

/// <summary>What a reported figure measures, in the model's terms (docs/hindcast.md, "Scoring rules").</summary>
public enum OutcomeMetric
{
    /// <summary>People cut off by the attack (damage-caused and emergency outages, not standing schedules), above the level just before it.</summary>
    PeopleWithoutPower,
    /// <summary>Share of customers without power, whatever the cause (rolling schedules included), 0-1.</summary>
    ShareWithoutPower,
    /// <summary>People without district heat, above the level just before the attack.</summary>
    PeopleWithoutHeat,
    /// <summary>National shortfall: connected demand not served (MW); a "queue" of schedules is about 1,250 MW.</summary>
    ShortfallMw,
    /// <summary>Regions where the attack cut off at least 5% of customers (damage-caused or emergency).</summary>
    RegionsCut,
    /// <summary>Hours from the attack until the people it left without heat fall to a tenth of their peak.</summary>
    HoursToRestoreHeat,
    /// <summary>Hours from the attack until the people it cut off fall to a tenth of their peak.</summary>
    HoursToRestorePower,
    /// <summary>
    /// Hours from the attack until most of the regions it cut are restored: the regions still cut (as in
    /// <see cref="RegionsCut"/>) fall to half of the most it cut at once ("most regions restored within hours").
    /// </summary>
    HoursToRestoreMostRegions,
    /// <summary>Nuclear units tripped by the attack's grid disturbance (a flag: any or none).</summary>
    NuclearUnitsTripped,
}

/// <summary>How a prediction is judged against the report.</summary>
public enum OutcomeKind
{
    /// <summary>Within a factor of two.</summary>
    Approx,
    /// <summary>A "more than X" report: at least half of X.</summary>
    AtLeast,
    /// <summary>A share: within 0.2 of it.</summary>
    Share,
    /// <summary>Yes or no: the same answer.</summary>
    Flag,
}

/// <summary>
/// One outcome reported after a past attack, converted to the model's units (people, MW, hours, shares).
/// </summary>
/// <param name="Regions">Region ids summed; empty for the whole country.</param>
/// <param name="Value">The reported value in model units (a flag: 1 yes, 0 no).</param>
/// <param name="AtHours">Hours after the attack began (t0) the value refers to; null: the peak over the window.</param>
/// <param name="FromHours">Start of the window searched for the peak, hours after t0 (default 0).</param>
/// <param name="ToHours">End of the window searched for the peak (default: the end of the run).</param>
public sealed record ReportedOutcome(
    string Case,
    string Id,
    OutcomeMetric Metric,
    IReadOnlyList<string> Regions,
    double Value,
    OutcomeKind Kind,
    double? AtHours,
    double FromHours,
    double? ToHours,
    string Source,
    string Text);

/// <summary>An outcome, what the model predicted for it (NaN: never reached in the run) and whether that is a hit.</summary>
public sealed record ScoredOutcome(ReportedOutcome Outcome, double Predicted, bool Hit);
