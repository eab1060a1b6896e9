using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using SimGrid.Grains.Abstractions;
using Orleans.TestingHost;
using SimGrid.Hosting;
using SimGrid.Hosting.Live;

namespace SimGrid.Tests.Grains;

/// <summary>Silo setup the test clusters share with the real executable: the same serializer and telemetry.</summary>
public sealed class SimGridSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.ConfigureServices(services => services.AddSimGridSerialization().AddSimGridTelemetry());
        siloBuilder.AddSimGridLive(new ClusterSettings());
        siloBuilder.AddIncomingGrainCallFilter<ReplicationCalls>();
    }
}

/// <summary>Counts the replications each silo of an in-process test cluster played (the silos share this process).</summary>
public sealed class ReplicationCalls(ILocalSiloDetails silo) : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> BySilo = new(StringComparer.Ordinal);

    /// <summary>Replications played so far, by silo address.</summary>
    public static IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(BySilo, StringComparer.Ordinal);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType == typeof(IReplicationGrain))
        {
            BySilo.AddOrUpdate(silo.SiloAddress.ToString(), 1, (_, n) => n + 1);
        }
        await context.Invoke();
    }
}

/// <summary>Like <see cref="SimGridSiloConfigurator"/>, with live runs paced by a fake clock the tests move.</summary>
public sealed class FakeClockSiloConfigurator : ISiloConfigurator
{
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero));

    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.ConfigureServices(services => services.AddSimGridSerialization().AddSimGridTelemetry());
        siloBuilder.AddSimGridLive(new ClusterSettings(), Clock);
    }
}

/// <summary>
/// Like <see cref="SimGridSiloConfigurator"/>, with live runs paced by a fake clock that no test moves: a run at a
/// speed above 0 never has a tick due, so a test injects at a known tick however slowly the machine runs it.
/// </summary>
public sealed class FrozenClockSiloConfigurator : ISiloConfigurator
{
    private static readonly FakeTimeProvider Frozen = new(new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero));

    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.ConfigureServices(services => services.AddSimGridSerialization().AddSimGridTelemetry());
        siloBuilder.AddSimGridLive(new ClusterSettings(), Frozen);
    }
}

public enum PaceClock
{
    Real,
    Fake,
    Frozen,
}

/// <summary>A real in-process Orleans cluster of a given size, shared by the tests of a collection.</summary>
public abstract class ClusterFixture(short silos, PaceClock clock = PaceClock.Real) : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(silos);
        switch (clock)
        {
            case PaceClock.Fake:
                builder.AddSiloBuilderConfigurator<FakeClockSiloConfigurator>();
                break;
            case PaceClock.Frozen:
                builder.AddSiloBuilderConfigurator<FrozenClockSiloConfigurator>();
                break;
            default:
                builder.AddSiloBuilderConfigurator<SimGridSiloConfigurator>();
                break;
        }
        builder.AddClientBuilderConfigurator<SimGridClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

public sealed class SimGridClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.ConfigureServices(services => services.AddSimGridSerialization());
}

/// <summary>One silo whose live runs wait on a frozen clock (see <see cref="FrozenClockSiloConfigurator"/>).</summary>
public sealed class OneSiloCluster() : ClusterFixture(1, PaceClock.Frozen);

public sealed class ThreeSiloCluster() : ClusterFixture(3);

public sealed class FakeClockCluster() : ClusterFixture(1, PaceClock.Fake);

[CollectionDefinition(Name)]
public sealed class OneSiloGroup : ICollectionFixture<OneSiloCluster>
{
    public const string Name = "one silo";
}

[CollectionDefinition(Name)]
public sealed class ThreeSiloGroup : ICollectionFixture<ThreeSiloCluster>
{
    public const string Name = "three silos";
}
