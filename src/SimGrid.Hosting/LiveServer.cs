using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SimGrid.Grains.Telemetry;
using SimGrid.Hosting.Api;
using SimGrid.Hosting.Dashboard;
using SimGrid.Hosting.Live;

namespace SimGrid.Hosting;

/// <summary>
/// `simgrid serve`: one process hosting an Orleans silo, the live runs, the control API and the Prometheus scrape
/// endpoint (/metrics). Bound to 127.0.0.1 unless told otherwise.
/// </summary>
public static class LiveServer
{
    /// <param name="Time">The clock that paces live runs (Orleans keeps real time); real time by default.</param>
    public sealed record Options(string Urls, string ScenariosDirectory, string? Token, TimeProvider? Time = null, ClusterSettings? Cluster = null);

    /// <summary>Whether every address in the URLs is a loopback one (then no token is required).</summary>
    public static bool IsLoopbackOnly(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries).All(u =>
    {
        var host = new Uri(u.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal)).Host;
        return host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    });

    /// <summary>
    /// Every address Kestrel would listen on: the URLs given, and those that configuration or the environment add
    /// (Kestrel__Endpoints__*__Url, ASPNETCORE_URLS, urls), which Kestrel prefers over the URLs given.
    /// </summary>
    public static IReadOnlyList<string> ListenAddresses(IConfiguration configuration, string urls) =>
    [
        .. urls.Split(';', StringSplitOptions.RemoveEmptyEntries),
        .. (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries),
        .. configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>(),
    ];

    /// <exception cref="InvalidOperationException">An address beyond loopback without a token.</exception>
    public static WebApplication Build(Options options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ControlApi.MaxBodyBytes);
        var addresses = ListenAddresses(builder.Configuration, options.Urls);
        if (string.IsNullOrEmpty(options.Token) && addresses.FirstOrDefault(a => !IsLoopbackOnly(a)) is { } open)
        {
            throw new InvalidOperationException($"{open}: listening beyond 127.0.0.1 needs a token (--token or SIMGRID_TOKEN)");
        }
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        var cluster = options.Cluster ?? new ClusterSettings();
        builder.UseOrleans(silo =>
        {
            cluster.ConfigureSilo(silo);
            silo.AddSimGridLive(cluster, options.Time);
        });
        builder.Services.AddSimGridSerialization();
        builder.Services.AddSimGridTelemetry(prometheus: true);
        builder.Services.AddSingleton<LiveSimulations>();
        builder.Services.AddSingleton<DashboardFeeds>();
        var app = builder.Build();
        ControlApi.RequireToken(app, options.Token);
        // A scrape reads: GET and HEAD only (anything else is 405).
        app.MapPrometheusScrapingEndpoint("/metrics").WithMetadata(new Microsoft.AspNetCore.Routing.HttpMethodMetadata(["GET", "HEAD"]));
        ControlApi.Map(app, options.ScenariosDirectory);
        DashboardEndpoints.Map(app, options.ScenariosDirectory);
        return app;
    }
}
