using Microsoft.Extensions.Time.Testing;
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

/// <summary>A real in-process Orleans cluster of a given size, shared by the tests of a collection.</summary>
public abstract class ClusterFixture(short silos, bool fakeClock = false) : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(silos);
        if (fakeClock) builder.AddSiloBuilderConfigurator<FakeClockSiloConfigurator>();
        else builder.AddSiloBuilderConfigurator<SimGridSiloConfigurator>();
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

public sealed class OneSiloCluster() : ClusterFixture(1);

public sealed class ThreeSiloCluster() : ClusterFixture(3);

public sealed class FakeClockCluster() : ClusterFixture(1, fakeClock: true);

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
