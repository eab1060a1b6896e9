using SimGrid.Model.Grid;
using SimGrid.Model.Physics;
using SimGrid.Model.Region;
using SimGrid.Model.Assets;

namespace SimGrid.Model.Repair;

/// <summary>What finishing an asset's next job gives back, and how long that job takes: the quantities strategies rank by.</summary>
public static class RepairValue
{
    /// <summary>Hours of team work until the next job on the asset is done: switching if the teams do it, else the repair.</summary>
    public static double NextJobHours(AssetBook assets, int i) =>
        RepairTeams.CrewsSwitch(assets, i) ? assets.ReconnectLeftHours[i] : Math.Max(0, assets.WorkLeftHours[i]);

    /// <summary>
    /// Customers back (in customer equivalents) when the next job is done: a distribution zone's lost share, a heat
    /// plant's people as customers. Repairs that only restore capacity (substations, whose customers dispatchers switch
    /// to other paths) count a small amount by size, so they still come in order.
    /// </summary>
    public static double CustomersBack(AssetBook assets, int i, RegionSpec region)
    {
        var spec = assets.Spec(i);
        var loss = DamageTable.CapacityLoss(spec.Class, assets.State[i]);
        var classMw = assets.ClassCapacityMw(spec.Class);
        var share = spec.CapacityMw / (classMw > 0 ? classMw : 1);
        var heatPeople = region.Population * region.DistrictHeatShare * spec.HeatShare * loss;
        var heatCustomers = region.PeoplePerCustomer > 0 ? heatPeople / region.PeoplePerCustomer : 0;
        return spec.Class switch
        {
            AssetClass.Distribution => region.Customers * share * loss,
            _ => heatCustomers + (1e-3 * spec.CapacityMw * loss),
        };
    }
}
