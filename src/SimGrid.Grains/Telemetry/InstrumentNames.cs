namespace SimGrid.Grains.Telemetry;

/// <summary>Every instrument and attribute name SimGrid exports, in one place (dashboards in dashboards/ read these).</summary>
public static class InstrumentNames
{
    public const string Meter = "SimGrid";

    public const string Region = "simgrid.region";
    public const string Run = "simgrid.run";
    public const string Scenario = "simgrid.scenario";
    public const string Cause = "simgrid.cause";
    public const string Quantile = "simgrid.quantile";
    public const string Weapon = "simgrid.weapon";
    public const string AssetClass = "simgrid.asset_class";

    public const string CustomersWithoutPower = "simgrid.customers.without_power";
    public const string PeopleWithoutPower = "simgrid.people.without_power";
    public const string PeopleWithoutHeat = "simgrid.people.without_heat";
    public const string UnheatedIndoorTemperature = "simgrid.unheated_homes.temperature";
    public const string Demand = "simgrid.demand";
    public const string Served = "simgrid.served";
    public const string Generation = "simgrid.generation.available";
    public const string Imports = "simgrid.imports";
    public const string Temperature = "simgrid.temperature";
    public const string CrewsBusy = "simgrid.crews.busy";
    public const string AssetsDamaged = "simgrid.assets.damaged";
    public const string SimulatedTime = "simgrid.simulated_time";
    public const string ForecastPeakPeopleWithoutPower = "simgrid.forecast.peak_people_without_power";
    public const string ForecastHoursToRestore = "simgrid.forecast.hours_to_restore";

    public const string WeaponsLaunched = "simgrid.weapons.launched";
    public const string WeaponsIntercepted = "simgrid.weapons.intercepted";
    public const string WeaponsHit = "simgrid.weapons.hit";
    public const string EnergyNotServed = "simgrid.energy_not_served";
    public const string TickDuration = "simgrid.tick.duration";
}
