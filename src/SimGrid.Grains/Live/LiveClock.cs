namespace SimGrid.Grains.Live;

/// <summary>
/// The clock live runs are paced by. Its own service rather than the silo's <see cref="TimeProvider"/>, so a test can
/// drive pacing with a fake clock while Orleans keeps real time for its timeouts and failure detection.
/// </summary>
public sealed class LiveClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;
}
