using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SimGrid.Grains.Telemetry;

namespace SimGrid.Hosting;

/// <summary>
/// OpenTelemetry wiring (design section 7): SimGrid's meter and Orleans' own, exported over OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, and to a Prometheus scrape endpoint when serving. Otherwise nothing is exported
/// and nothing is slowed.
/// </summary>
public static class SimGridTelemetry
{
    public static IServiceCollection AddSimGridTelemetry(this IServiceCollection services, bool prometheus = false)
    {
        services.AddMetrics();
        services.AddSingleton<SimGridMetrics>();
        var otlp = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        if (!otlp && !prometheus) return services;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("simgrid"))
            .WithMetrics(m =>
            {
                m.AddMeter(InstrumentNames.Meter, "Microsoft.Orleans");
                if (prometheus) m.AddPrometheusExporter();
                if (otlp) m.AddOtlpExporter();
            });
        // Spans (a tick and its phases, strike waves) go over OTLP only: Prometheus takes metrics, not traces.
        if (otlp) telemetry.WithTracing(t => t.AddSource(SimGridTracing.SourceName).AddOtlpExporter());
        return services;
    }
}
