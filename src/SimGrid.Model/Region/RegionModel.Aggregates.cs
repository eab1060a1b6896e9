using SimGrid.Model.Grid;

namespace SimGrid.Model.Region;

/// <summary>What the region's assets can do now, read from the asset book only when it or the hour changed, and what a tick's damage took away at once.</summary>
public sealed partial class RegionModel
{
    // Aggregates of the asset book, recomputed only when it changes (most regions, most ticks: never).
    private int cachedVersion = -1, cachedHour = -1;
    private double transmission, distribution, supplyShare, carriable, heatAvailability, cachedGenerationMw, nuclearMw;

    // What the assets could do before this tick's damage: a drop is a sudden loss (emergency outages, nuclear trips).
    private double backbone, firmGenerationMw;
    private bool measured;

    /// <summary>
    /// Brings the asset aggregates up to date and measures what this tick's damage took away at once: a region cut off
    /// (emergency outages), a 750 kV hit (nuclear trips nearby), generation lost (national shedding). The first tick
    /// measures nothing: standing damage is the grid as it is, not a loss, and what it takes away is already covered by
    /// heat backups and temporary supply rather than taken over as if it had just happened.
    /// </summary>
    private (int BackboneHits, double GenerationLostMw) RefreshAndMeasureLosses(int hour, double demandMw)
    {
        var (transmissionBefore, backboneBefore, firmBefore) = (transmission, backbone, firmGenerationMw);
        RefreshAggregates(hour);
        if (!measured)
        {
            measured = true;
            heatBackup.Settle(DistrictHeated * (1 - heatAvailability));
            temporarySupply.Settle(1 - carriable);
            return (0, 0);
        }
        emergency.TransmissionLost(transmissionBefore, transmission, demandMw > 0 ? cachedGenerationMw / demandMw : 1);
        return (backbone < backboneBefore ? 1 : 0, Math.Max(0, firmBefore - firmGenerationMw));
    }

    private void RefreshAggregates(int hour)
    {
        if (cachedVersion == assets.Version && cachedHour == hour) return;
        if (cachedVersion != assets.Version)
        {
            transmission = assets.WeightedAvailability(static c => c.IsTransmission());
            distribution = assets.DistributionSupplyShare();
            supplyShare = assets.TransmissionSupplyShare();
            carriable = assets.SubstationCarriableShare();
            heatAvailability = assets.HeatAvailability();
            backbone = assets.WeightedAvailability(static c => c == AssetClass.Substation750);
            // Night output (no solar), so the daily swing of solar is never taken for a loss.
            firmGenerationMw = assets.GenerationMw(0, transmission, setup.GenerationFactors(), setup.HydroShape());
            // Nuclear units run flat at every hour: only damage changes their output.
            nuclearMw = assets.NuclearMw(transmission, setup.GenerationFactors());
        }
        cachedGenerationMw = assets.GenerationMw(hour, transmission, setup.GenerationFactors(), setup.HydroShape());
        cachedVersion = assets.Version;
        cachedHour = hour;
    }
}
