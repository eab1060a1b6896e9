using Microsoft.Extensions.Hosting;
using SimGrid.Grains.Abstractions;

namespace SimGrid.Hosting.Live;

/// <summary>
/// Wakes the cluster's live runs every second from every silo. A run is a grain that nobody calls while it waits for its
/// next tick; when its silo dies, this call is what reactivates it on a living silo, from its persisted progress.
/// </summary>
public sealed class LiveKeeper(IGrainFactory grains) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // Bounded: a call to a silo that has just died hangs until the cluster notices; the next round retries.
                await grains.GetGrain<ILiveDirectoryGrain>(ILiveDirectoryGrain.Key).WakeAllAsync().WaitAsync(2 * Period, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The silo is starting or stopping, or the directory is moving: try again next round.
            }
        }
    }
}
