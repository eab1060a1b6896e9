using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SimGrid.Scenarios;

namespace SimGrid.Tests.Hosting;

/// <summary>
/// The situation room in a real browser against a real server: what the page shows is what the API says, its forms
/// act through the API and show its refusals, and it keeps up with the run. Time moves only when a test moves the
/// fake clock (speed 600: a 15-minute tick every 1.5 s).
/// </summary>
public sealed partial class SituationRoomTests(OpenRoom room) : IClassFixture<OpenRoom>
{
    private static readonly TimeSpan TickAtSpeed600 = TimeSpan.FromSeconds(1.5);

    private async Task<string> StartSeedAsync()
    {
        var response = await room.Http.PostAsJsonAsync("/api/simulations", new { scenario = Checkout.SeedScenarioPath, speed = 600 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<JsonElement> StateAsync(string id) => await JsonAsync(await room.Http.GetAsync($"/api/simulations/{id}"));

    /// <summary>Opens the page on run <paramref name="id"/> and waits for its map and first frame.</summary>
    private async Task<IPage> OpenAsync(string id, int width = 1920, int height = 1080)
    {
        var page = await room.OpenAsync($"/#{id}", width, height);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#map .tile').length > 0 && document.body.dataset.tick !== undefined");
        return page;
    }

    private static async Task<int> PageTickAsync(IPage page) =>
        int.Parse(await page.EvaluateAsync<string>("() => document.body.dataset.tick"), CultureInfo.InvariantCulture);

    /// <summary>Moves the fake clock a tick at a time until the page shows tick <paramref name="tick"/> played.</summary>
    private async Task PlayToAsync(IPage page, int tick)
    {
        while (await PageTickAsync(page) < tick)
        {
            var before = await PageTickAsync(page);
            room.Clock.Advance(TickAtSpeed600);
            await page.WaitForFunctionAsync("t => Number(document.body.dataset.tick) > t", before);
        }
    }

    private static double Number(string? text) => double.Parse(text!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_page_shows_what_the_API_says_and_keeps_updating()
    {
        var id = await StartSeedAsync();
        var page = await OpenAsync(id);
        Assert.Equal(25, await page.Locator("#map .tile").CountAsync());

        // It keeps up: twelve ticks, each pushed to the page as it is played.
        var first = await PageTickAsync(page);
        await PlayToAsync(page, first + 12);
        Assert.Equal(first + 12, await PageTickAsync(page));

        // Paused from the page, the run holds still; then every figure on the page is the API's.
        await page.ClickAsync("#pause");
        await page.WaitForFunctionAsync("() => document.querySelector('#run-status').textContent.includes('paused')");
        var state = await StateAsync(id);
        var national = state.GetProperty("national");
        Assert.Equal(national.GetProperty("tick").GetInt32(), await PageTickAsync(page));
        foreach (var (element, field) in new[] { ("#people-off-damage", "people_off_damage"), ("#people-off-rolling", "people_off_rolling"), ("#people-without-heat", "people_without_heat") })
        {
            Assert.Equal(national.GetProperty(field).GetDouble(), Number(await page.GetAttributeAsync(element, "data-value")));
        }
        var grid = ScenarioLoader.Load(Checkout.SeedScenario).Grid;
        foreach (var region in state.GetProperty("regions").EnumerateArray())
        {
            var regionId = region.GetProperty("id").GetString()!;
            var customers = Math.Max(1, grid.Regions.Single(r => r.Id == regionId).Customers);   // none in occupied Luhansk
            var tile = page.Locator($"#tile-{regionId}");
            Assert.Equal(region.GetProperty("state").GetProperty("customers_off_damage").GetDouble() / customers, Number(await tile.GetAttributeAsync("data-share-damage")));
            Assert.Equal(region.GetProperty("state").GetProperty("customers_off_rolling").GetDouble() / customers, Number(await tile.GetAttributeAsync("data-share-rolling")));
        }
        await room.Http.PostAsync($"/api/simulations/{id}/stop", null);
    }

    [Fact]
    public async Task A_strike_from_the_page_hits_its_tiles_and_brings_a_forecast_band()
    {
        var id = await StartSeedAsync();
        var page = await OpenAsync(id);
        await PlayToAsync(page, 1);
        var kharkiv = page.Locator("#tile-kharkiv");
        var before = Number(await kharkiv.GetAttributeAsync("data-share-damage"));

        await page.SelectOptionAsync("#inject-form [name=type]", "strike");
        await page.SelectOptionAsync("#inject-form [name=weapon]", "iskander-m");
        await page.FillAsync("#inject-form [data-for=strike] [name=count]", "40");
        await page.FillAsync("#inject-form [data-for=strike] [name=hours]", "0.25");
        await page.SelectOptionAsync("#inject-form [data-for=strike] [name=region]", "kharkiv");
        await page.SelectOptionAsync("#inject-form [name=class]", "substation_330");
        await page.ClickAsync("#inject-form button[type=submit]");

        // The forecast made after the event is drawn ahead of now, and its restoration hours are shown.
        await page.WaitForFunctionAsync("() => document.querySelector('#chart').dataset.forecastFrom !== undefined");
        var events = (await StateAsync(id)).GetProperty("events");
        Assert.Equal(1, events.GetArrayLength());
        var tick = events[0].GetProperty("tick").GetInt32();
        Assert.Equal(tick.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#chart", "data-forecast-from"));
        Assert.Matches(RestoreHours(), await page.TextContentAsync("#restore") ?? "");

        // The tick the strike lands in flashes Kharkiv's tile; its customers go dark by damage.
        await PlayToAsync(page, tick);
        Assert.Contains("hit", await kharkiv.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        await PlayToAsync(page, tick + 1);
        Assert.True(Number(await kharkiv.GetAttributeAsync("data-share-damage")) > before + 0.05, "Kharkiv's tile did not darken");
        Assert.Contains("strike", await page.TextContentAsync("#event-log") ?? "", StringComparison.Ordinal);
        await room.Http.PostAsync($"/api/simulations/{id}/stop", null);
    }

    [Fact]
    public async Task A_bad_form_value_shows_the_API_message_beside_its_field_and_changes_nothing()
    {
        var id = await StartSeedAsync();
        var page = await OpenAsync(id);
        var before = (await StateAsync(id)).GetRawText();

        await page.SelectOptionAsync("#inject-form [name=type]", "strike");
        await page.FillAsync("#inject-form [data-for=strike] [name=count]", "0");
        await page.ClickAsync("#inject-form button[type=submit]");
        var note = page.Locator("#inject-form [data-for=strike] label:has([name=count]) .field-error");
        await note.WaitForAsync();
        Assert.Equal("count: " + InputLimits.Weapons.Rule, await note.TextContentAsync());
        Assert.Equal("true", await page.GetAttributeAsync("#inject-form [data-for=strike] [name=count]", "aria-invalid"));

        await page.SelectOptionAsync("#inject-form [name=type]", "damage");
        await page.FillAsync("#inject-form [name=asset]", "kyiv-chp-99");
        await page.ClickAsync("#inject-form button[type=submit]");
        var assetNote = page.Locator("#inject-form label:has([name=asset]) .field-error");
        await assetNote.WaitForAsync();
        Assert.Equal("asset: unknown asset 'kyiv-chp-99'", await assetNote.TextContentAsync());

        Assert.Equal(before, (await StateAsync(id)).GetRawText());
        await room.Http.PostAsync($"/api/simulations/{id}/stop", null);
    }

    [Fact]
    public async Task The_seed_night_fits_a_wall_screen_and_a_laptop_and_is_saved_as_screenshots()
    {
        var id = await StartSeedAsync();
        var wall = await OpenAsync(id);
        // The night's waves have landed by 08:00 (tick 56 from 18:00): the map is dark where the seed attack struck.
        await PlayToAsync(wall, 56);
        await room.Http.PostAsJsonAsync($"/api/simulations/{id}/events", new { type = "weather", temperature_c = -22, hours = 24 });
        await wall.WaitForFunctionAsync("() => document.querySelector('#chart').dataset.forecastFrom !== undefined");
        await wall.WaitForFunctionAsync("() => document.querySelectorAll('#event-log li.wave').length > 0");
        var laptop = await OpenAsync(id, 1280, 720);

        var folder = Path.Combine(ServerFixture.Root, "out", "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var (page, name) in new[] { (wall, "situation-room-1920x1080.png"), (laptop, "situation-room-1280x720.png") })
        {
            // Nothing wider than the screen: a duty officer should never scroll sideways.
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{name}: wider than the screen");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = name.Contains("1920", StringComparison.Ordinal) });
        }
        Assert.True(new FileInfo(Path.Combine(folder, "situation-room-1920x1080.png")).Length > 20_000);
        await room.Http.PostAsync($"/api/simulations/{id}/stop", null);
    }


    [GeneratedRegex(@"^(\d+|> \d+) · (\d+|> \d+) · (\d+|> \d+)$")]
    private static partial Regex RestoreHours();
}
