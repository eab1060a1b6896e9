using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using SimGrid.Hosting.Live;

namespace SimGrid.Tests.Hosting;

/// <summary>
/// A real `serve` host whose live runs are paced by a fake clock the tests move, and Debian's chromium driven by
/// Playwright (its own browser download cannot run here; `.ci/run` installs chromium).
/// </summary>
public class SituationRoomFixture(string? token) : IAsyncLifetime
{
    public string? Token { get; } = token;

    private WebApplication? app;
    private IPlaywright? playwright;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero));

    public HttpClient Http { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    public async Task InitializeAsync()
    {
        (app, Http) = await ServerFixture.StartAsync(Path.Combine(ServerFixture.Root, "scenarios"), Token, Clock);
        if (Token is not null) Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        app.Services.GetRequiredService<LiveSimulations>().ForecastReplications = 6;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox"],   // root in CI containers
        });
    }

    /// <summary>A new page of the given size, at the server's address plus <paramref name="path"/>.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1920, int height = 1080)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(Http.BaseAddress!, path).ToString());
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        Http.Dispose();
        await app!.StopAsync();
        await app.DisposeAsync();
    }

    private static string ChromiumPath() =>
        Environment.GetEnvironmentVariable("SIMGRID_CHROMIUM") is { Length: > 0 } given ? given
        : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
          ?? throw new InvalidOperationException("chromium not found: apt-get install chromium (or set SIMGRID_CHROMIUM)");
}

public sealed class OpenRoom() : SituationRoomFixture(null);

/// <summary>A server with a token: the test's own client sends it; the page must ask for it.</summary>
public sealed class TokenRoom() : SituationRoomFixture("s3cret");
