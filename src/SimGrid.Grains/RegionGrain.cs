using Orleans.Concurrency;
using Orleans.Placement;
using SimGrid.Grains.Abstractions;
using SimGrid.Model.Region;
using SimGrid.Model.Simulation;
using SimGrid.Model.Protocol;

namespace SimGrid.Grains;

/// <summary>
/// A region of a run, hosting the kernel's <see cref="RegionModel"/>. Called by its <see cref="SimulationGrain"/> once
/// per tick; holds no logic of its own. Placed at random so that a large grid's regions use every silo.
/// </summary>
[RandomPlacement]
public sealed class RegionGrain : Grain, IRegionGrain
{
    private RegionModel? model;
    // One answer object, filled by each tick's call (see RegionStepResult): the caller reads it before the next.
    private readonly RegionStepResult answer = new();
    private readonly List<(int Tick, RegionInjection Injection)> pending = [];

    public Task InitializeAsync(Immutable<RegionSetup> setup)
    {
        model = new RegionModel(setup.Value);
        return Task.CompletedTask;
    }

    public Task<Immutable<RegionBalance>> StepAsync(int tick, Immutable<StrikeOrder[]> strikes)
    {
        ApplyPending(tick);
        return Task.FromResult(new Immutable<RegionBalance>(Model.Step(tick, strikes.Value)));
    }

    public ValueTask<Immutable<RegionStepResult>> ApplyAndStepAsync(Immutable<RegionTickRequest> request)
    {
        var (tick, allocation, stepNext, nextStrikes) = request.Value;
        var record = Model.Apply(tick, allocation);
        ApplyPending(tick + 1);
        answer.Record = record;
        answer.NextBalance = stepNext ? Model.Step(tick + 1, nextStrikes) : default;
        answer.HasNext = stepNext;
        answer.Tallies = Model.Tallies();
        return ValueTask.FromResult(new Immutable<RegionStepResult>(answer));
    }

    public Task ReleaseAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task InjectAsync(int tick, Immutable<RegionInjection> injection)
    {
        pending.Add((tick, injection.Value));
        return Task.CompletedTask;
    }

    /// <summary>Injections take effect between the previous tick's apply and this tick's step, as in the kernel.</summary>
    private void ApplyPending(int tick)
    {
        // Almost every tick has nothing pending: return before RemoveAll's predicate is made.
        if (pending.Count == 0) return;
        for (var k = 0; k < pending.Count; k++)
        {
            var (at, injection) = pending[k];
            if (at != tick) continue;
            if (injection.Salvo is { } salvo) Model.AddSalvo(salvo);
            if (injection.Event is { } e) Model.Inject(e, tick);
        }
        pending.RemoveAll(p => p.Tick <= tick);
    }

    private RegionModel Model => model ?? throw new InvalidOperationException($"region grain {this.GetPrimaryKeyString()} was not initialized");
}
