using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace SimGrid.Hosting;

/// <summary>
/// The kernel's types (SimGrid.Model) cross grain boundaries without referencing Orleans: Orleans serializes them
/// with System.Text.Json, which round-trips doubles exactly, so results are the same on 1 silo or 3.
/// In one silo, <c>Immutable&lt;T&gt;</c> wrappers skip the copy altogether.
/// </summary>
public static class SimGridSerialization
{
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static IServiceCollection AddSimGridSerialization(this IServiceCollection services) =>
        services.AddSerializer(s => s.AddJsonSerializer(IsKernelType, Options));

    public static bool IsKernelType(Type type) =>
        type.Namespace?.StartsWith("SimGrid.Model", StringComparison.Ordinal) == true;
}
