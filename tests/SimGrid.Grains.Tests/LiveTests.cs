using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;
using SimGrid.Grains.Telemetry;
using SimGrid.Hosting.Live;
using SimGrid.Model.Grid;
using SimGrid.Model.Outputs;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;

namespace SimGrid.Tests.Grains;

/// <summary>Live pacing on a silo whose live clock is fake: ticks come exactly when the clock says they are due.</summary>
public sealed class LivePacingTests(FakeClockCluster fixture) : IClassFixture<FakeClockCluster>
{
    // A timeout turns a pacing bug (a tick waiting for a time that never comes) into a failure instead of a hang.
    [Fact(Timeout = 120_000)]
    public async Task At_speed_60_a_simulated_hour_takes_a_minute_of_the_clock()
    {
        var clock = FakeClockSiloConfigurator.Clock;
        var run = fixture.Cluster.Client.GetGrain<ILiveRunGrain>($"pace-{Guid.NewGuid():N}");
        await run.StartAsync(new Immutable<RunSetup>(SeedRun.Setup()), 60);

        // A 15-minute tick at 60x is due 15 s after the previous one: a minute of fake time plays exactly four ticks,
        // and the fifth is due at 75 s whatever the order in which the wake-ups and the clock move.
        clock.Advance(TimeSpan.FromSeconds(60));
        await run.WhenPlayedAsync(3);
        Assert.Equal(4, (await run.GetViewAsync()).NextTick);

        clock.Advance(TimeSpan.FromSeconds(14.9));
        Assert.Equal(4, (await run.GetViewAsync()).NextTick);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await run.WhenPlayedAsync(4);
        Assert.Equal(5, (await run.GetViewAsync()).NextTick);

        // Paused, the clock can run on without a tick; resumed, the next tick is due a full tick later.
        await run.PauseAsync();
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(5, (await run.GetViewAsync()).NextTick);
        await run.ResumeAsync();
        clock.Advance(TimeSpan.FromSeconds(15));
        await run.WhenPlayedAsync(5);
        Assert.Equal(6, (await run.GetViewAsync()).NextTick);
        Assert.Equal(LiveRunStatus.Stopped, (await run.StopAsync()).Status);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_live_run_deactivated_mid_run_resumes_from_its_persisted_state_and_ends_as_the_kernel()
    {
        // Paced by the fake clock, the run stops at a known tick whatever the machine's load (played as fast as it
        // could, it sometimes finished the week before the pause arrived).
        var clock = FakeClockSiloConfigurator.Clock;
        var setup = SeedRun.Setup();
        var run = fixture.Cluster.Client.GetGrain<ILiveRunGrain>($"live-deactivated-{Guid.NewGuid():N}");
        await run.StartAsync(new Immutable<RunSetup>(setup), 60);
        Assert.Equal(0, await run.InjectAsync(new Immutable<LiveEvent>(LiveTests.Strike)));
        // At 60x tick k is due (k + 1) x 15 s after the start: 1,500 s play ticks 0-99 and no more.
        clock.Advance(TimeSpan.FromSeconds(100 * 15));
        await run.WhenPlayedAsync(99);
        var paused = await run.PauseAsync();
        Assert.Equal(100, paused.NextTick);

        // The run and its simulation go (as with a lost silo); only the grain storage keeps anything.
        await run.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        await fixture.Cluster.Client.GetGrain<ISimulationGrain>(paused.Id).Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        var back = await run.GetViewAsync();
        Assert.Equal(1, back.Resumes);
        Assert.Equal(paused.NextTick, back.NextTick);
        Assert.Equal(paused.Latest, back.Latest);

        await run.SetSpeedAsync(0);
        await run.ResumeAsync();
        await run.WhenPlayedAsync(setup.Scenario.TickCount - 1);
        var summary = (await run.GetSummaryAsync()).Value;
        var kernel = LiveTests.KernelWith(setup, [(0, LiveTests.Strike)]);
        Assert.Equal(kernel.National, summary.National);
        Assert.Equal(kernel.Regions, summary.Regions);
    }
}

/// <summary>Live mode on a real silo: injected events that a kernel replay reproduces, and restores from the event log.</summary>
[Collection(OneSiloGroup.Name)]
public sealed class LiveTests(OneSiloCluster fixture)
{
    internal static readonly LiveEvent Strike = new(LiveEventKind.Strike, Weapon: "iskander-m", Count: 12,
        Regions: [new Weighted<string>("kharkiv", 1)], Classes: [new Weighted<AssetClass>(AssetClass.Substation330, 1)], Hours: 0.25);

