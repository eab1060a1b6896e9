using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SimGrid.Hosting;
using SimGrid.Hosting.Live;

namespace SimGrid.Tests.Hosting;

/// <summary>A real `serve` host (Kestrel on a free loopback port, an Orleans silo) for API tests, one per test class.</summary>
public abstract class ServerFixture(string? token) : IAsyncLifetime
{
    private WebApplication? app;

    public HttpClient Http { get; private set; } = null!;

    public static string Root => Checkout.Root;

    /// <summary>
    /// The clock that paces this server's live runs; no test moves it, so a run at a speed above 0 never has a tick
    /// due and a test sees a settled state however slowly it runs ("max" plays without the clock).
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        (app, Http) = await StartAsync(Path.Combine(Root, "scenarios"), token, Clock);
        // Small forecasts keep the tests quick; the server's default is 200 replications.
        app.Services.GetRequiredService<LiveSimulations>().ForecastReplications = 6;
    }

    /// <summary>A real server on a free loopback port serving <paramref name="scenarios"/>, and a client for it.</summary>
    /// <param name="time">The clock that paces live runs (real time when null).</param>
    public static async Task<(WebApplication App, HttpClient Http)> StartAsync(string scenarios, string? token = null, TimeProvider? time = null)
    {
        var app = LiveServer.Build(new LiveServer.Options("http://127.0.0.1:0", scenarios, token, time));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) });
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await app!.StopAsync();
        await app.DisposeAsync();
    }

#pragma warning disable CA1822 // an instance method reads better at the call sites (server.JsonAsync)
    public async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
#pragma warning restore CA1822

    /// <summary>Starts the seed scenario at real-time pace on the frozen clock, so nothing moves during a test unless asked.</summary>
    public async Task<string> StartSeedAsync()
    {
        var response = await Http.PostAsJsonAsync("/api/simulations", new { scenario = Checkout.SeedScenarioPath, speed = 1 });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var id = (await JsonAsync(response)).GetProperty("id").GetString()!;
        // The run starts on its own task: wait (bounded) until it is running, so that tests see a settled state.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            var state = await JsonAsync(await Http.GetAsync($"/api/simulations/{id}"));
            if (state.GetProperty("run").GetProperty("status").GetString() == "running") return id;
            await Task.Delay(50);
        }
        throw new TimeoutException($"simulation {id} did not start");
    }
}

public sealed class OpenServer() : ServerFixture(null);

public sealed class TokenServer() : ServerFixture("s3cret");
