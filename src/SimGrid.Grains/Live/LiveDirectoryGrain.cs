using Orleans.Runtime;
using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;
using SimGrid.Model.Scenario;

namespace SimGrid.Grains.Live;

[GenerateSerializer]
public sealed class LiveDirectoryState
{
    [Id(0)] public int Counter { get; set; }
    [Id(1)] public List<string> Runs { get; set; } = [];
    [Id(2)] public List<string> Active { get; set; } = [];
}

/// <summary>The cluster's list of live runs, persisted with them; see <see cref="ILiveDirectoryGrain"/>.</summary>
public sealed class LiveDirectoryGrain(
    [PersistentState("directory", LiveStorage.Name)] IPersistentState<LiveDirectoryState> state,
    IGrainFactory grains) : Grain, ILiveDirectoryGrain
{
    public async Task<string> StartAsync(Immutable<RunSetup> setup, double speed)
    {
        var id = $"live-{++state.State.Counter}";
        state.State.Runs.Add(id);
        state.State.Active.Add(id);
        await state.WriteStateAsync();
        try
        {
            await grains.GetGrain<ILiveRunGrain>(id).StartAsync(setup, speed);
        }
        catch
        {
            // A start succeeds or leaves nothing listed behind.
            state.State.Runs.Remove(id);
            state.State.Active.Remove(id);
            await state.WriteStateAsync();
            throw;
        }
        return id;
    }

    public Task<string[]> ListAsync() => Task.FromResult(state.State.Runs.ToArray());

    public Task WakeAllAsync() => Task.WhenAll(state.State.Active.Select(id => grains.GetGrain<ILiveRunGrain>(id).WakeAsync()));

    public async Task PruneAsync(int keepEnded)
    {
        var ended = state.State.Runs.Where(r => !state.State.Active.Contains(r)).ToList();
        var forget = ended.Take(Math.Max(0, ended.Count - keepEnded)).ToList();
        if (forget.Count == 0) return;
        state.State.Runs.RemoveAll(forget.Contains);
        await state.WriteStateAsync();
        await Task.WhenAll(forget.Select(id => grains.GetGrain<ILiveRunGrain>(id).ForgetAsync()));
    }

    public async Task EndedAsync(string id)
    {
        if (state.State.Active.Remove(id)) await state.WriteStateAsync();
    }
}
