using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SimGrid.Hosting.Api;
using SimGrid.Hosting.Live;

namespace SimGrid.Tests.Hosting;

/// <summary>A real server whose limits a test may set: how many runs, how long a run.</summary>
public sealed class LimitedServer : IAsyncLifetime
{
    private WebApplication? app;

    public HttpClient Http { get; private set; } = null!;

    public LiveSimulations Live => app!.Services.GetRequiredService<LiveSimulations>();

    public async Task InitializeAsync()
    {
        (app, Http) = await ServerFixture.StartAsync(Path.Combine(ServerFixture.Root, "scenarios"));
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await app!.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed class BoundedRequestTests(LimitedServer server) : IClassFixture<LimitedServer>
{
    /// <summary>Puts the server's limits back as they were when the test is done with them.</summary>
    private sealed class SavedLimits(LiveSimulations live) : IDisposable
    {
        private readonly (int Runs, int Ticks, int Ended) saved = (live.MaxRuns, live.MaxTicks, live.KeepEnded);

        public void Dispose() => (live.MaxRuns, live.MaxTicks, live.KeepEnded) = saved;
    }

    private const string Seed = Checkout.SeedScenarioPath;

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(HttpContent content)
    {
        var response = await server.Http.PostAsync("/api/simulations", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement : default, response);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("{\"scenario\": \"" + Seed + "\", \"seed\": \"abc\"}", "seed:")]
    [InlineData("{\"scenario\": \"" + Seed + "\", \"seed\": -1}", "seed:")]
    [InlineData("{\"scenario\": \"" + Seed + "\", \"sped\": 60}", "sped: unknown field")]
    [InlineData("{\"scenario\": \"" + Seed + "\", \"strategy\": 3}", "strategy:")]
    [InlineData("{\"scenario\": 42}", "scenario:")]
    [InlineData("[1, 2]", "body:")]
    [InlineData("{\"scenario\": ", "body: not valid JSON")]
    public async Task A_bad_start_is_a_problem_naming_the_field(string json, string start)
    {
        var (status, body, response) = await PostAsync(Json(json));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.StartsWith(start, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(body.GetProperty("detail").GetString(), body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400_naming_the_body()
    {
        var bytes = new ByteArrayContent([.. "{\"scenario\": \""u8.ToArray(), 0xff, 0xfe, .. "\"}"u8.ToArray()]);
        bytes.Headers.ContentType = new("application/json");
        var (status, body, _) = await PostAsync(bytes);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("body: not valid JSON", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_beyond_the_limit_is_refused_with_413()
    {
        var yaml = new string('#', (int)ControlApi.MaxBodyBytes + 10);
        // As curl sends a large body: "Expect: 100-continue", so the server refuses on the declared length before a byte
        // of the body is sent. Without it the server's early 413 races the client's write (a broken pipe, now and then).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/simulations") { Content = Json(JsonSerializer.Serialize(new { scenario_yaml = yaml })) };
        request.Headers.ExpectContinue = true;
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("body: larger than 1024 KiB", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starts_beyond_the_run_limit_get_429_with_retry_after_and_leave_nothing_behind()
    {
        var before = (await server.Live.AllAsync()).Count;
        using var limits = new SavedLimits(server.Live);
        server.Live.MaxRuns = await server.Live.ActiveAsync();
        var (status, body, response) = await PostAsync(Json($"{{\"scenario\": \"{Seed}\", \"speed\": 1}}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("30", response.Headers.GetValues("Retry-After").Single());
        Assert.StartsWith("runs:", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await server.Live.AllAsync()).Count);
    }

    [Fact]
    public async Task Fifty_simultaneous_starts_either_start_within_the_limit_or_get_429_and_never_a_500()
    {
        var before = (await server.Live.AllAsync()).Count;
        using var limits = new SavedLimits(server.Live);
        server.Live.MaxRuns = await server.Live.ActiveAsync() + 3;
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => server.Http.PostAsync("/api/simulations",
            Json($"{{\"scenario\": \"{Seed}\", \"speed\": 1}}"))));
        var codes = answers.Select(a => a.StatusCode).ToList();
        Assert.Equal(3, codes.Count(c => c == HttpStatusCode.Created));
        Assert.Equal(47, codes.Count(c => c == HttpStatusCode.TooManyRequests));
        Assert.Equal(before + 3, (await server.Live.AllAsync()).Count);
    }

    [Fact]
    public async Task Ended_runs_beyond_the_number_kept_are_forgotten_when_a_run_starts()
    {
        using var limits = new SavedLimits(server.Live);
        server.Live.KeepEnded = 0;
        var (_, first, _) = await PostAsync(Json($"{{\"scenario\": \"{Seed}\", \"speed\": 1}}"));
        var id = first.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await server.Http.PostAsync($"/api/simulations/{id}/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync($"/api/simulations/{id}")).StatusCode);
        var (status, second, _) = await PostAsync(Json($"{{\"scenario\": \"{Seed}\", \"speed\": 1}}"));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync($"/api/simulations/{id}")).StatusCode);
        Assert.DoesNotContain(id, (await server.Live.AllAsync()).Select(r => r.Id));
        Assert.Contains(second.GetProperty("id").GetString(), (await server.Live.AllAsync()).Select(r => r.Id));
    }

    [Fact]
    public async Task A_run_longer_than_the_tick_limit_is_refused()
    {
        using var limits = new SavedLimits(server.Live);
        server.Live.MaxTicks = 100;   // the seed week is 672 ticks
        var (status, body, _) = await PostAsync(Json($"{{\"scenario\": \"{Seed}\"}}"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("duration: 672 ticks, more than the 100 a live run may play (serve --max-ticks)", body.GetProperty("detail").GetString());
    }
}
