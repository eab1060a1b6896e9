using Orleans.Runtime;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;
using SimGrid.Grains.Telemetry;
using SimGrid.Model.Outputs;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using SimGrid.Model.Protocol;

namespace SimGrid.Grains.Live;

/// <summary>
/// A live run; see <see cref="ILiveRunGrain"/>. Its simulation grain holds the model; this grain holds the pace and the
/// persisted progress. Any failure to play a tick (a region or the simulation lost with its silo) is met by restoring
/// the simulation from the persisted progress and playing the tick again, backing off while the cluster notices a lost
/// silo; a tick that fails five times running fails the run.
/// </summary>
public sealed partial class LiveRunGrain(
    [PersistentState("setup", LiveStorage.Name)] IPersistentState<LiveRunSetupState> stored,
    [PersistentState("progress", LiveStorage.Name)] IPersistentState<LiveRunProgress> progress,
    IGrainFactory grains, ILocalSiloDetails silo, LiveClock clock, LiveBoard board, SimGridMetrics metrics, ILogger<LiveRunGrain> log) : Grain, ILiveRunGrain
{
    private const int MaxAttempts = 5;

    private readonly List<(int Tick, TaskCompletionSource Done)> waiters = [];
    private RegionTickRecord[] latest = [];
    private RegionTallies[] tallies = [];
    private string[] regionIds = [];
    private bool restored;
    private int failedAttempts;
    private LivePace? pace;
    private int schedule;             // bumped whenever the pace changes: wake-ups of an older schedule are ignored
    private Task? waiting;            // the wake-up in flight, if any
    private Action? cancelWait;

    private string Id => this.GetPrimaryKeyString();
    private RunSetup Setup => stored.State.Setup ?? throw new InvalidOperationException($"live run {Id} was not started");
    private LiveRunProgress State => progress.State;
    private bool Ended => State.Status.HasEnded();
    private ISimulationGrain Simulation => grains.GetGrain<ISimulationGrain>(Id);

    public async Task StartAsync(Immutable<RunSetup> setup, double speed)
    {
        if (stored.State.Setup is not null) throw new InvalidOperationException($"live run {Id} was already started");
        stored.State.Setup = setup.Value;
        await stored.WriteStateAsync();
        progress.State = new LiveRunProgress { Speed = speed };
        await progress.WriteStateAsync();
        await RestoreAsync();
        State.Status = LiveRunStatus.Running;
        await progress.WriteStateAsync();
        Reanchor();
        ScheduleNext();
    }

    public async Task ForgetAsync()
    {
        if (!Ended) throw new InvalidOperationException($"live run {Id} is {State.Status.Name()}: only an ended run can be forgotten");
        await progress.ClearStateAsync();
        await stored.ClearStateAsync();
        DeactivateOnIdle();
    }

    public async Task<LiveRunView> GetViewAsync()
    {
        if (stored.State.Setup is null) return new LiveRunView(Id, LiveRunStatus.Unknown, null, 0, false, 0, [], [], [], null, Host, 0);
        await EnsurePlayingAsync();
        return View();
    }

    public Task<Immutable<RunSetup>?> GetSetupAsync() =>
        Task.FromResult(stored.State.Setup is { } s ? new Immutable<RunSetup>(s) : (Immutable<RunSetup>?)null);

    public async Task<Immutable<RunSummary>> GetSummaryAsync()
    {
        if (State.Summary is { } kept) return new Immutable<RunSummary>(kept);
        if (!restored) await RestoreAsync();
        return await Simulation.GetSummaryAsync();
    }

    public async Task<LiveRunView> PauseAsync()
    {
        if (Ended) return View();
        State.Paused = true;
        await progress.WriteStateAsync();
        CancelWait();
        Changed();
        return View();
    }

    public Task<LiveRunView> ResumeAsync() => RepaceAsync(() => State.Paused = false);

    public Task<LiveRunView> SetSpeedAsync(double speed) => RepaceAsync(() => State.Speed = speed);

    /// <summary>A change of pace (resumed, or a new speed): persisted, then the next tick is due from now at the new pace.</summary>
    private async Task<LiveRunView> RepaceAsync(Action change)
    {
        if (Ended) return View();
        change();
        await progress.WriteStateAsync();
        Reanchor();
        ScheduleNext();
        Changed();
        return View();
    }

    public async Task<LiveRunView> StopAsync()
    {
        if (!Ended) await EndAsync(LiveRunStatus.Stopped, null);
        return View();
    }

    public async Task<int> InjectAsync(Immutable<LiveEvent> e)
    {
        if (Ended || stored.State.Setup is null) throw new InvalidOperationException($"live run {Id} is {State.Status.Name()}");
        if (!restored) await RestoreAsync();
        int tick;
        try
        {
            tick = await Simulation.InjectAsync(e);
        }
        catch
        {
            restored = false;   // the simulation may have taken part of the event: rebuild it before the next tick
            throw;
        }
        State.Events.Add(new LoggedEvent(tick, e.Value));
        await progress.WriteStateAsync();
        Changed();
        return tick;
    }

    public async Task SetForecastAsync(Immutable<ForecastBand> band)
    {
        State.Forecast = band.Value;
        await progress.WriteStateAsync();
        Publish();
    }

    public Task WhenPlayedAsync(int tick)
    {
        if (State.NextTick > tick || Ended) return Task.CompletedTask;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiters.Add((tick, done));
        return done.Task;
    }

    public async Task PlayDueAsync(int due)
    {
        if (due != schedule || Ended || State.Paused) return;
        try
        {
            if (!restored) await RestoreAsync();
            var watch = Stopwatch.StartNew();
            var batch = await Simulation.AdvanceAsync(1);
            metrics.RecordTickDuration(Id, Setup.Scenario.Name, watch.Elapsed);
            latest = batch.Records.Value[0];
            tallies = batch.Tallies.Value;
            State.NextTick = batch.FirstTick + 1;
            if (batch.Finished) State.Status = LiveRunStatus.Finished;
            await progress.WriteStateAsync();
            failedAttempts = 0;
        }
        catch (Exception e)
        {
            // A grain of the run was lost with its silo, or the tick itself failed: rebuild from the last persisted
            // tick and try again, after 1, 2, 4, 8 s (failure detection takes a few seconds); the same failure five times
            // running is the run's own, and ends it.
            restored = false;
            LogTickFailed(Id, State.NextTick, e.Message);
            if (++failedAttempts >= MaxAttempts)
            {
                await EndAsync(LiveRunStatus.Failed, e.Message);
                return;
            }
            ScheduleNext(TimeSpan.FromSeconds(1 << (failedAttempts - 1)));
            return;
        }
        Publish();
        Release();
        if (State.Status == LiveRunStatus.Finished) await EndAsync(LiveRunStatus.Finished, null);
        else ScheduleNext();
    }

    public Task WakeAsync() => EnsurePlayingAsync();

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        CancelWait();
        board.Remove(Id);
        return Task.CompletedTask;
    }

    /// <summary>After a move to this silo (or a failed tick), rebuilds the simulation and picks the pace up again.</summary>
    private async Task EnsurePlayingAsync()
    {
        if (stored.State.Setup is null) return;
        try
        {
            if (!restored && (!Ended || State.NextTick > 0)) await RestoreAsync();
        }
        catch (Exception e)
        {
            // The cluster may not have noticed the lost silo yet; the keeper wakes the run again within a second.
            LogRestoreFailed(Id, e.Message);
            return;
        }
        if (pace is null) Reanchor();
        if (waiting is null || waiting.IsCompleted) ScheduleNext();
    }

    private async Task RestoreAsync()
    {
        if (State.NextTick > 0 && !Ended)
        {
            State.Resumes++;
            await progress.WriteStateAsync();
        }
        var batch = await Simulation.RestoreAsync(new Immutable<RunSetup>(Setup), new Immutable<LoggedEvent[]>([.. State.Events]), State.NextTick);
        regionIds = [.. Setup.Scenario.Grid.Regions.Select(r => r.Id)];
        latest = batch.Records.Value.Length > 0 ? batch.Records.Value[^1] : [];
        tallies = batch.Tallies.Value;
        restored = true;
        Publish();
    }

    private async Task EndAsync(LiveRunStatus status, string? failure)
    {
        State.Status = status;
        State.Failure = failure;
        if (failure is null && restored)
        {
            // Keep the results and free the simulation and its regions: an ended run then holds a summary, not a
            // grid's worth of state per tick played (963 MB stayed held after a long run before).
            State.Summary = (await Simulation.GetSummaryAsync()).Value;
            State.Series = (await Simulation.GetSeriesAsync(0)).Value;
        }
        await progress.WriteStateAsync();
        CancelWait();
        Release();
        if (State.Summary is not null) await Simulation.ReleaseAsync();
        Changed();
        await grains.GetGrain<ILiveDirectoryGrain>(ILiveDirectoryGrain.Key).EndedAsync(Id);
    }

    private void Release()
    {
        foreach (var w in waiters.Where(w => w.Tick < State.NextTick || Ended).ToList())
        {
            w.Done.TrySetResult();
            waiters.Remove(w);
        }
    }

    private void Publish()
    {
        Changed();
        if (latest.Length == 0) return;
        board.Publish(new LiveSnapshot(Id, Setup.Scenario.Name, regionIds, latest, Setup.Scenario.TimeOf(State.NextTick), State.Forecast, tallies));
    }

    private LiveRunView View() => new(Id, State.Status, State.Failure, State.Speed, State.Paused, State.NextTick, latest, tallies,
        [.. State.Events], State.Forecast, Host, State.Resumes);

    private string Host => silo.SiloAddress.ToString();

    [LoggerMessage(Level = LogLevel.Warning, Message = "live run {Run}: tick {Tick} failed ({Reason}); restoring from the last persisted tick")]
    private partial void LogTickFailed(string run, int tick, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "live run {Run}: restore failed ({Reason}); retrying at the next wake")]
    private partial void LogRestoreFailed(string run, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "live run {Run}: wake-up lost ({Reason})")]
    private partial void LogWakeFailed(string run, string reason);
}
