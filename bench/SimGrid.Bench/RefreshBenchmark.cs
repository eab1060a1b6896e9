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
/// month campaign: the run so far is replayed once, then every replication branches from it.
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
            : [("seed_day_1", Checkout.SeedScenarioPath, 96, 200), ("month_day_1", "scenarios/month-campaign.yaml", 96, 200),
               ("month_day_25", "scenarios/month-campaign.yaml", 25 * 96, 200), ("month_day_25_1000", "scenarios/month-campaign.yaml", 25 * 96, 1000)];
        var live = app.Services.GetRequiredService<Hosting.Live.LiveSimulations>();
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

    /// <summary>Plays a run as fast as it goes to about <paramref name="tick"/>, pauses it, injects, and times until the forecast is readable.</summary>
    private static async Task<(double Seconds, int FromTick, double ComputeSeconds)> EventToForecastAsync(HttpClient http, string file, int tick)
    {
        var started = await http.PostAsJsonAsync("/api/simulations", new { scenario = file, speed = "max" });
        var id = (await Json(started)).GetProperty("id").GetString()!;
        while ((await Json(await http.GetAsync($"/api/simulations/{id}"))).GetProperty("run").GetProperty("next_tick").GetInt32() < tick)
        {
            await Task.Delay(5);
        }
        await http.PostAsync($"/api/simulations/{id}/pause", null);

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
