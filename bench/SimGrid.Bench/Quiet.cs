using System.Diagnostics;

namespace SimGrid.Bench;

/// <summary>Waiting for a quiet process before a measurement that a server under a human's pace would meet idle.</summary>
public static class Quiet
{
    /// <summary>
    /// Waits (at most 10 s) until the process has used under a tenth of a core for a quarter of a second. Reaching day
    /// 25 at full speed is the benchmark's shortcut, not what a duty officer's server does: a run there plays at a
    /// human pace, and an event finds the server idle. Right after the fast-forward it is not: the runtime's background
    /// compiler is still raising the request paths of Orleans, Kestrel and the HTTP client to optimised code (its thread
    /// took 86-88% of the CPU samples in the 2.5 s after a pause; 1,900-4,800 methods were compiled during one cold
    /// 1,000-replication forecast), and the forecast shares the two cores with it. The cold figure is printed too.
    /// </summary>
    public static async Task WaitAsync()
    {
        using var process = Process.GetCurrentProcess();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            await Task.Delay(250);
            process.Refresh();
            if (process.TotalProcessorTime - before < TimeSpan.FromMilliseconds(25)) return;
        }
    }

    /// <summary>
    /// Waits (at most 15 s) until the whole machine has been nine-tenths idle for half a second (Linux: /proc/stat;
    /// elsewhere it returns at once). `dotnet run` builds the benchmark first, and the build's servers keep both cores
    /// busy for a few seconds after it: the kernel figure, measured first, came out 144-192 runs/s right after a build
    /// against 216-229 a minute later or without one.
    /// </summary>
    public static async Task WaitForMachineAsync()
    {
        if (!File.Exists("/proc/stat")) return;
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            var (busyBefore, totalBefore) = CpuTimes();
            await Task.Delay(500);
            var (busyAfter, totalAfter) = CpuTimes();
            if (totalAfter > totalBefore && (busyAfter - busyBefore) * 10 < totalAfter - totalBefore) return;
        }
    }

    /// <summary>Busy and total jiffies of all CPUs: the first line of /proc/stat (idle and iowait are the 4th and 5th fields).</summary>
    private static (long Busy, long Total) CpuTimes()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var total = fields.Sum();
        return (total - fields[3] - fields[4], total);
    }
}
