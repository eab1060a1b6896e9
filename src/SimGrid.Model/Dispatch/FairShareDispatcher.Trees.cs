namespace SimGrid.Model.Dispatch;

/// <summary>
/// The spanning forest of tie-lines along which the certificate (Certificate.cs) sends each region's spare: a fixed
/// breadth-first one on a large grid, on a small one the widest for last tick's flow.
/// </summary>
public sealed partial class FairShareDispatcher
{
    // The spanning tree the corrections follow: regions parents first, each one's link towards its parent (links[k]
    // runs from the region to its parent, k ^ 1 back; -1 at a root) and its parent.
    private int[] treeOrder = [], treeLink = [], treeParent = [];
    // Whether the tree above is one to try first (a fixed one always is; a widest one while it keeps fitting).
    private bool treeChosen;

    // Links into each region (CSR over `links`), and on a small grid the link between two regions (-1: none).
    private int[] linksIntoStart = [], linksInto = [], linkBetween = [];
    private double[] roomMw = [];
    private bool[] inTree = [];

    /// <summary>Up to this many regions the tree is chosen each tick for the room its lines have (n^2 work); beyond, a fixed breadth-first tree.</summary>
    private const int WidestTreeUpTo = 64;

    /// <summary>A breadth-first spanning forest over the tie-lines, from the lowest-numbered region of each component.</summary>
    private void BreadthFirstTree()
    {
        Array.Fill(treeLink, -2);
        var (head, tail) = (0, 0);
        for (var root = 0; root < regionCount; root++)
        {
            if (treeLink[root] != -2) continue;
            (treeLink[root], treeParent[root]) = (-1, -1);
            treeOrder[tail++] = root;
            while (head < tail)
            {
                var u = treeOrder[head++];
                for (var i = linksIntoStart[u]; i < linksIntoStart[u + 1]; i++)
                {
                    var k = linksInto[i];
                    if (treeLink[links[k].From] != -2) continue;
                    (treeLink[links[k].From], treeParent[links[k].From]) = (k, u);
                    treeOrder[tail++] = links[k].From;
                }
            }
        }
    }

    /// <summary>
    /// The spanning forest whose lines have the most room both ways around last tick's flow (Prim's algorithm, widest
    /// edge first): a line the kept flow runs at its limit can take no correction towards it, so the tree avoids it.
    /// </summary>
    private void WidestTree()
    {
        Array.Fill(inTree, false);
        var placed = 0;
        while (placed < regionCount)
        {
            // A new component's root: the lowest-numbered region not yet placed.
            var root = Array.IndexOf(inTree, false);
            (treeLink[root], treeParent[root], inTree[root]) = (-1, -1, true);
            treeOrder[placed++] = root;
            Array.Fill(roomMw, double.NegativeInfinity);
            Widen(root);
            while (true)
            {
                var next = -1;
                for (var v = 0; v < regionCount; v++)
                {
                    if (!inTree[v] && roomMw[v] > double.NegativeInfinity && (next < 0 || roomMw[v] > roomMw[next])) next = v;
                }
                if (next < 0) break;
                inTree[next] = true;
                treeOrder[placed++] = next;
                Widen(next);
            }
        }
    }

    /// <summary>Region u joined the tree: its neighbours may now hang from it, if its line to them has more room.</summary>
    private void Widen(int u)
    {
        for (var v = 0; v < regionCount; v++)
        {
            if (inTree[v]) continue;
            var k = linkBetween[(v * regionCount) + u];
            if (k < 0) continue;
            var up = keptTieMw[k] - keptTieMw[k ^ 1];
            var room = Math.Min(network.Capacity(links[k].Edge) - up, network.Capacity(links[k ^ 1].Edge) + up);
            if (room <= roomMw[v]) continue;
            (roomMw[v], treeLink[v], treeParent[v]) = (room, k, u);
        }
    }
}
