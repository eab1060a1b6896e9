using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SimGrid.Grains.Abstractions;
using SimGrid.Hosting.Json;
using SimGrid.Hosting.Live;
using SimGrid.Model.Region;
using SimGrid.Model.Repair;
using SimGrid.Model.Scenario;
using SimGrid.Scenarios;
using SimGrid.Scenarios.Live;
using SimGrid.Model.Protocol;

namespace SimGrid.Hosting.Api;

/// <summary>
/// The control API of `simgrid serve` (JSON over HTTP; README has curl examples). A bad request gets a 400 naming the
/// field and changes nothing; calls that change state need the bearer token when one is set.
/// </summary>
public static partial class ControlApi
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = new SnakeCaseWithDigits(),
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Map(IEndpointRouteBuilder app, string scenariosDirectory)
    {
        var api = app.MapGroup("/api/simulations");
        api.MapGet("", async (LiveSimulations live) => Ok((await live.AllAsync()).Select(Brief)));
        api.MapPost("", (HttpRequest request, LiveSimulations live) => WithBody(request, body => StartAsync(body, live, scenariosDirectory)));
        api.MapGet("/{id}", (string id, LiveSimulations live) => With(live, id, run => Task.FromResult(Ok(Detail(run)))));
        api.MapGet("/{id}/summary", (string id, LiveSimulations live) => With(live, id, async run => Ok(await live.SummaryAsync(run))));
        api.MapPost("/{id}/pause", (string id, LiveSimulations live) => With(live, id, async run => Ok(Brief(await live.PauseAsync(run)))));
        api.MapPost("/{id}/resume", (string id, LiveSimulations live) => With(live, id, async run => Ok(Brief(await live.ResumeAsync(run)))));
        api.MapPost("/{id}/stop", (string id, LiveSimulations live) => With(live, id, async run => Ok(Brief(await live.StopAsync(run)))));
        api.MapPut("/{id}/speed", (string id, HttpRequest request, LiveSimulations live) => WithBody(request, body => With(live, id, async run =>
        {
            var (speed, error) = Speed(body);
            return error is not null ? Bad(error) : Ok(Brief(await live.SetSpeedAsync(run, speed)));
        })));
        api.MapPost("/{id}/events", (string id, HttpRequest request, LiveSimulations live, CancellationToken ct) => WithBody(request, body => With(live, id, async run =>
        {
            if (run.View.Ended) return Bad($"simulation {id} is {run.View.Status.Name()}");
            var (e, error) = LiveEventParser.Parse(body, run.Setup.Scenario.Grid);
            if (e is null) return Bad(error!);
            var (tick, forecast) = await live.InjectAsync(run, e, ct);
            return Results.Json(new { tick, time = run.Setup.Scenario.TimeOf(tick), forecast }, Json, statusCode: 202);
        })));
        api.MapGet("/{id}/forecast", (string id, LiveSimulations live) => With(live, id, run => Task.FromResult(
            run.View.Forecast is { } f ? Ok(f) : Problem("forecast: none yet, one is made after each injected event", StatusCodes.Status404NotFound))));
    }

    /// <summary>Requires "Authorization: Bearer TOKEN" on calls that change state, when a token is set.</summary>
    public static void RequireToken(IApplicationBuilder app, string? token)
    {
        if (string.IsNullOrEmpty(token)) return;
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) &&
                context.Request.Headers.Authorization.ToString() != $"Bearer {token}")
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new { error = "this call changes state: send Authorization: Bearer <token>" });
                return;
            }
            await next(context);
        });
    }

    /// <summary>What a start may say; anything else is refused, not ignored.</summary>
    private static readonly string[] StartFields = ["scenario", "scenario_yaml", "seed", "strategy", "speed"];

    private static async Task<IResult> StartAsync(JsonElement body, LiveSimulations live, string scenariosDirectory)
    {
        if (body.ValueKind != JsonValueKind.Object) return Bad("body: must be a JSON object");
        if (body.EnumerateObject().Select(f => f.Name).FirstOrDefault(f => !StartFields.Contains(f)) is { } unknown)
        {
            return Bad($"{unknown}: unknown field (known: {string.Join(", ", StartFields)})");
        }
        var seed = (int?)null;
        if (body.TryGetProperty("seed", out var seedValue))
        {
            if (seedValue.ValueKind != JsonValueKind.Number || !seedValue.TryGetInt32(out var parsed) || parsed < 0) return Bad("seed: must be a whole number from 0 to 2147483647");
            seed = parsed;
        }
        if (body.TryGetProperty("strategy", out var strategyValue) && strategyValue.ValueKind != JsonValueKind.String) return Bad("strategy: must be a text value");
        if (body.TryGetProperty("scenario", out var scenarioValue) && scenarioValue.ValueKind != JsonValueKind.String) return Bad("scenario: must be a text value (a path)");
        if (body.TryGetProperty("scenario_yaml", out var yamlValue) && yamlValue.ValueKind != JsonValueKind.String) return Bad("scenario_yaml: must be a text value");

        // Only files inside the served folder are read, symlinks followed; the refusal is the same whether a file
        // outside exists or not.
        var gate = new FileGate([scenariosDirectory]);
        ScenarioSpec? scenario;
        IReadOnlyList<ScenarioDiagnostic> problems;
        if (body.TryGetProperty("scenario", out var p) && p.ValueKind == JsonValueKind.String)
        {
            var given = p.GetString()!;
            (scenario, problems) = ScenarioLoader.Check(Path.IsPathRooted(given) ? given : Path.Combine(scenariosDirectory, "..", given), gate: gate);
        }
        else if (body.TryGetProperty("scenario_yaml", out var y) && y.ValueKind == JsonValueKind.String)
        {
            // An uploaded scenario names its grid relative to the server's scenarios folder, and may name only files there.
            (scenario, problems) = ScenarioLoader.CheckText(y.GetString()!, "scenario_yaml", scenariosDirectory, gate);
        }
        else
        {
            return Bad("scenario: give a scenario path (scenario) or its text (scenario_yaml)");
        }
        if (scenario is null) return Problem("scenario: invalid scenario", StatusCodes.Status400BadRequest, problems: [.. problems.Select(x => x.ToString())]);
        var strategy = body.TryGetProperty("strategy", out var st) ? st.GetString()! : scenario.DefaultStrategy;
        if (scenario.TickCount > live.MaxTicks)
        {
            return Bad($"duration: {scenario.TickCount:N0} ticks, more than the {live.MaxTicks:N0} a live run may play (serve --max-ticks)");
        }
        if (!RepairStrategies.Names.Contains(strategy)) return Bad($"strategy: must be one of {string.Join(", ", RepairStrategies.Names)}");
        var (speed, error) = body.TryGetProperty("speed", out _) ? Speed(body) : (60, null);
        if (error is not null) return Bad(error);
        var run = await live.TryStartAsync(new RunSetup(scenario, seed ?? scenario.DefaultSeed, strategy, 0), speed);
        if (run is null)
        {
            return Problem($"runs: {live.MaxRuns} runs are playing, the most this server takes (serve --max-runs); stop one or try later",
                StatusCodes.Status429TooManyRequests, retryAfterSeconds: 30);
        }
        return Results.Json(Brief(run), Json, statusCode: 201);
    }

    /// <summary>speed: simulated seconds per second (1 = real time, 60 = a minute per second), or "max".</summary>
    private static (double Speed, string? Error) Speed(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("speed", out var v)) return (0, "speed: required");
        if (v.ValueKind == JsonValueKind.String && v.GetString() == "max") return (0, null);
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d > 0 && d <= 1e6) return (d, null);
        return (0, "speed: must be a number above 0 (1 = real time) or \"max\"");
    }

    internal static object Brief(LiveRunInfo run) => new
    {
        id = run.Id,
        scenario = run.Setup.Scenario.Name,
        seed = run.Setup.Seed,
        strategy = run.Setup.Strategy,
        status = run.View.Status.Name(),
        failure = run.View.Failure,
        speed = run.View.Speed <= 0 ? (object)"max" : run.View.Speed,
        paused = run.View.Paused,
        simulated_time = run.SimulatedTime,
        next_tick = run.View.NextTick,
        tick_count = run.Setup.Scenario.TickCount,
        host = run.View.Host,
        resumes = run.View.Resumes,
    };

    private static object Detail(LiveRunInfo run)
    {
        var latest = run.View.Latest;
        var regionIds = run.RegionIds;
        return new
        {
            run = Brief(run),
            national = latest.Length > 0 ? RegionTickRecord.Sum(latest) : (object?)null,
            regions = latest.Select((r, i) => new { id = regionIds[i], state = r }),
            forecast = run.View.Forecast,
            events = run.View.Events.Select(e => new { tick = e.Tick, e.Event }),
        };
    }

    private static async Task<IResult> With(LiveSimulations live, string id, Func<LiveRunInfo, Task<IResult>> act) =>
        await live.FindAsync(id) is { } run ? await act(run) : NotFound(id);

    private static IResult Ok(object value) => Results.Json(value, Json);

    private static IResult NotFound(string id) => Problem($"id: no simulation {id}", StatusCodes.Status404NotFound);
}
