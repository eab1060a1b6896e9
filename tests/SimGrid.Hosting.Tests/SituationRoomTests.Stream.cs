using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SimGrid.Hosting.Dashboard;

namespace SimGrid.Tests.Hosting;

/// <summary>The page's stream and what stands beside it, read over HTTP: the series a page gets, the page limit, the Grafana queries.</summary>
public sealed partial class SituationRoomTests
{
    [Fact]
    public async Task Every_metric_the_Grafana_dashboard_queries_is_in_the_real_metrics()
    {
        var id = await StartSeedAsync();
        var page = await OpenAsync(id);
        var inject = await room.Http.PostAsJsonAsync($"/api/simulations/{id}/events",
            new { type = "strike", weapon = "shahed", count = 50, hours = 0.25, regions = new { odesa = 1 } });
        Assert.Equal(HttpStatusCode.Accepted, inject.StatusCode);
        await PlayToAsync(page, 4);
        var metrics = await room.Http.GetStringAsync("/metrics");
        var present = metrics.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('{', ' ')[0]).ToHashSet(StringComparer.Ordinal);

        var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(ServerFixture.Root, "dashboards", "grafana-simgrid.json")));
        var queried = Expressions(dashboard.RootElement).SelectMany(e => MetricName().Matches(e).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        Assert.True(queried.Count >= 10, $"only {queried.Count} metrics found in the dashboard's queries");
        Assert.Empty(queried.Where(name => !present.Contains(name)).Order(StringComparer.Ordinal));
        await room.Http.PostAsync($"/api/simulations/{id}/stop", null);
    }

    [Fact]
    public async Task A_page_that_connects_mid_run_gets_the_whole_series_so_far()
    {
        var id = await StartSeedAsync();
        var page = await OpenAsync(id);
        await PlayToAsync(page, 9);
        await room.Http.PostAsync($"/api/simulations/{id}/pause", null);
        var national = (await StateAsync(id)).GetProperty("national");

        var init = await FirstFrameAsync(id, "init");
        var points = init.GetProperty("state").GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 10), points.Select(p => p[0].GetInt32()));
        Assert.Equal(national.GetProperty("people_off_rolling").GetDouble(), points[^1][1].GetDouble());
        Assert.Equal(national.GetProperty("people_off_damage").GetDouble(), points[^1][2].GetDouble());
        Assert.Equal(national.GetProperty("people_without_heat").GetDouble(), points[^1][3].GetDouble());
        await room.Http.PostAsync($"/api/simulations/{id}/stop", null);
    }

    [Fact]
    public async Task Pages_beyond_the_limit_get_503_and_an_unknown_run_404()
    {
        var id = await StartSeedAsync();
        var feeds = room.Services.GetRequiredService<DashboardFeeds>();
        var limit = feeds.MaxPages;
        feeds.MaxPages = feeds.Pages + 1;
        try
        {
            using var open = await room.Http.GetAsync($"/api/simulations/{id}/stream", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
            Assert.Equal("text/event-stream", open.Content.Headers.ContentType?.MediaType);
            using var refused = await room.Http.GetAsync($"/api/simulations/{id}/stream", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("30", refused.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        }
        finally
        {
            feeds.MaxPages = limit;
        }
        using var unknown = await room.Http.GetAsync("/api/simulations/live-999999/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await room.Http.PostAsync($"/api/simulations/{id}/stop", null);
    }

    /// <summary>The data of the first Server-Sent Event named <paramref name="name"/> on the run's stream.</summary>
    private async Task<JsonElement> FirstFrameAsync(string id, string name)
    {
        using var response = await room.Http.GetAsync($"/api/simulations/{id}/stream", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var current = "";
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) current = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && current == name) return JsonDocument.Parse(line[6..]).RootElement.Clone();
        }
        throw new InvalidOperationException($"the stream ended before an {name} frame");
    }

    /// <summary>Every "expr" of the dashboard's panels, however deeply nested.</summary>
    private static IEnumerable<string> Expressions(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == "expr" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Expressions(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Expressions),
        _ => [],
    };

    // Every panel selects its metric by run (metric{simgrid_run=~...}); label names are followed by = or ) instead.
    [GeneratedRegex(@"\bsimgrid_[A-Za-z0-9_]+(?=\{)")]
    private static partial Regex MetricName();
}
