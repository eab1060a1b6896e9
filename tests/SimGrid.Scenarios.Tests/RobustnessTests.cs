using System.Text;
using System.Text.RegularExpressions;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using SimGrid.Scenarios;

namespace SimGrid.Tests.Scenarios;

/// <summary>
/// No input file, however broken, gets an unhandled exception: many seeded mutations of the library files (lines dropped
/// or duplicated, values retyped, garbage bytes, truncation, a multi-megabyte file) each end in located problems, or in a
/// valid scenario that then plays.
/// </summary>
public sealed partial class RobustnessTests : IDisposable
{
    /// <summary>
    /// 50 a file, about a thousand over the library and the hindcast set in CI; SIMGRID_MUTATIONS_PER_FILE raises it for a
    /// longer run by hand (500 gives about 10,000).
    /// </summary>
    private static readonly int MutationsPerFile =
        int.TryParse(Environment.GetEnvironmentVariable("SIMGRID_MUTATIONS_PER_FILE"), out var n) && n > 0 ? n : 50;

    /// <summary>No file may take longer to answer than this (a hang or a runaway suggestion shows up here).</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(5);
    private static readonly string[] Retypes = ["abc", "-1e308", "1e400", "[1, 2]", "{a: 1}", "''", "~", "9999999999999999999999", "-5", "2026-13-45T99:99", "7x", "&anchor", "*nowhere", "!!binary AAAA"];

    private readonly TempFiles files = new();

    public RobustnessTests()
    {
        // The mutated scenario sits beside real copies of what it refers to.
        files.Write("grids/ukraine-2026.yaml", File.ReadAllText(Path.Combine(Repo.Scenarios, "grids", "ukraine-2026.yaml")));
        files.Write("weather/2026-01-cold-week.csv", File.ReadAllText(Path.Combine(Repo.Scenarios, "weather", "2026-01-cold-week.csv")));
        foreach (var state in new[] { "ukraine-2022-23.yaml", "ukraine-2024-25.yaml" })
        {
            files.Write("grids/" + state, File.ReadAllText(Path.Combine(Repo.Scenarios, "grids", state)));
        }
    }

    public void Dispose() => files.Dispose();