    /// <summary>The kernel's run of <paramref name="setup"/> with <paramref name="log"/> injected at its ticks.</summary>
    internal static RunSummary KernelWith(RunSetup setup, IReadOnlyList<(int Tick, LiveEvent Event)> log)
    {
        var sim = new GridSimulation(setup);
        for (var t = 0; t < sim.TickCount; t++)
        {
            foreach (var (_, e) in log.Where(l => l.Tick == t)) sim.Inject(e);
            sim.Step(t);
        }
        return sim.Summarize();
    }

    [Fact]
    public async Task A_simulation_restored_from_its_event_log_goes_on_exactly_as_the_original()
    {
        var setup = SeedRun.Setup();
        var original = fixture.Cluster.Client.GetGrain<ISimulationGrain>($"original-{Guid.NewGuid():N}");
        await original.StartAsync(new Immutable<RunSetup>(setup));
        var log = new List<LoggedEvent> { new(0, new LiveEvent(LiveEventKind.ImportLimit, Value: 1500)) };
        Assert.Equal(0, await original.InjectAsync(new Immutable<LiveEvent>(log[0].Event)));
        await original.AdvanceAsync(40);
        log.Add(new LoggedEvent(await original.InjectAsync(new Immutable<LiveEvent>(Strike)), Strike));
        var played = await original.AdvanceAsync(60);
        var crews = new LiveEvent(LiveEventKind.Crews, Region: "kharkiv", Count: 30);
        log.Add(new LoggedEvent(await original.InjectAsync(new Immutable<LiveEvent>(crews)), crews));
        Assert.Equal([0, 41, 101], log.Select(l => l.Tick));

        // Another grain (as on another silo after a loss) rebuilt from the log reaches the same state at tick 100...
        var restored = fixture.Cluster.Client.GetGrain<ISimulationGrain>($"restored-{Guid.NewGuid():N}");
        var last = await restored.RestoreAsync(new Immutable<RunSetup>(setup), new Immutable<LoggedEvent[]>([.. log]), 100);
        Assert.Equal(99, last.FirstTick);
        Assert.Equal(played.Records.Value[^1], last.Records.Value[0]);

        // ...and from there both play the same future, the kernel's with the same events.
        await original.AdvanceAsync(1000);
        await restored.AdvanceAsync(1000);
        var a = (await original.GetSummaryAsync()).Value;
        var b = (await restored.GetSummaryAsync()).Value;
        Assert.Equal(a.National, b.National);
        Assert.Equal(a.Regions, b.Regions);
        Assert.Equal(KernelWith(setup, [.. log.Select(l => (l.Tick, l.Event))]).National, a.National);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_live_run_with_an_injected_event_ends_as_the_kernel_with_that_event()
    {
        var setup = SeedRun.Setup();
        var run = fixture.Cluster.Client.GetGrain<ILiveRunGrain>($"live-test-{Guid.NewGuid():N}");
        // Speed 1 on this cluster's frozen clock: no tick is ever due, so the event lands at a known point.
        await run.StartAsync(new Immutable<RunSetup>(setup), 1);
        var tick = await run.InjectAsync(new Immutable<LiveEvent>(Strike));
        Assert.Equal(0, tick);
        await run.SetSpeedAsync(0);
        await run.WhenPlayedAsync(setup.Scenario.TickCount - 1);

        var view = await run.GetViewAsync();
        Assert.Equal(LiveRunStatus.Finished, view.Status);
        Assert.Equal(setup.Scenario.TickCount, view.NextTick);
        var logged = Assert.Single(view.Events);
        Assert.Equal((0, "iskander-m", 12), (logged.Tick, logged.Event.Weapon, logged.Event.Count));
        var summary = (await run.GetSummaryAsync()).Value;
        var kernel = KernelWith(setup, [(0, Strike)]);
        Assert.Equal(kernel.National, summary.National);
        Assert.Equal(kernel.Regions, summary.Regions);
        Assert.NotEqual(GridSimulation.Run(setup).National, summary.National);

        // The ended run keeps its summary and frees its simulation (and regions): the grain deactivates once idle.
        var simulation = fixture.Cluster.Client.GetGrain<ISimulationGrain>(run.GetPrimaryKeyString()).GetGrainId();
        var management = fixture.Cluster.Client.GetGrain<IManagementGrain>(0);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await management.GetActiveGrains(simulation.Type)).Contains(simulation))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the ended run's simulation grain is still active");
            await Task.Delay(50);
        }
        var kept = (await run.GetSummaryAsync()).Value;
        Assert.Equal(summary.National, kept.National);
        Assert.Equal(summary.Regions, kept.Regions);
    }

    [Fact]
    public async Task Injected_events_change_the_next_tick_and_a_kernel_replay_reproduces_the_run()
    {
        var setup = SeedRun.Setup();
        var grain = fixture.Cluster.Client.GetGrain<ISimulationGrain>($"inject-{Guid.NewGuid():N}");
        await grain.StartAsync(new Immutable<RunSetup>(setup));
        await grain.AdvanceAsync(40);
        var kharkiv = setup.Scenario.Grid.RegionIndex("kharkiv");

        var log = new List<(int Tick, LiveEvent Event)>();
        foreach (var e in new[]
        {
            Strike,
            new LiveEvent(LiveEventKind.Damage, Asset: "kyiv-chp-5", Damage: DamageState.Complete),
            new LiveEvent(LiveEventKind.ImportLimit, Value: 1200),
            new LiveEvent(LiveEventKind.Weather, Region: "odesa", Value: -25, Hours: 12),
            new LiveEvent(LiveEventKind.Crews, Region: "kharkiv", Count: 30),
        })
        {
            log.Add((await grain.InjectAsync(new Immutable<LiveEvent>(e)), e));
        }
        Assert.All(log, entry => Assert.Equal(41, entry.Tick));
        var rest = await grain.AdvanceAsync(1000);
        var records = rest.Records.Value;
        // Tick 41, the strike's quarter hour: twelve more weapons over Kharkiv than the scenario's own wave sends.
        var plain = new GridSimulation(setup);
        for (var t = 0; t < 41; t++) plain.Step(t);
        Assert.Equal(plain.Step(41)[kharkiv].WeaponsLaunched + 12, records[1][kharkiv].WeaponsLaunched);
        var grains = (await grain.GetSummaryAsync()).Value;

        var kernel = KernelWith(setup, log);
        Assert.Equal(kernel.National, grains.National);
        Assert.Equal(kernel.Regions, grains.Regions);

        var untouched = GridSimulation.Run(setup);
        Assert.True(grains.Regions[kharkiv].WeaponsHit > untouched.Regions[kharkiv].WeaponsHit);
        Assert.True(grains.National.CustomerHoursInterrupted > untouched.National.CustomerHoursInterrupted);
    }

    [Fact]
    public void A_forecast_replays_the_past_and_branches_the_future()
    {
        var setup = SeedRun.Setup();
        var events = new List<(int, LiveEvent)> { (41, Strike) };
        var band = Forecaster.Forecast(setup, events, 41, replications: 8);
        Assert.Equal(8, band.Replications);
        Assert.Equal(288, band.HoursAhead.Count);
        Assert.All(Enumerable.Range(0, 288), h => Assert.True(band.PeopleWithoutPowerP10[h] <= band.PeopleWithoutPowerP50[h] && band.PeopleWithoutPowerP50[h] <= band.PeopleWithoutPowerP90[h]));
        // Replications share the past and draw different futures, so the band opens up.
        Assert.Contains(band.PeopleWithoutPowerP90.Zip(band.PeopleWithoutPowerP10), p => p.First > p.Second);
        // Same inputs, same forecast.
        Assert.Equal(band.PeopleWithoutPowerP50, Forecaster.Forecast(setup, events, 41, replications: 8).PeopleWithoutPowerP50);
    }
}

