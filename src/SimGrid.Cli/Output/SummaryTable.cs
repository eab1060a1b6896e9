using System.Globalization;
using SimGrid.Model.Outputs;
using Spectre.Console;

namespace SimGrid.Cli.Output;

/// <summary>The summary a planner reads first: the nation, then the regions hit hardest.</summary>
public static class SummaryTable
{
    public static Table Build(RunSummary summary, int regionRows = 10)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{Markup.Escape(summary.Scenario)} · seed {summary.Seed} · {Markup.Escape(summary.Strategy)}")
            .AddColumn("region")
            .AddColumn(new TableColumn("peak without power").RightAligned())
            .AddColumn(new TableColumn("of which damage").RightAligned())
            .AddColumn(new TableColumn("peak share off").RightAligned())
            .AddColumn(new TableColumn("peak without heat").RightAligned())
            .AddColumn(new TableColumn("customer-hours").RightAligned())
            .AddColumn(new TableColumn("ENS MWh").RightAligned())
            .AddColumn(new TableColumn("90% restored (h)").RightAligned());
        AddRow(table, summary.National, bold: true);
        foreach (var region in summary.Regions.OrderByDescending(r => r.PeakPeopleWithoutPower).ThenBy(r => r.Id, StringComparer.Ordinal).Take(regionRows))
        {
            AddRow(table, region, bold: false);
        }
        return table;
    }

    private static void AddRow(Table table, ScopeSummary s, bool bold)
    {
        string F(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        var cells = new[]
        {
            s.Id, F(s.PeakPeopleWithoutPower), F(s.PeakPeopleWithoutPowerDamage),
            s.PeakShareCustomersWithoutPower.ToString("P0", CultureInfo.InvariantCulture),
            F(s.PeakPeopleWithoutHeat), F(s.CustomerHoursInterrupted), F(s.EnergyNotServedMwh),
            s.HoursToRestore90pct is { } h ? h.ToString("F1", CultureInfo.InvariantCulture) : "not in run",
        };
        table.AddRow(cells.Select(c => bold ? new Markup($"[bold]{Markup.Escape(c)}[/]") : new Markup(Markup.Escape(c))).ToArray());
    }
}
