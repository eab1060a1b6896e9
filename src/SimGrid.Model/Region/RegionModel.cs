using SimGrid.Model.Disturbance;
using SimGrid.Model.Grid;
using SimGrid.Model.Physics;
using SimGrid.Model.Randomness;
using SimGrid.Model.Repair;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using SimGrid.Model.Assets;
using SimGrid.Model.Protocol;

namespace SimGrid.Model.Region;

/// <summary>
/// One region through a run: phases 1-2 of a tick in <see cref="Step"/> (events, strikes, weather, repair, heat, demand),
/// phase 4 in <see cref="Apply"/> once national dispatch has decided what it is served.
/// Owns its random streams, so its draws do not depend on where or alongside what it runs.
/// </summary>
public sealed partial class RegionModel
{
    private readonly RegionSetup setup;
    private readonly RegionSpec spec;
    private readonly AssetBook assets;
    private readonly StrikeResolver strikes;
    private readonly RepairTeams teams;
    private readonly HeatingSystems heating = new();
    private readonly HeatPools heat;
    private readonly EmergencyOutages emergency = new();
    private readonly Takeover heatBackup = HeatBackup.Create();
    private readonly Takeover temporarySupply = TemporarySupply.Create();
    private readonly List<PlannedSalvo> salvos;
    private readonly Func<int, PlannedSalvo> salvoOf;
    private double? weatherOverrideC;
    private int weatherOverrideUntil;

    // Phase 2 results kept for phase 4.
    private double temperatureC, totalDemandMw, connectedShare, generationMw;
    private readonly double weatherOffsetC;
    // The run's local start, its first local day and the tick's length, in ticks of 100 ns (see Step).
    private readonly long startLocalTicks, startDay, tickTicks;
    private RegionBalance balance;

    // Share of customers the 330 kV side feeds this tick: switching, within what the standing substations and the
    // temporary schemes can carry; and the share the local networks still reach (damage, overload).
    private double fedShare, localShare;

    // Share of the people without heat at the source whose plant is lost (the rest: their local network and its pumps).
    private double plantShareOfUnheated;

    public RegionModel(RegionSetup setup)
    {
        this.setup = setup;
        spec = setup.Region;
        assets = new AssetBook(spec.Assets);
        var rng = RandomStreams.Create(setup.Seed, setup.Replication, spec.Id, "strikes");
        strikes = new StrikeResolver(spec, assets, rng);
        teams = new RepairTeams(spec, spec.Crews, RepairStrategies.Create(setup.Strategy));
        heat = new HeatPools(spec.Buildings);
        salvos = [.. setup.Salvos];
        salvoOf = SalvoOf;
        (startLocalTicks, startDay, tickTicks) = (setup.Start.DateTime.Ticks, setup.Start.Date.Ticks / TimeSpan.TicksPerDay, setup.Tick.Ticks);
        weatherOffsetC = setup.WeatherErrorC > 0
            ? MathNet.Numerics.Distributions.Normal.Sample(RandomStreams.Create(setup.Seed, setup.Replication, spec.Id, "weather"), 0, setup.WeatherErrorC)
            : 0;
        for (var i = 0; i < assets.Count; i++)
        {
            if (assets.NeedsRepair(i)) assets.AssignWork(i, rng, 0, setup.TransformerLeadTicks);
        }
    }

    public string Id => spec.Id;

    /// <summary>People whose homes are on district heating.</summary>
    private double DistrictHeated => spec.Population * spec.DistrictHeatShare;

    public AssetBook Assets => assets;

