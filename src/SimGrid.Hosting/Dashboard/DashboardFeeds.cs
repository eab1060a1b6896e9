using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SimGrid.Hosting.Api;
using SimGrid.Hosting.Live;

namespace SimGrid.Hosting.Dashboard;

/// <summary>
/// Live pages' frames, made once per run and change in this process however many pages watch it: one watcher per
/// watched run waits on the run's grain (no polling: an idle run costs no CPU) and hands each frame, serialized once,
/// to every page's queue. A page whose queue is full (a stalled browser) is dropped; its EventSource reconnects and
/// starts again from a fresh "init" frame.
/// </summary>
public sealed partial class DashboardFeeds(LiveSimulations live, ILogger<DashboardFeeds> log) : IDisposable
{
    /// <summary>Frames a page may fall behind by before it is dropped.</summary>
    private const int QueueFrames = 64;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Feed> feeds = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private int pages;

    /// <summary>Pages this process serves at once, at most (serve --max-pages); one more gets a 503.</summary>
    public int MaxPages { get; set; } = 200;

    /// <summary>How long a watcher waits on the run before it sends a heartbeat.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(15);

    public int Pages { get { lock (gate) return pages; } }

    /// <summary>A page's queue of frames for run <paramref name="runId"/>, or null when <see cref="MaxPages"/> are open.</summary>
    public Page? TrySubscribe(string runId)
    {
        lock (gate)
        {
            if (pages >= MaxPages) return null;
            pages++;
            if (!feeds.TryGetValue(runId, out var feed))
            {
                feed = feeds[runId] = new Feed(runId);
                _ = WatchAsync(feed);
            }
            var page = new Page(this, feed, Channel.CreateBounded<string>(new BoundedChannelOptions(QueueFrames) { SingleReader = true }));
            feed.Pages.Add(page);
            return page;
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    private void Unsubscribe(Page page)
    {
        lock (gate)
        {
            if (!page.Feed.Pages.Remove(page)) return;
            pages--;
            page.Queue.Writer.TryComplete();
            if (page.Feed.Pages.Count == 0)
            {
                feeds.Remove(page.Feed.RunId);
                page.Feed.Stop.Cancel();
            }
        }
    }

    private void Broadcast(Feed feed, string frame)
    {
        Page[] targets;
        lock (gate) targets = [.. feed.Pages];
        foreach (var page in targets)
        {
            if (!page.Queue.Writer.TryWrite(frame)) Unsubscribe(page);
        }
    }

    /// <summary>Waits on the run and broadcasts a frame per change, until no page watches it.</summary>
    private async Task WatchAsync(Feed feed)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(feed.Stop.Token, stopping.Token);
        var token = stop.Token;
        long seen = 0;
        var cursor = -1;
        (int, double)? forecastSent = null;
        while (!token.IsCancellationRequested)
        {
            try
            {
                var version = await live.WaitForChangeAsync(feed.RunId, seen, Heartbeat).WaitAsync(token);
                if (version == seen && cursor >= 0)
                {
                    Broadcast(feed, ": heartbeat\n\n");
                    continue;
                }
                seen = version;
                var run = await live.FindAsync(feed.RunId).WaitAsync(token);
                if (run is null)
                {
                    Broadcast(feed, "event: gone\ndata: {}\n\n");
                    break;
                }
                if (cursor < 0) cursor = run.View.NextTick;
                var points = cursor < run.View.NextTick ? await live.SeriesAsync(feed.RunId, cursor).WaitAsync(token) : [];
                cursor += points.Length;
                var forecast = run.View.Forecast is { } f ? (f.FromTick, f.ComputeSeconds) : ((int, double)?)null;
                var frame = DashboardFrames.Tick(run, points, withForecast: forecast != forecastSent);
                forecastSent = forecast;
                Broadcast(feed, Sse("tick", frame));
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The run's silo may be gone: it resumes on another within seconds; keep the pages and try again.
                LogWatchFailed(feed.RunId, e.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        Page[] left;
        lock (gate) left = [.. feed.Pages];
        foreach (var page in left) Unsubscribe(page);
    }

    /// <summary>One Server-Sent Events message (the JSON holds no newline, so it is one data line).</summary>
    public static string Sse(string name, object frame) => $"event: {name}\ndata: {JsonSerializer.Serialize(frame, ControlApi.Json)}\n\n";

    [LoggerMessage(Level = LogLevel.Warning, Message = "live page feed for {Run}: {Reason}; retrying")]
    private partial void LogWatchFailed(string run, string reason);

    public sealed class Feed(string runId)
    {
        public string RunId { get; } = runId;

        public List<Page> Pages { get; } = [];

        public CancellationTokenSource Stop { get; } = new();
    }

    /// <summary>One open page: its queue of frames. Dispose when the page goes.</summary>
    public sealed class Page(DashboardFeeds owner, Feed feed, Channel<string> queue) : IDisposable
    {
        internal Feed Feed { get; } = feed;

        internal Channel<string> Queue { get; } = queue;

        public ChannelReader<string> Frames => Queue.Reader;

        public void Dispose() => owner.Unsubscribe(this);
    }
}
