using SimGrid.Model.Dispatch;
using SimGrid.Model.Grid;
using static SimGrid.Tests.Model.Builders;
using SimGrid.Model.Protocol;

namespace SimGrid.Tests.Model;

public partial class DispatchTests
{
    private static double[] Dispatch(GridSpec grid, params RegionBalance[] balances)
    {
        var served = new double[balances.Length];
        new FairShareDispatcher(grid).Dispatch(balances, served);
        return served;
    }

    /// <summary>Four regions of 100 MW, h, x, y and z, joined by <paramref name="links"/>; only h generates.</summary>
    private static double[] DispatchOffHub(double hubGenerationMw, params LinkSpec[] links) =>
        Dispatch(Grid([Region("h"), Region("x"), Region("y"), Region("z")], links),
            Balance(demand: 100, generation: hubGenerationMw), Balance(demand: 100, generation: 0),
            Balance(demand: 100, generation: 0), Balance(demand: 100, generation: 0));

    [Fact]
    public void Without_a_tie_line_a_region_keeps_its_shortfall()
    {
        var grid = Grid([Region("a"), Region("b")]);
        var served = Dispatch(grid, Balance(demand: 50, generation: 100), Balance(demand: 100, generation: 0));
        Assert.Equal([50, 0], served, new Tolerance(1e-6));
    }

    [Fact]
    public void A_tie_line_carries_help_up_to_its_limit()
    {
        var grid = Grid([Region("a"), Region("b")], [new LinkSpec("a", "b", 30)]);
        var served = Dispatch(grid, Balance(demand: 50, generation: 100), Balance(demand: 100, generation: 0));
        Assert.Equal([50, 30], served, new Tolerance(1e-6));
    }

    [Fact]
    public void Damaged_substations_lower_the_tie_line_by_the_weaker_end()
    {
        var grid = Grid([Region("a"), Region("b")], [new LinkSpec("a", "b", 30)]);
        var served = Dispatch(grid, Balance(demand: 50, generation: 100, transmission: 0.9), Balance(demand: 100, generation: 0, transmission: 0.5));
        Assert.Equal([50, 15], served, new Tolerance(1e-6));
    }

    [Fact]
    public void A_national_shortfall_is_shared_as_the_same_fraction_everywhere()
    {
        // 120 MW of imports for 100 + 200 MW of demand: every region gets 40%.
        var grid = Grid([Region("a", importMw: 1000), Region("b", importMw: 1000)], importLimitMw: 120);
        var served = Dispatch(grid, Balance(demand: 100, generation: 0, import: 1000), Balance(demand: 200, generation: 0, import: 1000));
        Assert.Equal([40, 80], served, new Tolerance(1e-6));
    }

    [Fact]
    public void A_cut_tie_line_isolates_a_region_and_the_others_share_the_rest_fairly()
    {
        // a has 150 MW; b and c need 100 each; c's only link (to b) is cut. c gets nothing; a and b share 150 of 200 demanded by a and b.
        var grid = Grid([Region("a"), Region("b"), Region("c")], [new LinkSpec("a", "b", 1000), new LinkSpec("b", "c", 1000)]);
        var served = Dispatch(grid,
            Balance(demand: 100, generation: 150),
            Balance(demand: 100, generation: 0, transmission: 1),
            Balance(demand: 100, generation: 0, transmission: 0));
        Assert.Equal([75, 75, 0], served, new Tolerance(1e-5));
    }

    [Fact]
    public void Several_bottlenecks_behind_one_cut_each_get_their_own_level()
    {
        // h has 200 MW for four regions of 100 MW. x and y hang off h by lines of 20 and 40 MW: at the national 50%
        // both are short, behind one cut, yet at different levels (20% and 40%); h and z share the other 140 MW: 70% each.
        var served = DispatchOffHub(200, new LinkSpec("h", "x", 20), new LinkSpec("h", "y", 40), new LinkSpec("h", "z", 1000));
        Assert.Equal([70, 20, 40, 70], served, new Tolerance(1e-6));
    }

    [Fact]
    public void An_island_whose_regions_freeze_at_different_levels_bounds_the_rest_by_what_they_left()
    {
        // h has 300 MW for four regions of 100 MW. x hangs off h by a 50 MW line and y off x by a 10 MW one: at the
        // national 75% both lines are full and the cut is around {x, y}, one island (50 MW for 200: 25%); at 25% y is
        // cut alone (10%) and frozen there. The island's bound is then worked out again from what y left on x's line:
        // (50 - 10) / 100 = 40% for x. h and z take the other 250 MW: all they ask, 100 each.
        var served = DispatchOffHub(300, new LinkSpec("h", "x", 50), new LinkSpec("x", "y", 10), new LinkSpec("h", "z", 1000));
        Assert.Equal([100, 40, 10, 100], served, new Tolerance(1e-6));
    }

    [Fact]
    public void A_bottlenecked_region_is_frozen_and_the_rest_get_more()
    {
        // 300 MW in a; b reachable through 50 MW only; c through 1000. Max-min fair: b = 50, a and c share 250 equally.
        var grid = Grid([Region("a"), Region("b"), Region("c")], [new LinkSpec("a", "b", 50), new LinkSpec("a", "c", 1000)]);
        var served = Dispatch(grid, Balance(demand: 200, generation: 300), Balance(demand: 200, generation: 0), Balance(demand: 200, generation: 0));
        Assert.Equal([125, 50, 125], served, new Tolerance(1e-5));
    }

    [Fact]
    public void Critical_load_is_served_before_the_rest()
    {
        // 60 MW for 100 + 100 MW, of which 50 and 10 critical: critical demand exactly uses the supply.
        var grid = Grid([Region("a"), Region("b")], [new LinkSpec("a", "b", 1000)]);
        var served = Dispatch(grid, Balance(demand: 100, generation: 60, critical: 50), Balance(demand: 100, generation: 0, critical: 10));
        Assert.Equal([50, 10], served, new Tolerance(1e-5));
    }

    [Fact]
    public void Critical_load_behind_a_bottleneck_gets_what_the_line_carries_and_the_rest_goes_elsewhere()
    {
        // Supply (300 MW) covers every critical load (10 + 80), but b's 80 critical MW come through a 50 MW line: stage 1
        // serves b 50 of them, stage 2 has nothing more for b and a takes its whole 100. (The one-probe shortcut for
        // ticks whose critical loads all get through must fall back to both stages here.)
        var grid = Grid([Region("a"), Region("b")], [new LinkSpec("a", "b", 50)]);
        var served = Dispatch(grid, Balance(demand: 100, generation: 300, critical: 10), Balance(demand: 100, generation: 0, critical: 80));
        Assert.Equal([100, 50], served, new Tolerance(1e-6));
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
