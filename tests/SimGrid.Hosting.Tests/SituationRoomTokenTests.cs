using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace SimGrid.Tests.Hosting;

/// <summary>The situation room on a server with a token: reading needs none, a control asks for it, then works.</summary>
public sealed class SituationRoomTokenTests(TokenRoom room) : IClassFixture<TokenRoom>
{
    private async Task<JsonElement> RunAsync(string id) =>
        JsonDocument.Parse(await room.Http.GetStringAsync($"/api/simulations/{id}")).RootElement.GetProperty("run");

    [Fact]
    public async Task A_control_asks_for_the_token_and_works_once_it_is_given()
    {
        var started = await room.Http.PostAsJsonAsync("/api/simulations", new { scenario = Checkout.SeedScenarioPath, speed = 600 });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var page = await room.OpenAsync($"/#{id}");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#map .tile').length > 0");
        Assert.False(await page.IsVisibleAsync("#token-box"));

        // Without the token the page is refused and says what it needs; nothing changes.
        await page.ClickAsync("#pause");
        await page.Locator("#token-box").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains("token", await page.TextContentAsync("#control-error") ?? "", StringComparison.Ordinal);
        Assert.False((await RunAsync(id)).GetProperty("paused").GetBoolean());

        // With it, the same button pauses the run.
        await page.FillAsync("#token", room.Token!);
        await page.ClickAsync("#pause");
        await page.WaitForFunctionAsync("() => document.querySelector('#run-status').textContent.includes('paused')");
        Assert.True((await RunAsync(id)).GetProperty("paused").GetBoolean());
        Assert.Equal("", await page.TextContentAsync("#control-error"));
        await room.Http.PostAsync($"/api/simulations/{id}/stop", null);
    }
}
