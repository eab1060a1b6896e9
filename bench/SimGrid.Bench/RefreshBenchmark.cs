using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SimGrid.Tests;

namespace SimGrid.Bench;

/// <summary>
/// What a duty officer waits for: from the injected event's HTTP request to the new forecast being readable through
/// the API (GET .../forecast), on a real serve host with the default 200 replications, and with 1,000 (issue 16's
/// target: 2 s 25 days into the month campaign). Measured one day into the seed week, and one and 25 days into the
/// month campaign: the run so far is replayed once, then every replication branches from it. Each event waits for a
/// quiet server (<see cref="Quiet.WaitAsync"/>); the 1,000-replication case is also timed as the first event after the server
/// starts, right after its fast-forward, without waiting (cold_...).
/// </summary>
public static class RefreshBenchmark
{
    private static readonly object Strike = new { type = "strike", weapon = "iskander-m", count = 20, regions = new { kharkiv = 1 }, hours = 0.5 };

    public static async Task<object> RunAsync(bool quick)
    {
        var (app, address) = await BenchServer.StartAsync();
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
        var figures = new Dictionary<string, object> { ["benchmark"] = "refresh", ["replications"] = Hosting.Live.Forecaster.DefaultReplications };
        var cases = quick
            ? new[] { ("seed_day_1", Checkout.SeedScenarioPath, 96, 200) }
            : [("seed_day_1", Checkout.SeedScenarioPath, 96, 200), ("month_day_1", MonthCampaign, 96, 200),
               ("month_day_25", MonthCampaign, 25 * 96, 200), ("month_day_25_1000", MonthCampaign, 25 * 96, 1000)];
        var live = app.Services.GetRequiredService<Hosting.Live.LiveSimulations>();
        if (!quick)
        {
            // The target case as the first event after the server starts, right after the fast-forward: the worst case.
            live.ForecastReplications = 1000;
            var (coldSeconds, _, _) = await EventToForecastAsync(http, MonthCampaign, 25 * 96, settle: false);
            figures["cold_month_day_25_1000_seconds"] = Math.Round(coldSeconds, 2);
        }
        foreach (var (name, file, tick, replications) in cases)
        {
            live.ForecastReplications = replications;
            var (seconds, fromTick, compute) = await EventToForecastAsync(http, file, tick);
            figures[$"{name}_seconds"] = Math.Round(seconds, 2);
            figures[$"{name}_from_tick"] = fromTick;
            figures[$"{name}_compute_seconds"] = Math.Round(compute, 2);
        }
        await app.StopAsync();
        return figures;
    }

    private const string MonthCampaign = "scenarios/month-campaign.yaml";

    /// <summary>
    /// Plays a run as fast as it goes to about <paramref name="tick"/>, pauses it, injects, and times until the forecast
    /// is readable. With <paramref name="settle"/>, the event waits until the server is quiet (<see cref="Quiet.WaitAsync"/>).
    /// </summary>
    private static async Task<(double Seconds, int FromTick, double ComputeSeconds)> EventToForecastAsync(HttpClient http, string file, int tick, bool settle = true)
    {
        var started = await http.PostAsJsonAsync("/api/simulations", new { scenario = file, speed = "max" });
        var id = (await Json(started)).GetProperty("id").GetString()!;
        while ((await Json(await http.GetAsync($"/api/simulations/{id}"))).GetProperty("run").GetProperty("next_tick").GetInt32() < tick)
        {
            await Task.Delay(5);
        }
        await http.PostAsync($"/api/simulations/{id}/pause", null);
        if (settle) await Quiet.WaitAsync();

        var watch = Stopwatch.StartNew();
        var injected = await Json(await http.PostAsJsonAsync($"/api/simulations/{id}/events", Strike));
        var eventTick = injected.GetProperty("tick").GetInt32();
        JsonElement forecast;
        while (true)
        {
            var response = await http.GetAsync($"/api/simulations/{id}/forecast");
            if (response.IsSuccessStatusCode)
            {
                forecast = await Json(response);
                if (forecast.GetProperty("from_tick").GetInt32() == eventTick) break;
            }
        }
        var seconds = watch.Elapsed.TotalSeconds;
        await http.PostAsync($"/api/simulations/{id}/stop", null);
        return (seconds, eventTick, forecast.GetProperty("compute_seconds").GetDouble());
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
