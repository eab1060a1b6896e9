using Microsoft.AspNetCore.Builder;
using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SimGrid.Hosting;
using SimGrid.Hosting.Dashboard;
using SimGrid.Hosting.Live;
using SimGrid.Model.Scenario;
using SimGrid.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SimGrid.Cli.Commands;

/// <summary>`simgrid serve`: a long-running silo playing scenarios at a chosen pace, with the control API and /metrics.</summary>
public sealed class ServeCommand(IAnsiConsole console, ErrorOutput errors) : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Where to listen. Default: http://127.0.0.1:5080. Any other address than loopback needs --token.")]
        [DefaultValue("http://127.0.0.1:5080")]
        public string Urls { get; init; } = "http://127.0.0.1:5080";

        [CommandOption("--scenario <FILE>")]
        [Description("A scenario to start at launch.")]
        public string? Scenario { get; init; }

        [CommandOption("--speed <SPEED>")]
        [Description("Pace of the launch scenario: simulated seconds per second (1 = real time, 60 = a minute per second) or max. Default: 60.")]
        [DefaultValue("60")]
        public string Speed { get; init; } = "60";

        [CommandOption("--seed <SEED>")]
        [Description("Seed of the launch scenario. Default: the scenario's.")]
        public int? Seed { get; init; }

        [CommandOption("--token <TOKEN>")]
        [Description("Bearer token required by calls that change state. Default: the SIMGRID_TOKEN environment variable.")]
        public string? Token { get; init; }

        [CommandOption("--scenarios <DIR>")]
        [Description("Folder that relative scenario paths and uploaded scenarios' grids are read from. Default: scenarios.")]
        [DefaultValue("scenarios")]
        public string ScenariosDirectory { get; init; } = "scenarios";

        [CommandOption("--forecast-replications <N>")]
        [Description("Replications of the 72-hour forecast made after each injected event (fewer: sooner, rougher). Default: 200.")]
        [DefaultValue(200)]
        public int ForecastReplications { get; init; } = 200;

        [CommandOption("--max-runs <N>")]
        [Description("Live runs playing at once, at most; a start beyond it gets 429 with Retry-After. Default: 32.")]
        [DefaultValue(32)]
        public int MaxRuns { get; init; } = 32;

        [CommandOption("--max-ticks <N>")]
        [Description("Ticks a live run may play, at most (a year of 15-minute ticks is 35,136). Default: 35136.")]
        [DefaultValue(366 * 96)]
        public int MaxTicks { get; init; } = 366 * 96;

        [CommandOption("--keep-ended <N>")]
        [Description("Finished or stopped runs kept for reading; the oldest beyond it are forgotten when a run starts. Default: 100.")]
        [DefaultValue(100)]
        public int KeepEnded { get; init; } = 100;

        [CommandOption("--max-pages <N>")]
        [Description("Situation-room pages (live streams) this process serves at once; one more gets 503 with Retry-After. Default: 200.")]
        [DefaultValue(200)]
        public int MaxPages { get; init; } = 200;

        [CommandOption("--cluster <REDIS>")]
        [Description("redis://host:port: join (or form) a cluster through Redis instead of running alone.")]
        public string? Cluster { get; init; }

        [CommandOption("--silo-port <PORT>")]
        [Description("Silo-to-silo port. Default: a free one.")]
        [DefaultValue(0)]
        public int SiloPort { get; init; }

        [CommandOption("--gateway-port <PORT>")]
        [Description("Port clients (run/compare --cluster) connect to. Default: a free one.")]
        [DefaultValue(0)]
        public int GatewayPort { get; init; }

        [CommandOption("--advertise <IP>")]
        [Description("Address other silos reach this one at. Default: 127.0.0.1.")]
        public string? Advertise { get; init; }

        public double? ParsedSpeed => Speed == "max" ? 0 :
            double.TryParse(Speed, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : null;

        public override ValidationResult Validate()
        {
            if (MaxRuns is < 1 or > 10_000) return ValidationResult.Error("--max-runs must be between 1 and 10000");
            if (MaxTicks < 1) return ValidationResult.Error("--max-ticks must be at least 1");
            if (MaxPages is < 1 or > 100_000) return ValidationResult.Error("--max-pages must be between 1 and 100000");
            if (KeepEnded < 0) return ValidationResult.Error("--keep-ended must be 0 or more");
            if (ParsedSpeed is null) return ValidationResult.Error("--speed must be a number above 0 or max");
            if (ForecastReplications is < 2 or > 10_000) return ValidationResult.Error("--forecast-replications must be between 2 and 10000");
            if (Cluster is not null && ClusterSettings.RedisConnection(Cluster) is null) return ValidationResult.Error("--cluster must look like redis://host:port");
            if (Advertise is not null && !System.Net.IPAddress.TryParse(Advertise, out _)) return ValidationResult.Error("--advertise must be an IP address");
            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var token = settings.Token ?? Environment.GetEnvironmentVariable("SIMGRID_TOKEN");
        if (!LiveServer.IsLoopbackOnly(settings.Urls) && string.IsNullOrEmpty(token))
        {
            errors.Line($"--urls {settings.Urls}: listening beyond 127.0.0.1 needs a token (--token or SIMGRID_TOKEN)");
            return ExitCodes.BadInput;
        }
        ScenarioSpec? launch = null;
        if (settings.Scenario is { } file)
        {
            if (ProblemReport.Load(errors, file) is not { } scenario) return ExitCodes.BadInput;
            launch = scenario;
        }

        var cluster = new ClusterSettings(settings.Cluster, settings.SiloPort, settings.GatewayPort, settings.Advertise);
        WebApplication built;
        try
        {
            built = LiveServer.Build(new LiveServer.Options(settings.Urls, Path.GetFullPath(settings.ScenariosDirectory), token, Cluster: cluster));
        }
        catch (InvalidOperationException e)
        {
            errors.Line(e.Message);
            return ExitCodes.BadInput;
        }
        await using var app = built;
        await app.StartAsync(cancellationToken);
        // What Kestrel really bound, whichever way the address reached it.
        var bound = string.Join(", ", app.Urls);
        var live = app.Services.GetRequiredService<LiveSimulations>();
        live.ForecastReplications = settings.ForecastReplications;
        live.MaxRuns = settings.MaxRuns;
        live.MaxTicks = settings.MaxTicks;
        live.KeepEnded = settings.KeepEnded;
        app.Services.GetRequiredService<DashboardFeeds>().MaxPages = settings.MaxPages;
        if (launch is not null)
        {
            var run = await live.StartAsync(new RunSetup(launch, settings.Seed ?? launch.DefaultSeed, launch.DefaultStrategy, 0), settings.ParsedSpeed!.Value);
            console.MarkupLineInterpolated($"Playing [bold]{launch.Name}[/] as {run.Id} at speed {settings.Speed}.");
        }
        console.MarkupLineInterpolated($"Serving on {bound}: situation room at /, API at /api/simulations, metrics at /metrics. Ctrl+C stops.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: stop cleanly below.
        }
        await app.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }
}
