namespace SimGrid.Model.Outputs;

/// <summary>
/// A forecast from the current state over many replications: people without power over the horizon (P10, P50, P90 per
/// tick), and the hours until damage-caused outages, past their peak in the horizon, fall to a tenth of it.
/// </summary>
public sealed record ForecastBand(
    int FromTick,
    DateTimeOffset From,
    int Replications,
    double HorizonHours,
    IReadOnlyList<double> HoursAhead,
    IReadOnlyList<double> PeopleWithoutPowerP10,
    IReadOnlyList<double> PeopleWithoutPowerP50,
    IReadOnlyList<double> PeopleWithoutPowerP90,
    double PeakPeopleWithoutPowerP10,
    double PeakPeopleWithoutPowerP50,
    double PeakPeopleWithoutPowerP90,
    double? HoursToRestoreP10,
    double? HoursToRestoreP50,
    double? HoursToRestoreP90,
    double ComputeSeconds);
