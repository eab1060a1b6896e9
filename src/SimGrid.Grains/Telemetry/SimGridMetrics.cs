using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SimGrid.Model.Region;
using N = SimGrid.Grains.Telemetry.InstrumentNames;
using SimGrid.Model.Protocol;

namespace SimGrid.Grains.Telemetry;

/// <summary>
/// The one place that creates SimGrid's meter and instruments (design section 7, style rule 8). Counters are fed each
/// tick's records by the simulation grain; gauges read the latest state of live runs when a reader collects.
/// UCUM units: {person}, {customer}, MW, MW.h, Cel, h, {crew}, {asset}, {weapon}, s.
/// </summary>
public sealed class SimGridMetrics : IDisposable
{
    private readonly Meter meter;
    private readonly Counter<double> energyNotServed;
    private readonly Histogram<double> tickDuration;
    private readonly IServiceProvider services;

    public SimGridMetrics(IMeterFactory factory, IServiceProvider services)
    {
        this.services = services;
        meter = factory.Create(N.Meter);
        WeaponCounter(N.WeaponsLaunched, "Weapons that arrived over a region, by type", t => t.LaunchedByWeapon);
        WeaponCounter(N.WeaponsIntercepted, "Weapons downed, by type", t => t.InterceptedByWeapon);
        WeaponCounter(N.WeaponsHit, "Weapons that hit an energy asset, by type", t => t.HitByWeapon);
        energyNotServed = meter.CreateCounter<double>(N.EnergyNotServed, "MW.h", "Energy demanded but not served");
        tickDuration = meter.CreateHistogram<double>(N.TickDuration, "s", "Wall-clock time to play one tick of a live run",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1] });

        Gauge(N.PeopleWithoutPower, "{person}", "People without power (rolling schedules and damage)", r => r.PeopleOff, withCause: true);
        Gauge(N.CustomersWithoutPower, "{customer}", "Customers without power", r => r.CustomersOff, withCause: true);
        Gauge(N.PeopleWithoutHeat, "{person}", "District-heated people without heat", r => r.PeopleWithoutHeat);
        Gauge(N.UnheatedIndoorTemperature, "Cel", "Mean indoor temperature of unheated homes", r => r.UnheatedIndoorC);
        Gauge(N.Demand, "MW", "Demand", r => r.DemandMw);
        Gauge(N.Served, "MW", "Demand served", r => r.ServedMw);
        Gauge(N.Generation, "MW", "Generation available", r => r.GenerationMw);
        Gauge(N.Imports, "MW", "Served beyond the region's own generation (from neighbours and the EU)", r => Math.Max(0, r.ServedMw - r.GenerationMw));
        Gauge(N.Temperature, "Cel", "Outdoor temperature", r => r.TemperatureC, national: false);
        Gauge(N.CrewsBusy, "{crew}", "Repair teams at work", r => r.CrewsBusy);
        meter.CreateObservableGauge(N.AssetsDamaged, () => Live().SelectMany(s => ByKind(s, t => t.DamagedByClass.ToDictionary(kv => kv.Key, kv => (long)kv.Value), N.AssetClass)),
            "{asset}", "Assets damaged now, by asset class");
        meter.CreateObservableGauge(N.SimulatedTime, () => Live().Select(s =>
            new Measurement<double>(s.SimulatedTime.ToUnixTimeSeconds(), Run(s))), "s", "Simulated time reached (Unix seconds)");
        meter.CreateObservableGauge(N.ForecastPeakPeopleWithoutPower, () => Live().Where(s => s.Forecast is not null).SelectMany(s => new[]
        {
            new Measurement<double>(s.Forecast!.PeakPeopleWithoutPowerP10, Run(s, (N.Quantile, "p10"))),
            new Measurement<double>(s.Forecast.PeakPeopleWithoutPowerP50, Run(s, (N.Quantile, "p50"))),
            new Measurement<double>(s.Forecast.PeakPeopleWithoutPowerP90, Run(s, (N.Quantile, "p90"))),
        }), "{person}", "Forecast peak of people without power over the next 72 hours");
        meter.CreateObservableGauge(N.ForecastHoursToRestore, () => Live().Where(s => s.Forecast?.HoursToRestoreP50 is not null).Select(s =>
            new Measurement<double>(s.Forecast!.HoursToRestoreP50!.Value, Run(s, (N.Quantile, "p50")))), "h",
            "Forecast hours until damage-caused outages, past their peak, fall to a tenth of it (median)");
    }

    public void Record(string runId, string scenario, IReadOnlyList<string> regionIds, ReadOnlySpan<RegionTickRecord> records, double tickHours)
    {
        for (var r = 0; r < records.Length; r++)
        {
            var tags = new TagList { { N.Run, runId }, { N.Scenario, scenario }, { N.Region, regionIds[r] } };
            var record = records[r];
            energyNotServed.Add(Math.Max(0, record.DemandMw - record.ServedMw) * tickHours, tags);
        }
    }

    public void RecordTickDuration(string runId, string scenario, TimeSpan elapsed) =>
        tickDuration.Record(elapsed.TotalSeconds, new TagList { { N.Run, runId }, { N.Scenario, scenario } });

    public void Dispose() => meter.Dispose();

    private IReadOnlyList<LiveSnapshot> Live() => services.GetService<ILiveSnapshots>()?.Snapshots() ?? [];

    /// <summary>Cumulative weapon counts by type, per region and national, read from the live runs' tallies.</summary>
    private void WeaponCounter(string name, string description, Func<RegionTallies, IReadOnlyDictionary<string, long>> tally) =>
        meter.CreateObservableCounter(name, () => Live().SelectMany(s => ByKind(s, tally, N.Weapon)), "{weapon}", description);

    /// <summary>Counts by kind (weapon type, asset class) for each region and their national sums.</summary>
    private static IEnumerable<Measurement<long>> ByKind(LiveSnapshot s, Func<RegionTallies, IReadOnlyDictionary<string, long>> tally, string kindTag)
    {
        var national = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var r = 0; r < s.Tallies.Count; r++)
        {
            foreach (var (kind, count) in tally(s.Tallies[r]))
            {
                national[kind] = national.GetValueOrDefault(kind) + count;
                yield return new Measurement<long>(count, Run(s, (N.Region, s.RegionIds[r]), (kindTag, kind)));
            }
        }
        foreach (var (kind, count) in national) yield return new Measurement<long>(count, Run(s, (N.Region, "national"), (kindTag, kind)));
    }

    /// <summary>A gauge per region and a national one (simgrid.region = "national"); with cause, rolling and damage apart.</summary>
    private void Gauge(string name, string unit, string description, Func<RegionTickRecord, double> value, bool withCause = false, bool national = true) =>
        meter.CreateObservableGauge(name, () => Live().SelectMany(s => Measure(s, value, withCause, national)), unit, description);

    private static IEnumerable<Measurement<double>> Measure(LiveSnapshot s, Func<RegionTickRecord, double> value, bool withCause, bool national)
    {
        var all = s.Latest.Select((r, i) => (Id: s.RegionIds[i], Record: r)).ToList();
        if (national && s.Latest.Count > 0) all.Add(("national", RegionTickRecord.Sum([.. s.Latest])));
        foreach (var (id, record) in all)
        {
            if (!withCause)
            {
                yield return new Measurement<double>(value(record), Run(s, (N.Region, id)));
                continue;
            }
            var rolling = record with { CustomersOffDamage = 0, PeopleOffDamage = 0 };
            var damage = record with { CustomersOffRolling = 0, PeopleOffRolling = 0 };
            yield return new Measurement<double>(value(rolling), Run(s, (N.Region, id), (N.Cause, "rolling")));
            yield return new Measurement<double>(value(damage), Run(s, (N.Region, id), (N.Cause, "damage")));
        }
    }

    private static TagList Run(LiveSnapshot s, params (string Key, string Value)[] more)
    {
        var tags = new TagList { { N.Run, s.RunId }, { N.Scenario, s.Scenario } };
        foreach (var (k, v) in more) tags.Add(k, v);
        return tags;
    }
}
