using SimGrid.Grains.Abstractions;
using SimGrid.Model.Outputs;
using SimGrid.Model.Scenario;

namespace SimGrid.Grains.Live;

/// <summary>What a live run was started with: written once.</summary>
[GenerateSerializer]
public sealed class LiveRunSetupState
{
    [Id(0)] public RunSetup? Setup { get; set; }
}

/// <summary>
/// What a live run has done: written at every tick boundary and on every change. With the setup it is all a run needs
/// to resume elsewhere, because the run's state is a pure function of setup, logged events and ticks played.
/// </summary>
[GenerateSerializer]
public sealed class LiveRunProgress
{
    [Id(0)] public LiveRunStatus Status { get; set; } = LiveRunStatus.Starting;
    [Id(1)] public string? Failure { get; set; }
    [Id(2)] public double Speed { get; set; }
    [Id(3)] public bool Paused { get; set; }
    [Id(4)] public int NextTick { get; set; }
    [Id(5)] public List<LoggedEvent> Events { get; set; } = [];
    [Id(6)] public ForecastBand? Forecast { get; set; }
    /// <summary>How many times the run was rebuilt from this state mid-run (after its silo was lost or a tick failed).</summary>
    [Id(7)] public int Resumes { get; set; }

    /// <summary>The results, kept once the run has ended so that its grains can be freed.</summary>
    [Id(8)] public RunSummary? Summary { get; set; }

    /// <summary>The national series, kept with the summary once the run has ended (its simulation is freed).</summary>
    [Id(9)] public NationalPoint[]? Series { get; set; }
}
