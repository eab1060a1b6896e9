using MathNet.Numerics.Random;

namespace SimGrid.Model.Randomness;

/// <summary>
/// Every random draw comes from a stream named by (seed, replication, region, purpose), so that a region's draws
/// do not depend on which silo runs it, on other regions, or on other purposes (design section 5).
/// </summary>
public static class RandomStreams
{
    public static Xoshiro256StarStar Create(int seed, int replication, string scope, string purpose) =>
        new(DeriveSeed(seed, replication, scope, purpose), threadSafe: false);

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes, unlike string.GetHashCode.</summary>
    public static int DeriveSeed(int seed, int replication, string scope, string purpose)
    {
        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var h = offset;
        void Mix(ulong v)
        {
            for (var i = 0; i < 8; i++)
            {
                h ^= (v >> (i * 8)) & 0xFF;
                h *= prime;
            }
        }
        Mix((ulong)(uint)seed);
        Mix((ulong)(uint)replication);
        foreach (var c in scope) Mix(c);
        Mix(0xFFFF);
        foreach (var c in purpose) Mix(c);
        return (int)(h ^ (h >> 32));
    }
}
