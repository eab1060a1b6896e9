using Microsoft.Extensions.Time.Testing;
using SimGrid.Grains.Live;

namespace SimGrid.Tests.Grains;

/// <summary>A run waiting for its next tick arms one timer and costs nothing until it fires.</summary>
public class LivePaceTests
{
    /// <summary>
    /// A fake clock that creeps forward a little at every reading, as a real one does, and counts the timers armed
    /// (failing past a bound, so that a wait that spins ends the test instead of hanging it).
    /// </summary>
    private sealed class CreepingClock : FakeTimeProvider
    {
        public int Timers { get; private set; }

        public override long GetTimestamp()
        {
            Advance(TimeSpan.FromTicks(3));   // 0.3 microseconds per reading
            return base.GetTimestamp();
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (++Timers > 100) throw new InvalidOperationException("the wait re-armed its timer more than 100 times: it spins");
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    [Fact]
    public async Task Waiting_for_a_tick_arms_one_timer_on_a_clock_that_moves_while_it_is_read()
    {
        var clock = new CreepingClock();
        // Speed 600: a 15-minute tick every 1.5 s.
        var pace = LivePace.Now(clock, nextTick: 0, speed: 600, TimeSpan.FromMinutes(15));
        var wait = pace.WaitUntilDueAsync(clock, 0, CancellationToken.None);
        Assert.False(wait.IsCompleted);
        Assert.Equal(1, clock.Timers);
        clock.Advance(TimeSpan.FromSeconds(1.5));
        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, clock.Timers);
    }

    [Fact]
    public void Only_a_jump_of_the_clock_re_arms_the_timer_not_the_time_it_takes_to_read_it()
    {
        var wait = TimeSpan.FromSeconds(1.5);
        // A real clock moves by microseconds between two readings: re-arming for that is what made a paced run spin.
        Assert.False(LivePace.ClockJumped(wait, wait - TimeSpan.FromTicks(3)));
        Assert.False(LivePace.ClockJumped(wait, wait - LivePace.Slack));
        Assert.True(LivePace.ClockJumped(wait, wait - LivePace.Slack - TimeSpan.FromTicks(1)));
        Assert.True(LivePace.ClockJumped(wait, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_clock_that_jumps_while_the_timer_is_armed_is_caught_up_with()
    {
        // The case the re-check exists for: the clock jumps forward after the wait was worked out.
        var clock = new FakeTimeProvider();
        var pace = LivePace.Now(clock, nextTick: 0, speed: 600, TimeSpan.FromMinutes(15));
        var wait = pace.WaitUntilDueAsync(clock, 0, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1.5));
        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(pace.DueIn(clock, 0) == TimeSpan.Zero);
    }
}