[Collection(OneSiloGroup.Name)]
public sealed class TracingTests(OneSiloCluster fixture)
{
    [Fact]
    public async Task Each_tick_has_a_span_with_its_phases_and_each_wave_a_span()
    {
        var runId = $"traced-{Guid.NewGuid():N}";
        var spans = new System.Collections.Concurrent.ConcurrentBag<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == SimGridTracing.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        var grain = fixture.Cluster.Client.GetGrain<ISimulationGrain>(runId);
        await grain.StartAsync(new Immutable<RunSetup>(SeedRun.Setup()));
        await grain.AdvanceAsync(30);   // the seed wave starts at 00:30 on 3 Feb: tick 26

        var mine = spans.Where(s => Equals(s.GetTagItem(InstrumentNames.Run), runId)).ToList();
        Assert.Equal(30, mine.Count(s => s.OperationName == "simgrid.tick"));
        // Tick 0: a tick whose next one starts no wave (a wave's span hangs from the tick before it arrives).
        var tick = mine.Single(s => s.OperationName == "simgrid.tick" && Equals(s.GetTagItem("simgrid.tick"), 0));
        var phases = spans.Where(s => s.ParentSpanId == tick.SpanId).Select(s => s.OperationName).Order().ToList();
        Assert.Equal(["simgrid.tick.apply", "simgrid.tick.dispatch", "simgrid.tick.record", "simgrid.tick.step"], phases);
        var waves = mine.Where(s => s.OperationName == "simgrid.strike").ToList();
        Assert.Equal(SeedRun.Scenario.Value.Waves.Sum(w => w.Salvos.Count), waves.Count);
        Assert.All(waves, w => Assert.Equal(26, w.GetTagItem("simgrid.tick")));
    }
}
