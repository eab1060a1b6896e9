using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SimGrid.Hosting;

namespace SimGrid.Bench;

/// <summary>A real `serve` host in this process on a free loopback port, serving the checkout's scenarios.</summary>
internal static class BenchServer
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync()
    {
        var app = LiveServer.Build(new LiveServer.Options("http://127.0.0.1:0", "scenarios", null));
        await app.StartAsync();
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }
}