    public RegionBalance Step(int tick, ReadOnlySpan<StrikeOrder> orders)
    {
        ApplyEvents(tick);
        strikes.Resolve(orders, salvoOf, setup.TransformerLeadTicks, tick);

        // Local wall-clock time as ticks of 100 ns: setup.LocalTime(tick) without the calendar arithmetic of DateTime,
        // the same integers (the tick is a whole number of 100 ns), so the same hour, day and time of day.
        var localTicks = startLocalTicks + (tickTicks * tick);
        var hour = (int)(localTicks / TimeSpan.TicksPerHour % 24);
        temperatureC = setup.WeatherSeries is { } series
            ? series.At(setup.Start + (setup.Tick * tick))
            : Weather.TemperatureC(setup.WeatherDays(), (int)((localTicks / TimeSpan.TicksPerDay) - startDay),
                (double)(localTicks % TimeSpan.TicksPerDay) / TimeSpan.TicksPerHour);
        temperatureC += weatherOffsetC;
        if (weatherOverrideC is { } observed && tick < weatherOverrideUntil) temperatureC = observed;
        var underAttack = UnderAttack(tick);
        teams.Work(assets, setup.TickHours, temperatureC, hour, underAttack);
        var baseMw = (spec.BaseDemandMw * setup.LoadAt(hour)) +
                     (spec.ColdSensitivityMwPerC * Math.Max(0, setup.ColdThresholdC - temperatureC));

        emergency.Restore(setup.TickHours, underAttack);
        var (backboneHits, generationLostMw) = RefreshAndMeasureLosses(hour, baseMw);
        // A customer is connected when the substation (or the switching around it) and the local network feeding them
        // both work, heaters have not overloaded that network (flats cooled in the ticks before), and protection or the
        // dispatcher has not disconnected them in an emergency.
        fedShare = Math.Min(supplyShare, carriable + temporarySupply.Update(1 - carriable, setup.TickHours));
        // Only people whose plant is lost still have power to overload with: those whose own local network is down (its
        // pumps too) are off already. The split is the last tick's, when the cooled flats were counted.
        var overloaded = NetworkOverload.Share(heat.PeopleBelow16C * plantShareOfUnheated, spec.Population, temperatureC);
        localShare = distribution * (1 - overloaded);
        connectedShare = fedShare * localShare * (1 - emergency.Share);

        // District heat needs its plant and its pumps. Pumping stations sit on priority feeders that emergency switching
        // restores first, so only damage to the local network stops them [E].
        var plantUnheated = DistrictHeated * (1 - heatAvailability);
        var covered = heatBackup.Update(plantUnheated, setup.TickHours, DistrictHeated * HeatBackup.ReadyShare);
        var sourceUnheated = Math.Max(0, (DistrictHeated * (1 - (heatAvailability * distribution))) - covered);
        plantShareOfUnheated = sourceUnheated > 0 ? Math.Min(1, Math.Max(0, plantUnheated - covered) / sourceUnheated) : 0;
        heat.Step(heating.Update(sourceUnheated, temperatureC, setup.TickHours), temperatureC, setup.TickHours);

        var heatLossMw = spec.Population > 0 ? baseMw * setup.HeatLossDemandFactor * heat.PeopleWithoutHeat / spec.Population : 0;
        totalDemandMw = baseMw + heatLossMw;
        generationMw = cachedGenerationMw;

        var connectedMw = totalDemandMw * connectedShare;
        balance = new RegionBalance(connectedMw, connectedMw * spec.CriticalLoadShare, generationMw, transmission,
            spec.ImportCapacityMw * transmission, assets.SpareRequests(), teams.Idle, RepairTeams.BacklogHours(assets),
            nuclearMw, backboneHits, generationLostMw);
        return balance;
    }

    public RegionTickRecord Apply(int tick, RegionAllocation allocation)
    {
        assets.ReceiveSpares(allocation.SparesGranted, tick);
        if (allocation.TeamChange != 0) teams.AddTeams(allocation.TeamChange);
        var demandMw = balance.DemandMw;
        if (allocation.EmergencyShed > 0)
        {
            // Load shed at once nationally: those customers are off by emergency, the rest are what rotation shares.
            var before = 1 - emergency.Share;
            emergency.Shed(allocation.EmergencyShed);
            connectedShare = fedShare * localShare * (1 - emergency.Share);
            demandMw = before > 0 ? demandMw * (1 - emergency.Share) / before : 0;
        }
        var servedMw = Math.Min(allocation.ServedMw, demandMw);
        // Critical feeders are served first and never rotated, so the shortfall falls on the other customers.
        var rotatable = demandMw - (demandMw * spec.CriticalLoadShare);
        var rollingShare = rotatable > 0 ? Math.Clamp((demandMw - servedMw) / rotatable, 0, 1) : 0;
        var offDamage = spec.Customers * (1 - connectedShare);
        var offRolling = spec.Customers * connectedShare * rollingShare;
        var perCustomer = spec.PeoplePerCustomer;
        // By name: nineteen fields, most of them doubles, where two swapped by position would still compile.
        return new RegionTickRecord(
            Tick: tick, TemperatureC: temperatureC, DemandMw: totalDemandMw, ServedMw: servedMw, GenerationMw: generationMw,
            CustomersOffRolling: offRolling, CustomersOffDamage: offDamage,
            PeopleOffRolling: offRolling * perCustomer, PeopleOffDamage: offDamage * perCustomer,
            PeopleWithoutHeat: heat.PeopleWithoutHeat, UnheatedIndoorC: heat.MeanIndoorC, PeopleBelow16C: heat.PeopleBelow16C,
            CriticalSitesOff: spec.CriticalSites * (1 - connectedShare),
            CrewsBusy: teams.Busy, DamagedAssets: assets.DamagedCount(),
            WeaponsLaunched: strikes.Launched, WeaponsIntercepted: strikes.Intercepted, WeaponsHit: strikes.Hits, AssetsHit: assets.AssetsHit);
    }

    /// <summary>A salvo injected live that will send weapons here.</summary>
    public void AddSalvo(PlannedSalvo salvo) => salvos.Add(salvo);

    /// <summary>Future draws from another replication's streams, for forecasts that branch from a replayed past.</summary>
    public void Reseed(int replication) => strikes.Reseed(RandomStreams.Create(setup.Seed, replication, spec.Id, "strikes"));

    private bool UnderAttack(int tick)
    {
        for (var k = 0; k < salvos.Count; k++)
        {
            if (salvos[k].IsActive(tick)) return true;
        }
        return false;
    }

    private PlannedSalvo SalvoOf(int index)
    {
        for (var k = 0; k < salvos.Count; k++)
        {
            if (salvos[k].Index == index) return salvos[k];
        }
        throw new ArgumentOutOfRangeException(nameof(index), index, "salvo does not target this region");
    }
}
