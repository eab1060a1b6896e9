using System.Diagnostics;
using System.Diagnostics.Metrics;
using SimGrid.Model.Region;

namespace SimGrid.Grains;

/// <summary>
/// The one place that creates SimGrid's meter and instruments (design section 7, style rule 8).
/// The simulation grain hands it each tick's records; the instruments only read them.
/// </summary>
public sealed class SimGridMetrics : IDisposable
{
    public const string MeterName = "SimGrid";

    private readonly Meter meter;
    private readonly Counter<long> weaponsLaunched, weaponsIntercepted, weaponsHit;
    private readonly Counter<double> energyNotServed;
    private readonly Histogram<double> peopleWithoutPower;

    public SimGridMetrics(IMeterFactory factory)
    {
        meter = factory.Create(MeterName);
        weaponsLaunched = meter.CreateCounter<long>("simgrid.weapons.launched", "{weapon}", "Weapons that arrived over a region");
        weaponsIntercepted = meter.CreateCounter<long>("simgrid.weapons.intercepted", "{weapon}", "Weapons downed");
        weaponsHit = meter.CreateCounter<long>("simgrid.weapons.hit", "{weapon}", "Weapons that hit an energy asset");
        energyNotServed = meter.CreateCounter<double>("simgrid.energy_not_served", "MW.h", "Energy demanded but not served");
        peopleWithoutPower = meter.CreateHistogram<double>("simgrid.people_without_power", "{person}",
            "People without power in a region at the end of a tick (rolling and damage-caused)");
    }

    public void Record(string runId, string scenario, IReadOnlyList<string> regionIds, ReadOnlySpan<RegionTickRecord> records, double tickHours)
    {
        for (var r = 0; r < records.Length; r++)
        {
            var tags = new TagList
            {
                { "simgrid.run", runId },
                { "simgrid.scenario", scenario },
                { "simgrid.region", regionIds[r] },
            };
            var record = records[r];
            if (record.WeaponsLaunched > 0)
            {
                weaponsLaunched.Add(record.WeaponsLaunched, tags);
                weaponsIntercepted.Add(record.WeaponsIntercepted, tags);
                weaponsHit.Add(record.WeaponsHit, tags);
            }
            energyNotServed.Add(Math.Max(0, record.DemandMw - record.ServedMw) * tickHours, tags);
            peopleWithoutPower.Record(record.PeopleOff, tags);
        }
    }

    public void Dispose() => meter.Dispose();
}
