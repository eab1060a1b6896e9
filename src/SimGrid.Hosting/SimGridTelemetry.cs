using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using SimGrid.Grains;

namespace SimGrid.Hosting;

/// <summary>
/// OpenTelemetry wiring (design section 7): SimGrid's meter and Orleans' own, exported over OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set. Without it nothing is exported and nothing is slowed.
/// </summary>
public static class SimGridTelemetry
{
    public static IServiceCollection AddSimGridTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<SimGridMetrics>();
        var otlp = Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (string.IsNullOrWhiteSpace(otlp)) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("simgrid"))
            .WithMetrics(m => m
                .AddMeter(SimGridMetrics.MeterName, "Microsoft.Orleans")
                .AddOtlpExporter());
        return services;
    }
}
