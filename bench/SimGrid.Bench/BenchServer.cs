using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SimGrid.Hosting;
using SimGrid.Tests;

namespace SimGrid.Bench;

/// <summary>
/// A real `serve` host in this process on a free loopback port, serving the checkout's scenarios (found from the
/// program, not the working folder: the benchmarks run from any folder).
/// </summary>
internal static class BenchServer
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync()
    {
        var app = LiveServer.Build(new LiveServer.Options("http://127.0.0.1:0", Checkout.Scenarios, null));
        await app.StartAsync();
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }
}
