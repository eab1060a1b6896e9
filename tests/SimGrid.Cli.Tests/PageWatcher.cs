using System.Text.Json;

namespace SimGrid.Tests.Cli;

/// <summary>
/// A live page without the browser: reads a run's event stream as the situation room does, keeping the ticks of the
/// national series it was sent (each once, in order, skipping overlaps as the page does) and the run's last status.
/// </summary>
public sealed class PageWatcher : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly List<int> ticks = [];
    private readonly Task reading;
    private string status = "";

    private PageWatcher(string url) => reading = ReadAsync(url);

    /// <summary>Opens the stream of run <paramref name="id"/> on the serve process at <paramref name="baseUrl"/>.</summary>
    public static PageWatcher Open(string baseUrl, string id) => new($"{baseUrl}/api/simulations/{id}/stream");

    public IReadOnlyList<int> Ticks { get { lock (ticks) return [.. ticks]; } }

    public string Status { get { lock (ticks) return status; } }

    private async Task ReadAsync(string url)
    {
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, stop.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (!line.StartsWith("data: {", StringComparison.Ordinal)) continue;
                var frame = JsonDocument.Parse(line[6..]).RootElement;
                if (frame.TryGetProperty("state", out var state)) frame = state;   // the init frame
                lock (ticks)
                {
                    foreach (var point in frame.GetProperty("points").EnumerateArray())
                    {
                        var tick = point[0].GetInt32();
                        if (ticks.Count == 0 || tick > ticks[^1]) ticks.Add(tick);
                    }
                    status = frame.GetProperty("run").GetProperty("status").GetString()!;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            // stopped, or this page's own server went away
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await reading;
        stop.Dispose();
        http.Dispose();
    }
}
