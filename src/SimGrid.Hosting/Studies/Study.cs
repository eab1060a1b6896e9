using SimGrid.Model.Scenario;

namespace SimGrid.Hosting.Studies;

/// <summary>One version of the scenario in a one-factor sweep (or the scenario itself, named "base").</summary>
public sealed record StudyVariant(string Name, ScenarioSpec Scenario);

/// <summary>One replication of one strategy under one variant; <see cref="Index"/> is its place in the output order.</summary>
public sealed record StudyJob(int Index, StudyVariant Variant, int Replication, string Strategy);

/// <summary>
/// A Monte Carlo study: every variant, every replication, every strategy. Replication i uses the same seed, and so the
/// same random streams for strikes, damage, repair times and weather, under every strategy (paired seeds).
/// </summary>
public sealed record Study(IReadOnlyList<StudyVariant> Variants, IReadOnlyList<string> Strategies, int Runs, int Seed, double WeatherErrorC)
{
    public int JobCount => Variants.Count * Runs * Strategies.Count;

    /// <summary>Variant by variant, replication by replication, strategy by strategy: the order of results.csv.</summary>
    public IEnumerable<StudyJob> Jobs()
    {
        var index = 0;
        foreach (var variant in Variants)
        {
            for (var replication = 0; replication < Runs; replication++)
            {
                foreach (var strategy in Strategies) yield return new StudyJob(index++, variant, replication, strategy);
            }
        }
    }

    public RunSetup Setup(StudyJob job) => new(job.Variant.Scenario, Seed, job.Strategy, job.Replication, WeatherErrorC);
}
