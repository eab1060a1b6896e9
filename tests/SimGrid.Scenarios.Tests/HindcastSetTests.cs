using SimGrid.Model.Hindcast;
using SimGrid.Scenarios;

namespace SimGrid.Tests.Scenarios;

/// <summary>The hindcast folder users run: every case loads, every outcome converts by the documented rules, bad data is located.</summary>
public class HindcastSetTests
{
    [Fact]
    public void The_hindcast_set_has_the_twelve_nights_each_with_outcomes()
    {
        var (cases, problems) = HindcastLoader.Check(Repo.Hindcast);
        Assert.Empty(problems);
        Assert.Equal(12, cases!.Count);
        Assert.All(cases, c => Assert.NotEmpty(c.Outcomes));
        Assert.Contains(cases, c => c.Id == "2026-02-03");
    }

    [Fact]
    public void Reported_units_convert_to_people_and_megawatts_as_documented()
    {
        var (cases, _) = HindcastLoader.Check(Repo.Hindcast);
        var outcomes = cases!.SelectMany(c => c.Outcomes).ToDictionary(o => (o.Case, o.Id));
        // 105,000 subscribers x 2.4; 1,156 buildings x 250; 4.75 queues x 1,250 MW.
        Assert.Equal(252_000, outcomes[("2026-02-03", "kharkiv-heat")].Value, 6);
        Assert.Equal(289_000, outcomes[("2026-02-03", "kyiv-heat")].Value, 6);
        Assert.Equal(5_937.5, outcomes[("2026-02-07", "queues")].Value, 6);
        Assert.Equal(OutcomeMetric.NuclearUnitsTripped, outcomes[("2026-02-07", "nuclear-trip")].Metric);
        Assert.Equal(54, outcomes[("2026-02-03", "kyiv-heat-day-2")].AtHours);
    }

    [Fact]
    public void A_bad_outcome_is_reported_with_its_line_and_column()
    {
        using var files = new TempFiles();
        files.Write("n1.yaml", Checkout.MovableText(Path.Combine(Repo.Hindcast, "2026-02-03.yaml")));
        var reported = files.Write("reported.yaml", """
            outcomes:
              - {case: n1, id: a, metric: people_without_power, value: 10, unit: people, kind: approx, source: X, text: t}
              - {case: n1, id: b, metric: people_without_heat, value: 10, unit: queues, kind: approx, source: X, text: t}
              - {case: n2, id: c, metric: share_without_power, regions: [kharkov], value: 0.5, unit: share, kind: share, source: X, text: t}
            """);
        var (cases, problems) = HindcastLoader.Check(files.Folder);
        Assert.Null(cases);
        Assert.Equal(
        [
            $"{reported}:3:69: outcomes[1].unit: 'queues' does not measure people_without_heat",
            $"{reported}:4:12: outcomes[2].case: no scenario file 'n2.yaml' in this folder (did you mean n1?)",
        ], problems.Select(p => p.ToString()));
    }
}