    /// <summary>The library's scenarios and the hindcast cases (those under hindcast/, beside the grids as in the repository).</summary>
    public static TheoryData<string> Files() =>
        [.. Repo.ScenarioFiles().Select(f => Path.GetFileName(f)), .. Repo.HindcastScenarioFiles().Select(f => "hindcast/" + Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void Mutated_scenarios_give_located_problems_or_play(string file)
    {
        var original = File.ReadAllText(Path.Combine(Repo.Scenarios, file));
        var rng = new Random(StableSeed(file));
        for (var i = 0; i < MutationsPerFile; i++)
        {
            var (what, text) = Mutate(original, rng);
            CheckOrPlay(files.Write(file, text), $"{file} mutation {i} ({what})");
        }
    }

    [Fact]
    public void Mutated_grid_files_give_located_problems_or_play()
    {
        var original = File.ReadAllText(Path.Combine(Repo.Scenarios, "grids", "ukraine-2026.yaml"));
        var scenario = files.Write("scenario.yaml", File.ReadAllText(Repo.SeedScenario));
        var rng = new Random(2026);
        for (var i = 0; i < MutationsPerFile; i++)
        {
            var (what, text) = Mutate(original, rng);
            files.Write("grids/ukraine-2026.yaml", text);
            CheckOrPlay(scenario, $"grid mutation {i} ({what})");
        }
    }

    [Fact]
    public void A_file_of_several_megabytes_is_answered_in_bounded_time()
    {
        var wave = """
              - id: w
                start: 2026-02-03T00:30:00+02:00
                end: 2026-02-03T07:30:00+02:00
                salvos:
                  - {weapon: shahed, count: 1, regions: {kyiv-city: 1}}

            """;
        var text = new StringBuilder(File.ReadAllText(Path.Combine(Repo.Scenarios, "baseline-no-attack.yaml")).Replace("waves: []", "waves:", StringComparison.Ordinal));
        text.Append('\n');
        while (text.Length < 4 * 1024 * 1024) text.Append(wave);
        var problems = CheckOrPlay(files.Write("big.yaml", text.ToString()), "4 MiB of waves");
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Contains("duplicate wave id 'w'", p.Message, StringComparison.Ordinal));
    }

    private static IReadOnlyList<ScenarioDiagnostic> CheckOrPlay(string path, string what)
    {
        var check = Task.Run(() => ScenarioLoader.Check(path));
        Assert.True(check.Wait(HangLimit), $"{what}: no answer within {HangLimit}");
        var (scenario, problems) = check.Result;
        foreach (var p in problems)
        {
            Assert.Matches(Located(), p.ToString());
            Assert.True(p.Line >= 1 && p.Column >= 1, $"{what}: {p}");
        }
        if (scenario is null)
        {
            Assert.True(problems.Count > 0, $"{what}: rejected without a problem");
            return problems;
        }
        // Whatever the loader accepts must play.
        var sim = new GridSimulation(new RunSetup(scenario, scenario.DefaultSeed, scenario.DefaultStrategy, 0));
        for (var t = 0; t < Math.Min(4, sim.TickCount); t++) sim.Step(t);
        return problems;
    }

    /// <summary>A seed from the file name that is the same in every process (string.GetHashCode is not).</summary>
    private static int StableSeed(string name) => name.Aggregate(17, (h, c) => unchecked((h * 31) + c));

    [Fact]
    public void Mutated_weather_series_give_located_problems_or_play()
    {
        var original = File.ReadAllText(Path.Combine(Repo.Scenarios, "weather", "2026-01-cold-week.csv"));
        var scenario = files.Write("winter.yaml", File.ReadAllText(Path.Combine(Repo.Scenarios, "winter-week-three-waves.yaml")));
        var rng = new Random(2024);
        for (var i = 0; i < MutationsPerFile; i++)
        {
            var (what, text) = Mutate(original, rng);
            files.Write("weather/2026-01-cold-week.csv", text);
            CheckOrPlay(scenario, $"weather series mutation {i} ({what})");
        }
    }

    [Fact]
    public async Task Mutated_reported_outcomes_give_located_problems()
    {
        foreach (var file in Repo.HindcastScenarioFiles()) files.Write("set/" + Path.GetFileName(file), File.ReadAllText(file));
        var original = File.ReadAllText(Path.Combine(Repo.Hindcast, "reported.yaml"));
        var rng = new Random(2025);
        for (var i = 0; i < MutationsPerFile; i++)
        {
            var (what, text) = Mutate(original, rng);
            files.Write("set/reported.yaml", text);
            var (_, problems) = await Task.Run(() => HindcastLoader.Check(Path.Combine(files.Folder, "set"))).WaitAsync(HangLimit);
            foreach (var p in problems) Assert.True(Located().IsMatch(p.ToString()) && p.Line >= 1 && p.Column >= 1, $"reported mutation {i} ({what}): {p}");
        }
    }

    private static (string What, string Text) Mutate(string text, Random rng)
    {
        var lines = text.Split('\n').ToList();
        var i = rng.Next(lines.Count);
        switch (rng.Next(6))
        {
            case 0:
                lines.RemoveAt(i);
                return ("line dropped", string.Join('\n', lines));
            case 1:
                lines.Insert(i, lines[i]);
                return ("line duplicated", string.Join('\n', lines));
            case 2:
                var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
                if (colon < 0) goto case 3;
                lines[i] = lines[i][..(colon + 2)] + Retypes[rng.Next(Retypes.Length)];
                return ("value retyped", string.Join('\n', lines));
            case 3:
                var bytes = new char[rng.Next(1, 12)];
                for (var b = 0; b < bytes.Length; b++) bytes[b] = (char)rng.Next(0, 256);
                var at = rng.Next(text.Length);
                return ("garbage inserted", text[..at] + new string(bytes) + text[at..]);
            case 4:
                return ("truncated", text[..rng.Next(text.Length)]);
            default:
                lines.Insert(i, new string(' ', rng.Next(0, 8)) + "unexpected_field: 1");
                return ("field added", string.Join('\n', lines));
        }
    }

    [GeneratedRegex(@"^.+:\d+:\d+: .+$", RegexOptions.Singleline)]
    private static partial Regex Located();
}
