using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;

namespace SimGrid.Grains.Live;

/// <summary>
/// The run's wake-ups: when its next tick is due at its pace, and the one timer off the grain's thread that plays it
/// through the grain's queue. A newer schedule (new pace, pause, stop) makes older wake-ups do nothing.
/// </summary>
public sealed partial class LiveRunGrain
{
    private void Reanchor() => pace = LivePace.Now(clock.Time, State.NextTick, State.Speed, Setup.Scenario.Tick);

    /// <summary>Arms a wake-up for the next tick, off the grain's thread; it calls back through the grain's queue.</summary>
    /// <param name="backoff">Real time to wait first (after a failed tick), whatever the pace.</param>
    private void ScheduleNext(TimeSpan backoff = default)
    {
        CancelWait();
        if (Ended || State.Paused || pace is null) return;
        var due = schedule;
        var cancel = new CancellationTokenSource();
        cancelWait = () =>
        {
            try
            {
                cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // the waiter is done already
            }
        };
        var (when, next, time, self) = (pace, State.NextTick, clock.Time, this.AsReference<ILiveRunGrain>());
        waiting = Task.Run(async () =>
        {
            try
            {
                if (backoff > TimeSpan.Zero) await Task.Delay(backoff, TimeProvider.System, cancel.Token);
                await when.WaitUntilDueAsync(time, next, cancel.Token);
                await self.PlayDueAsync(due);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                // paced anew, paused or stopped
            }
            catch (Exception e)
            {
                // Our own silo is going down, or the call was lost: the keeper's next wake arms another.
                LogWakeFailed(Id, e.Message);
            }
            finally
            {
                cancel.Dispose();
            }
        });
    }

    private void CancelWait()
    {
        schedule++;
        cancelWait?.Invoke();
        cancelWait = null;
        waiting = null;
    }
}
