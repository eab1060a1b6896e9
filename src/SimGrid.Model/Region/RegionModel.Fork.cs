namespace SimGrid.Model.Region;

/// <summary>A region's state copied for a forecast branch (GridSimulation.Branch).</summary>
public sealed partial class RegionModel
{
    /// <summary>
    /// A copy of this region's state for a forecast branch: the same past, nothing shared that either side changes.
    /// It shares the strike stream until <see cref="Reseed"/>, which a branch calls before it plays.
    /// </summary>
    public RegionModel Fork() => new(this);

    // Every field of the class, in declaration order: a field added above must be copied here too (the fork test
    // compares a branch with a replay byte for byte, so a missed one shows).
    private RegionModel(RegionModel other)
    {
        setup = other.setup;
        spec = other.spec;
        assets = other.assets.Fork();
        strikes = other.strikes.Fork(assets);
        teams = other.teams.Fork();
        heating = other.heating.Fork();
        heat = other.heat.Fork();
        emergency = other.emergency.Fork();
        heatBackup = other.heatBackup.Fork();
        temporarySupply = other.temporarySupply.Fork();
        salvos = [.. other.salvos];
        salvoOf = SalvoOf;
        (weatherOverrideC, weatherOverrideUntil) = (other.weatherOverrideC, other.weatherOverrideUntil);
        (temperatureC, totalDemandMw, connectedShare, generationMw) = (other.temperatureC, other.totalDemandMw, other.connectedShare, other.generationMw);
        weatherOffsetC = other.weatherOffsetC;
        (startLocalTicks, startDay, tickTicks) = (other.startLocalTicks, other.startDay, other.tickTicks);
        balance = other.balance;
        (cachedVersion, cachedHour) = (other.cachedVersion, other.cachedHour);
        (transmission, distribution, supplyShare, carriable, heatAvailability, cachedGenerationMw, nuclearMw) =
            (other.transmission, other.distribution, other.supplyShare, other.carriable, other.heatAvailability, other.cachedGenerationMw, other.nuclearMw);
        (fedShare, localShare, plantShareOfUnheated) = (other.fedShare, other.localShare, other.plantShareOfUnheated);
        (backbone, firmGenerationMw, measured) = (other.backbone, other.firmGenerationMw, other.measured);
        (tallies, talliedAssets, talliedStrikes) = (other.tallies, other.talliedAssets, other.talliedStrikes);
    }
}
