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

/// <summary>Live mode on a real silo: pacing on a fake clock, and injected events that a kernel replay reproduces.</summary>
[Collection(OneSiloGroup.Name)]
public sealed class LiveTests(OneSiloCluster fixture) : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => services.Dispose();

    private SimGridMetrics Metrics() => new(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), services);

    private static readonly LiveEvent Strike = new(LiveEventKind.Strike, Weapon: "iskander-m", Count: 12,
        Regions: [new Weighted<string>("kharkiv", 1)], Classes: [new Weighted<AssetClass>(AssetClass.Substation330, 1)], Hours: 0.25);

    // A timeout turns a pacing bug (a tick waiting for a time that never comes) into a failure instead of a hang.
    [Fact(Timeout = 120_000)]
    public async Task At_speed_60_a_simulated_hour_takes_a_minute_of_the_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero));
        using var run = new LiveRun($"pace-{Guid.NewGuid():N}", SeedRun.Setup(), fixture.Cluster.Client, clock, Metrics(), speed: 60);
        using var stop = new CancellationTokenSource();
        var play = run.PlayAsync(stop.Token);

        // A 15-minute tick at 60x is due 15 s after the previous one: a minute of fake time plays exactly four ticks,
        // and the fifth is due at 75 s whatever the order in which the loop and the clock move.
        await run.WhenStartedAsync();
        clock.Advance(TimeSpan.FromSeconds(60));
        await run.WhenPlayedAsync(3);
        Assert.Equal(4, run.NextTick);

        clock.Advance(TimeSpan.FromSeconds(14.9));
        Assert.Equal(4, run.NextTick);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await run.WhenPlayedAsync(4);
        Assert.Equal(5, run.NextTick);

        // Paused, the clock can run on without a tick.
        run.Pause();
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(5, run.NextTick);
        await stop.CancelAsync();
        await play;
        Assert.Equal("stopped", run.Status);
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

        var sim = new GridSimulation(setup);
        for (var t = 0; t < sim.TickCount; t++)
        {
            foreach (var (tick, e) in log.Where(l => l.Tick == t)) sim.Inject(e);
            sim.Step(t);
        }
        var kernel = sim.Summarize();
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
        var tick = mine.First(s => s.OperationName == "simgrid.tick");
        var phases = spans.Where(s => s.ParentSpanId == tick.SpanId).Select(s => s.OperationName).Order().ToList();
        Assert.Equal(["simgrid.tick.apply", "simgrid.tick.dispatch", "simgrid.tick.record", "simgrid.tick.step"], phases);
        var waves = mine.Where(s => s.OperationName == "simgrid.strike").ToList();
        Assert.Equal(SeedRun.Scenario.Value.Waves.Sum(w => w.Salvos.Count), waves.Count);
        Assert.All(waves, w => Assert.Equal(26, w.GetTagItem("simgrid.tick")));
    }
}
