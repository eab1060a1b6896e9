using System.Net;
using System.Net.Sockets;
using SimGrid.Hosting;

namespace SimGrid.Tests.Hosting;

public class LoopbackPortsTests
{
    [Fact]
    public void Ports_are_distinct_below_the_ephemeral_range_and_free_to_bind()
    {
        // Outgoing connections take their local ports from the ephemeral range: a port there, released and bound again
        // later, can be taken in between (a silo's "address already in use").
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var ephemeralStart = File.Exists(range) ? int.Parse(File.ReadAllText(range).Split(['\t', ' '])[0]) : 49152;
        var ports = Enumerable.Range(0, 5).Select(_ => LoopbackPorts.Free()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p, 10_000, ephemeralStart - 1));
        foreach (var port in ports)
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }
}
