using System.Globalization;
using System.Text;
using SimGrid.Model.Region;
using SimGrid.Model.Protocol;

namespace SimGrid.Cli.Output;

/// <summary>timeline.csv: one row per tick per region, wide, with ISO timestamps carrying their UTC offset.</summary>
public sealed class TimelineCsv(TextWriter writer, DateTimeOffset start, TimeSpan tick, IReadOnlyList<string> regionIds)
{
    /// <summary>
    /// The columns after time and region, in file order: name, format and value. One table for the header and every
    /// row, so a column cannot be named in one place and written in another.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Format, Func<RegionTickRecord, double> Value)> Columns =
    [
        ("temperature_c", "F1", x => x.TemperatureC),
        ("demand_mw", "F1", x => x.DemandMw),
        ("served_mw", "F1", x => x.ServedMw),
        ("generation_mw", "F1", x => x.GenerationMw),
        ("customers_without_power", "F0", x => x.CustomersOff),
        ("customers_without_power_rolling", "F0", x => x.CustomersOffRolling),
        ("customers_without_power_damage", "F0", x => x.CustomersOffDamage),
        ("people_without_power", "F0", x => x.PeopleOff),
        ("people_without_power_rolling", "F0", x => x.PeopleOffRolling),
        ("people_without_power_damage", "F0", x => x.PeopleOffDamage),
        ("people_without_heat", "F0", x => x.PeopleWithoutHeat),
        ("unheated_indoor_c", "F1", x => x.UnheatedIndoorC),
        ("people_below_16c", "F0", x => x.PeopleBelow16C),
        ("critical_sites_out", "F1", x => x.CriticalSitesOff),
        ("crews_busy", "F0", x => x.CrewsBusy),
        ("damaged_assets", "F0", x => x.DamagedAssets),
        ("weapons_launched", "F0", x => x.WeaponsLaunched),
        ("weapons_intercepted", "F0", x => x.WeaponsIntercepted),
        ("weapons_hit", "F0", x => x.WeaponsHit),
    ];

    public static string Header { get; } = "time,region," + string.Join(',', Columns.Select(c => c.Name));

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
            foreach (var (_, format, value) in Columns) Num(value(x), format);
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
