using System.Globalization;
using System.Text;
using SimGrid.Model.Region;

namespace SimGrid.Cli.Output;

/// <summary>timeline.csv: one row per tick per region, wide, with ISO timestamps carrying their UTC offset.</summary>
public sealed class TimelineCsv(TextWriter writer, DateTimeOffset start, TimeSpan tick, IReadOnlyList<string> regionIds)
{
    public const string Header =
        "time,region,temperature_c,demand_mw,served_mw,generation_mw," +
        "customers_without_power,customers_without_power_rolling,customers_without_power_damage," +
        "people_without_power,people_without_power_rolling,people_without_power_damage," +
        "people_without_heat,unheated_indoor_c,people_below_16c,critical_sites_out," +
        "crews_busy,damaged_assets,weapons_launched,weapons_intercepted,weapons_hit";

    private readonly StringBuilder line = new(256);

    public void WriteHeader() => writer.WriteLine(Header);

    public void Write(int tickIndex, ReadOnlySpan<RegionTickRecord> records)
    {
        var time = (start + (tick * tickIndex)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        for (var r = 0; r < records.Length; r++)
        {
            var x = records[r];
            line.Clear();
            line.Append(time).Append(',').Append(regionIds[r]);
            Num(x.TemperatureC, "F1"); Num(x.DemandMw, "F1"); Num(x.ServedMw, "F1"); Num(x.GenerationMw, "F1");
            Num(x.CustomersOff, "F0"); Num(x.CustomersOffRolling, "F0"); Num(x.CustomersOffDamage, "F0");
            Num(x.PeopleOff, "F0"); Num(x.PeopleOffRolling, "F0"); Num(x.PeopleOffDamage, "F0");
            Num(x.PeopleWithoutHeat, "F0"); Num(x.UnheatedIndoorC, "F1"); Num(x.PeopleBelow16C, "F0"); Num(x.CriticalSitesOff, "F1");
            Num(x.CrewsBusy, "F0"); Num(x.DamagedAssets, "F0");
            Num(x.WeaponsLaunched, "F0"); Num(x.WeaponsIntercepted, "F0"); Num(x.WeaponsHit, "F0");
            writer.WriteLine(line);
        }
    }

    private void Num(double value, string format)
    {
        // Avoid "-0" for tiny negative round-off so files compare cleanly.
        var rounded = Math.Abs(value) < 0.05 ? 0 : value;
        line.Append(',').Append(rounded.ToString(format, CultureInfo.InvariantCulture));
    }
}
