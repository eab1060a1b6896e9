using System.Net;
using System.Net.Sockets;

namespace SimGrid.Hosting;

/// <summary>
/// Free loopback ports for a silo's endpoints when none are given, and for the servers tests start in other processes
/// (redis-server, `simgrid serve`, Prometheus). A port the kernel hands out for port 0 comes from the ephemeral range,
/// which outgoing connections draw their local ports from too: between releasing it and binding it again a moment
/// later, a connection of this or another process (a silo dialling Redis or another silo, an HTTP client) can take it,
/// and the silo fails with "address already in use" (ClusterTests on a fresh clone, 2026-12-01). These ports are below
/// that range, where only listeners that ask for a number go; each process draws them in its own order (a hash of its
/// process id and a counter, so two processes starting together seldom meet), and each is checked free by binding it.
/// </summary>
public static class LoopbackPorts
{
    private const int Lowest = 10_000;
    private static int handedOut = -1;
    private static readonly HashSet<int> given = [];

    public static int Free()
    {
        var span = (ulong)(EphemeralStart() - Lowest);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Lowest + (int)(Mix(((ulong)Environment.ProcessId << 32) | (uint)Interlocked.Increment(ref handedOut)) % span);
            // Never the same port twice in a process: one handed out may not be bound yet.
            lock (given)
            {
                if (!given.Add(port)) continue;
            }
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: the next one.
            }
        }
        throw new InvalidOperationException($"no free loopback port from {Lowest} up to the ephemeral range");
    }

    /// <summary>SplitMix64's finaliser: consecutive counters of one process, and nearby process ids, land far apart.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>First port of the kernel's ephemeral range (Linux: 32768 by default); the IANA range's 49152 elsewhere.</summary>
    private static int EphemeralStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var first = File.Exists(range) ? File.ReadAllText(range).Split(['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0] : "";
        return int.TryParse(first, out var start) && start > Lowest + 1000 ? start : 49152;
    }
}
