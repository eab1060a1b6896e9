using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;
using SimGrid.Hosting.Studies;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using SimGrid.Scenarios;

namespace SimGrid.Tests.Grains;

/// <summary>
/// Silos and clients whose default response timeout is a second and a half: any call longer than that fails unless its method
/// says otherwise. (A quarter of a second also timed out the cluster's own calls on a loaded machine.)
/// </summary>
public sealed class ShortTimeoutSilo : ISiloConfigurator
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1.5);

    public void Configure(ISiloBuilder siloBuilder)
    {
        new SimGridSiloConfigurator().Configure(siloBuilder);
        siloBuilder.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = Timeout);
    }
}

public sealed class ShortTimeoutClient : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        new SimGridClientConfigurator().Configure(configuration, clientBuilder);
        clientBuilder.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ShortTimeoutSilo.Timeout);
    }
}

public sealed class ShortTimeoutCluster : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<ShortTimeoutSilo>();
        builder.AddClientBuilderConfigurator<ShortTimeoutClient>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>
/// A replication longer than the response timeout still completes through a study (a large grid's replication takes
/// minutes): the replication and relay calls carry their own, longer timeout. Here the default is cut to 1.5 s and the
/// month campaign stretched to two years (about four seconds in a Debug build) plays through the relay as a study
/// plays it.
/// </summary>
public sealed class LongCallTests(ShortTimeoutCluster fixture) : IClassFixture<ShortTimeoutCluster>
{
    [Fact]
    public async Task A_replication_longer_than_the_default_timeout_completes_and_matches_the_kernel()
    {
        var folder = Path.Combine(SeedRun.Root, "scenarios");
        var text = File.ReadAllText(Path.Combine(folder, "month-campaign.yaml")).Replace("duration: 30d", "duration: 730d", StringComparison.Ordinal);
        var scenario = ScenarioLoader.CheckText(text, "two-year-campaign.yaml", folder, new FileGate([folder])).Scenario!;
        var setup = new RunSetup(scenario, scenario.DefaultSeed, "fifo", 0);
        var engine = StudyRunner.OnGrains(fixture.Cluster.Client);

        var watch = Stopwatch.StartNew();
        var result = await engine(setup, 0, 1);
        // The call must have outlived the default timeout, or this test would prove nothing. (Twice the timeout was asked
        // before; a fresh clone on a quiet machine played one year in 2.98 s. Two years since the kernel got 1.4x
        // faster on 2026-12-01, so that the margin stays.)
        Assert.True(watch.Elapsed > ShortTimeoutSilo.Timeout, $"the replication took only {watch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(GridSimulation.Run(setup).National, result.Summary.National);
    }
}
