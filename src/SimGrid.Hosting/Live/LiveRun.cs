using System.Diagnostics;
using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;
using SimGrid.Grains.Telemetry;
using SimGrid.Model.Outputs;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;

namespace SimGrid.Hosting.Live;

/// <summary>
/// One simulation played at a chosen pace against the clock of a <see cref="TimeProvider"/> (speed 60: a simulated minute
/// per second; 0: as fast as possible). Injected events go to its simulation grain and into a log that forecasts replay.
/// A failure stops this run only.
/// </summary>
public sealed class LiveRun : IDisposable
{
    private readonly ISimulationGrain grain;
    private readonly TimeProvider time;
    private readonly SimGridMetrics metrics;
    private readonly Lock gate = new();
    private readonly List<(int Tick, LiveEvent Event)> events = [];
    private readonly List<(int Tick, TaskCompletionSource Done)> waiters = [];
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource wake = new();
    private long anchorTimestamp;
    private int anchorTick;

    public LiveRun(string id, RunSetup setup, IGrainFactory grains, TimeProvider time, SimGridMetrics metrics, double speed)
    {
        Id = id;
        Setup = setup;
        this.time = time;
        this.metrics = metrics;
        Speed = speed;
        grain = grains.GetGrain<ISimulationGrain>(id);
        RegionIds = [.. setup.Scenario.Grid.Regions.Select(r => r.Id)];
    }

    public string Id { get; }
    public RunSetup Setup { get; }
    public IReadOnlyList<string> RegionIds { get; }
    public double Speed { get; private set; }
    public bool Paused { get; private set; }
    public string Status { get; private set; } = "starting";
    public string? Failure { get; private set; }
    public int NextTick { get; private set; }
    public RegionTickRecord[] Latest { get; private set; } = [];
    public RegionTallies[] LatestTallies { get; private set; } = [];
    public ForecastBand? Forecast { get; private set; }

    public DateTimeOffset SimulatedTime => Setup.Scenario.TimeOf(NextTick);

    public IReadOnlyList<(int Tick, LiveEvent Event)> Events
    {
        get
        {
            lock (gate) return [.. events];
        }
    }

    public LiveSnapshot Snapshot() => new(Id, Setup.Scenario.Name, RegionIds, Latest, SimulatedTime, Forecast, LatestTallies);

    /// <summary>Plays the run to its end (or until stopped); the caller keeps the task.</summary>
    public async Task PlayAsync(CancellationToken ct)
    {
        try
        {
            await grain.StartAsync(new Immutable<RunSetup>(Setup));
            Reanchor();
            Status = "running";
            started.TrySetResult();
            while (NextTick < Setup.Scenario.TickCount && !ct.IsCancellationRequested)
            {
                await WaitUntilDueAsync(ct);
                var watch = Stopwatch.StartNew();
                var batch = await grain.AdvanceAsync(1);
                metrics.RecordTickDuration(Id, Setup.Scenario.Name, watch.Elapsed);
                Latest = batch.Records.Value[0];
                LatestTallies = batch.Tallies.Value;
                NextTick = batch.FirstTick + 1;
                Release(NextTick);
            }
            Status = ct.IsCancellationRequested ? "stopped" : "finished";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Status = "stopped";
        }
        catch (Exception e)
        {
            // A failing simulation is reported and stopped; the server and the other runs go on.
            Failure = e.Message;
            Status = "failed";
        }
        finally
        {
            started.TrySetResult();
            Release(int.MaxValue);
        }
    }

    public void Pause()
    {
        Paused = true;
        Wake();
    }

    public void Resume()
    {
        Paused = false;
        Reanchor();
        Wake();
    }

    /// <param name="speed">Simulated seconds per wall second; 0 for as fast as possible.</param>
    public void SetSpeed(double speed)
    {
        Speed = speed;
        Reanchor();
        Wake();
    }

    public async Task<int> InjectAsync(LiveEvent e)
    {
        var tick = await grain.InjectAsync(new Immutable<LiveEvent>(e));
        lock (gate)
        {
            events.Add((tick, e));
            events.Sort((a, b) => a.Tick.CompareTo(b.Tick));
        }
        return tick;
    }

    public void SetForecast(ForecastBand band) => Forecast = band;

    /// <summary>Completes once the run has started and its clock is anchored (ticks are due from then on).</summary>
    public Task WhenStartedAsync() => started.Task;

    /// <summary>Completes when tick <paramref name="tick"/> has been played (or the run ended): for callers that must not poll.</summary>
    public Task WhenPlayedAsync(int tick)
    {
        lock (gate)
        {
            if (NextTick > tick || Status is "finished" or "failed" or "stopped") return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((tick, done));
            return done.Task;
        }
    }

    private async Task WaitUntilDueAsync(CancellationToken ct)
    {
        while (true)
        {
            CancellationTokenSource wakeNow;
            TimeSpan wait;
            lock (gate)
            {
                wakeNow = wake;
                wait = Paused ? Timeout.InfiniteTimeSpan : DueIn();
            }
            if (wait == TimeSpan.Zero) return;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, wakeNow.Token);
            try
            {
                var delay = Task.Delay(wait, time, linked.Token);
                // The clock may have moved between working out the wait and arming the timer (a fake clock jumps):
                // then the timer is late by that much, so work the wait out again from the clock as it is now.
                if (!Paused && DueIn() < wait)
                {
                    await linked.CancelAsync();
                    continue;
                }
                await delay;
                if (!Paused) return;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // Woken by pause, resume or a new speed: work the wait out again.
            }
        }
    }

    /// <summary>How long until the next tick is due at the current speed, from the last anchor.</summary>
    private TimeSpan DueIn()
    {
        if (Speed <= 0) return TimeSpan.Zero;
        var simulated = Setup.Scenario.Tick * (NextTick + 1 - anchorTick);
        var due = TimeSpan.FromTicks((long)(simulated.Ticks / Speed));
        var elapsed = time.GetElapsedTime(anchorTimestamp);
        return due > elapsed ? due - elapsed : TimeSpan.Zero;
    }

    private void Reanchor()
    {
        lock (gate)
        {
            anchorTimestamp = time.GetTimestamp();
            anchorTick = NextTick;
        }
    }

    private void Wake()
    {
        lock (gate)
        {
            // The old source is cancelled, not disposed: a waiter may still be linking to its token.
            var old = wake;
            wake = new CancellationTokenSource();
            old.Cancel();
        }
    }

    public void Dispose() => wake.Dispose();

    private void Release(int played)
    {
        lock (gate)
        {
            foreach (var (tick, done) in waiters.Where(w => w.Tick < played).ToList())
            {
                done.TrySetResult();
                waiters.Remove((tick, done));
            }
        }
    }
}
