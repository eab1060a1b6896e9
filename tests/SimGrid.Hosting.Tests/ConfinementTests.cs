using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;

namespace SimGrid.Tests.Hosting;

/// <summary>
/// A real server over a served folder of its own: the reference grid and seed scenario, a symlink that points out of
/// it, and a FIFO. What the API may read, and what its errors may say.
/// </summary>
public sealed class ConfinedServer : IAsyncLifetime
{
    private WebApplication? app;

    public string Served { get; } = Directory.CreateTempSubdirectory("simgrid-served-").FullName;

    public string Outside { get; } = Directory.CreateTempSubdirectory("simgrid-outside-").FullName;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var scenarios = Path.Combine(Served, "scenarios");
        Directory.CreateDirectory(Path.Combine(scenarios, "grids"));
        File.Copy(Path.Combine(ServerFixture.Root, "scenarios", "grids", "ukraine-2026.yaml"), Path.Combine(scenarios, "grids", "ukraine-2026.yaml"));
        File.Copy(Checkout.SeedScenario, Path.Combine(scenarios, "seed.yaml"));
        // A secret outside the served folder, and ways to reach it from inside.
        File.WriteAllText(Path.Combine(Outside, "secret.yaml"), "password: hunter2\n");
        File.CreateSymbolicLink(Path.Combine(scenarios, "link.yaml"), Path.Combine(Outside, "secret.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(scenarios, "elsewhere"), Outside);
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(scenarios, "fifo.yaml"))) mkfifo.WaitForExit();

        (app, Http) = await ServerFixture.StartAsync(scenarios);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await app!.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(Served, recursive: true);
        Directory.Delete(Outside, recursive: true);
    }
}

public sealed class ConfinementTests(ConfinedServer server) : IClassFixture<ConfinedServer>
{
    private async Task<(HttpStatusCode Status, string Body)> StartAsync(object body)
    {
        var response = await server.Http.PostAsJsonAsync("/api/simulations", body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_file_outside_the_served_folder_is_refused_without_its_content_or_whether_it_exists()
    {
        var secret = Path.Combine(server.Outside, "secret.yaml");
        var missing = Path.Combine(server.Outside, "missing.yaml");
        foreach (var path in new[] { secret, "/etc/passwd", "/proc/self/status", "scenarios/../../" + Path.GetFileName(server.Outside) + "/secret.yaml",
                     "scenarios/link.yaml", "scenarios/elsewhere/secret.yaml", missing })
        {
            var (status, body) = await StartAsync(new { scenario = path });
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
            Assert.DoesNotContain("password", body, StringComparison.Ordinal);
            Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
            Assert.Contains("file not found in the folders this server serves", body, StringComparison.Ordinal);
        }
        // An existing file outside and a missing one get the same answer but for the name the caller gave.
        var (_, existing) = await StartAsync(new { scenario = secret });
        var (_, absent) = await StartAsync(new { scenario = missing });
        Assert.Equal(existing.Replace("secret.yaml", "X", StringComparison.Ordinal), absent.Replace("missing.yaml", "X", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_uploaded_scenario_may_name_only_files_in_the_served_folder()
    {
        var seed = File.ReadAllText(Path.Combine(server.Served, "scenarios", "seed.yaml"));
        foreach (var yaml in new[]
                 {
                     seed.Replace("grid: grids/ukraine-2026.yaml", $"grid: {Path.Combine(server.Outside, "secret.yaml")}", StringComparison.Ordinal),
                     seed.Replace("grid: grids/ukraine-2026.yaml", "grid: link.yaml", StringComparison.Ordinal),
                     seed.Replace("weather:\n", $"weather:\n  series: {Path.Combine(server.Outside, "secret.yaml")}\n", StringComparison.Ordinal),
                 })
        {
            var (status, body) = await StartAsync(new { scenario_yaml = yaml });
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
            Assert.Contains("file not found in the folders this server serves", body, StringComparison.Ordinal);
        }
        // The same upload naming the served grid starts.
        Assert.Equal(HttpStatusCode.Created, (await StartAsync(new { scenario_yaml = seed, speed = 1 })).Status);
    }

    [Fact]
    public async Task Special_files_are_refused_at_once_without_being_opened()
    {
        var clock = Stopwatch.StartNew();
        foreach (var path in new[] { "/dev/zero", "scenarios/fifo.yaml" })
        {
            var (status, body) = await StartAsync(new { scenario = path });
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(path == "/dev/zero" ? "file not found in the folders this server serves" : "file is empty or not a regular file", body, StringComparison.Ordinal);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Metrics_answer_reads_only()
    {
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await server.Http.PostAsync("/metrics", new StringContent(""))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await server.Http.DeleteAsync("/metrics")).StatusCode);
    }
}
