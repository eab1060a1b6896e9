namespace SimGrid.Grains.Live;

/// <summary>
/// When a live run's ticks are due: from an anchor (a clock reading and the tick that was next then), one tick every
/// tick length divided by the speed. Re-anchored whenever the speed changes or the run resumes. Immutable, so a waiter
/// off the grain's thread reads it safely.
/// </summary>
/// <param name="Speed">Simulated seconds per wall second; 0 or less: every tick is due at once.</param>
public sealed record LivePace(long AnchorTimestamp, int AnchorTick, double Speed, TimeSpan TickLength)
{
    public static LivePace Now(TimeProvider time, int nextTick, double speed, TimeSpan tickLength) =>
        new(time.GetTimestamp(), nextTick, speed, tickLength);

    /// <summary>How long until <paramref name="nextTick"/> is due.</summary>
    public TimeSpan DueIn(TimeProvider time, int nextTick)
    {
        if (Speed <= 0) return TimeSpan.Zero;
        var simulated = TickLength * (nextTick + 1 - AnchorTick);
        var due = TimeSpan.FromTicks((long)(simulated.Ticks / Speed));
        var elapsed = time.GetElapsedTime(AnchorTimestamp);
        return due > elapsed ? due - elapsed : TimeSpan.Zero;
    }

    /// <summary>How far the clock may move while a timer is armed before the wait is worked out again.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(1);

    /// <summary>Whether the clock moved on by more than <see cref="Slack"/> between working out a wait and arming its timer.</summary>
    public static bool ClockJumped(TimeSpan armedFor, TimeSpan dueNow) => armedFor - dueNow > Slack;

    /// <summary>Completes when <paramref name="nextTick"/> is due by <paramref name="time"/>: one timer per wait.</summary>
    public async Task WaitUntilDueAsync(TimeProvider time, int nextTick, CancellationToken ct)
    {
        while (true)
        {
            var wait = DueIn(time, nextTick);
            if (wait == TimeSpan.Zero) return;
            using var armed = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var delay = Task.Delay(wait, time, armed.Token);
            // The clock may have jumped between working out the wait and arming the timer (a fake clock advanced by a
            // test): then the timer is late by that much, so work the wait out again. A real clock always moves a
            // little between two readings; re-arming for that would spin, so only a jump beyond Slack counts.
            if (ClockJumped(wait, DueIn(time, nextTick)))
            {
                await armed.CancelAsync();
                try
                {
                    await delay;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // the timer we just disarmed
                }
                continue;
            }
            await delay;
        }
    }
}
