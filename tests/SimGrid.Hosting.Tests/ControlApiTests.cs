using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SimGrid.Hosting;

namespace SimGrid.Tests.Hosting;

public sealed class ControlApiTests(OpenServer server) : IClassFixture<OpenServer>
{
    private static async Task<JsonElement> State(OpenServer server, string id) =>
        await server.JsonAsync(await server.Http.GetAsync($"/api/simulations/{id}"));

    [Fact]
    public async Task A_bad_event_gets_a_400_naming_the_field_and_changes_nothing()
    {
        var id = await server.StartSeedAsync();
        var before = (await State(server, id)).GetRawText();

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { type = "strike", weapon = "iskandr", count = 5, regions = new { kharkiv = 1 } }, "weapon"),
            (new { type = "strike", weapon = "shahed", count = 0, regions = new { kharkiv = 1 } }, "count"),
            (new { type = "strike", weapon = "shahed", count = 5, regions = new { kharkov = 1 } }, "regions.kharkov"),
            (new { type = "damage", asset = "kyiv-chp-9", state = "complete" }, "asset"),
            (new { type = "damage", asset = "kyiv-chp-4", state = "wrecked" }, "state"),
            (new { type = "weather", temperature_c = -99 }, "temperature_c"),
            (new { type = "crews", region = "kharkiv", crews = -3 }, "crews"),
            (new { type = "import_limit" }, "mw"),
            (new { type = "meteor" }, "type"),
            (new { type = "strike", weapon = "shahed", count = 5, regions = new { kharkiv = 1 }, hours = "two" }, "hours"),
            (new { type = "strike", weapon = "shahed", count = 5, regions = new { kharkiv = 1 }, countt = 6 }, "countt"),
            (new { type = "crews", region = "kharkiv", crews = "20" }, "crews"),
            (new { type = "weather", temperature_c = -10, regions = new { kharkiv = 1 } }, "regions"),
            (new { type = "import_limit", mw = 1700, hours = 5 }, "hours"),
        })
        {
            var response = await server.Http.PostAsJsonAsync($"/api/simulations/{id}/events", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.StartsWith(field + ":", (await server.JsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(before, (await State(server, id)).GetRawText());
    }

    [Fact]
    public async Task An_event_is_logged_with_the_tick_it_takes_effect_and_a_fresh_forecast()
    {
        var id = await server.StartSeedAsync();
        var response = await server.Http.PostAsJsonAsync($"/api/simulations/{id}/events",
            new { type = "strike", weapon = "iskander-m", count = 8, regions = new { kharkiv = 1 }, classes = new { substation_330 = 1 } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await server.JsonAsync(response);
        var tick = answer.GetProperty("tick").GetInt32();
        var forecast = answer.GetProperty("forecast");
        Assert.Equal(6, forecast.GetProperty("replications").GetInt32());
        Assert.Equal(tick, forecast.GetProperty("from_tick").GetInt32());
        Assert.Equal(288, forecast.GetProperty("people_without_power_p_50").GetArrayLength());

        var state = await State(server, id);
        Assert.Equal(tick, state.GetProperty("events")[0].GetProperty("tick").GetInt32());
        var forecastAgain = await server.Http.GetAsync($"/api/simulations/{id}/forecast");
        Assert.Equal(HttpStatusCode.OK, forecastAgain.StatusCode);
    }

    [Fact]
    public async Task Pause_resume_speed_and_stop()
    {
        var id = await server.StartSeedAsync();
        Assert.True((await server.JsonAsync(await server.Http.PostAsync($"/api/simulations/{id}/pause", null))).GetProperty("paused").GetBoolean());
        Assert.False((await server.JsonAsync(await server.Http.PostAsync($"/api/simulations/{id}/resume", null))).GetProperty("paused").GetBoolean());
        var speed = await server.Http.PutAsJsonAsync($"/api/simulations/{id}/speed", new { speed = 600 });
        Assert.Equal(600, (await server.JsonAsync(speed)).GetProperty("speed").GetDouble());
        var bad = await server.Http.PutAsJsonAsync($"/api/simulations/{id}/speed", new { speed = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("stopped", (await server.JsonAsync(await server.Http.PostAsync($"/api/simulations/{id}/stop", null))).GetProperty("status").GetString());
        var late = await server.Http.PostAsJsonAsync($"/api/simulations/{id}/events", new { type = "import_limit", mw = 1000 });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
    }

    [Fact]
    public async Task Unknown_simulations_and_invalid_scenarios_are_answered_plainly()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync("/api/simulations/live-999")).StatusCode);
        var invalid = await server.Http.PostAsJsonAsync("/api/simulations", new { scenario_yaml = "name: x\ngrid: grids/ukraine-2026.yaml\nstart: soon\n" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problems = (await server.JsonAsync(invalid)).GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains(problems, p => p!.Contains(":3:8: start: must be a timestamp", StringComparison.Ordinal));
        var uploaded = await server.Http.PostAsJsonAsync("/api/simulations", new
        {
            scenario_yaml = File.ReadAllText(Path.Combine(ServerFixture.Root, "scenarios", "baseline-no-attack.yaml")),
            speed = "max",
        });
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://127.0.0.1:5080;http://10.1.2.3:5080", false)]
    public void Only_loopback_addresses_go_without_a_token(string urls, bool loopback) => Assert.Equal(loopback, LiveServer.IsLoopbackOnly(urls));
}

public sealed class TokenTests(TokenServer server) : IClassFixture<TokenServer>
{
    [Fact]
    public async Task Calls_that_change_state_need_the_token_and_reads_do_not()
    {
        var body = new { scenario = "scenarios/baseline-no-attack.yaml", speed = 1 };
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Http.PostAsJsonAsync("/api/simulations", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/api/simulations")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/simulations") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
        Assert.Equal(HttpStatusCode.Created, (await server.Http.SendAsync(request)).StatusCode);
    }
}

public sealed class MetricsTests(OpenServer server) : IClassFixture<OpenServer>
{
    [Fact]
    public async Task Metrics_count_weapons_by_type_and_damage_by_asset_class()
    {
        var response = await server.Http.PostAsJsonAsync("/api/simulations", new { scenario = Checkout.SeedScenarioPath, speed = "max" });
        var id = (await server.JsonAsync(response)).GetProperty("id").GetString()!;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while ((await server.JsonAsync(await server.Http.GetAsync($"/api/simulations/{id}"))).GetProperty("run").GetProperty("status").GetString() != "finished")
        {
            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), "the run did not finish");
            await Task.Delay(100);
        }
        var metrics = await server.Http.GetStringAsync("/metrics");
        long Launched(string weapon) => long.Parse(metrics.Split('\n').Single(l =>
            l.StartsWith("simgrid_weapons_launched_total{", StringComparison.Ordinal) && l.Contains($"simgrid_run=\"{id}\"", StringComparison.Ordinal) &&
            l.Contains("simgrid_region=\"national\"", StringComparison.Ordinal) && l.Contains($"simgrid_weapon=\"{weapon}\"", StringComparison.Ordinal)).Split(' ')[^1],
            System.Globalization.CultureInfo.InvariantCulture);
        // The seed scenario's salvos, by type (asserted against the attack's reported composition elsewhere).
        Assert.Equal(420, Launched("shahed"));
        Assert.Equal(30, Launched("decoy"));
        Assert.Equal(24, Launched("iskander-m"));
        Assert.Equal(30, Launched("kh-101"));
        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("simgrid_assets_damaged{", StringComparison.Ordinal) &&
            l.Contains($"simgrid_run=\"{id}\"", StringComparison.Ordinal) && l.Contains("simgrid_asset_class=\"thermal\"", StringComparison.Ordinal));
    }
}
