using Orleans.TestingHost;
using SimGrid.Hosting;

namespace SimGrid.Tests.Grains;

/// <summary>Silo setup the test clusters share with the real executable: the same serializer and telemetry.</summary>
public sealed class SimGridSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder.ConfigureServices(services => services.AddSimGridSerialization().AddSimGridTelemetry());
}

/// <summary>A real in-process Orleans cluster of a given size, shared by the tests of a collection.</summary>
public abstract class ClusterFixture(short silos) : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(silos);
        builder.AddSiloBuilderConfigurator<SimGridSiloConfigurator>();
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
