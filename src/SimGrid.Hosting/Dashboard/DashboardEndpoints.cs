using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;
using SimGrid.Hosting.Live;

namespace SimGrid.Hosting.Dashboard;

/// <summary>
/// The situation room: the page at "/" (files embedded in this assembly, nothing fetched from elsewhere), the list of
/// library scenarios it can start, and the push stream of a run's frames (Server-Sent Events).
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>Library scenarios listed for the page, at most.</summary>
    private const int MaxScenarios = 200;

    public static void Map(WebApplication app, string scenariosDirectory)
    {
        var files = new ManifestEmbeddedFileProvider(typeof(DashboardEndpoints).Assembly, "Dashboard/wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // The page and its scripts change with the server, so a browser revalidates them (ETag) instead of guessing.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapGet("/api/scenarios", () => Results.Json(LibraryScenarios(scenariosDirectory), Api.ControlApi.Json));
        app.MapGet("/api/simulations/{id}/stream", StreamAsync);
    }

    /// <summary>The scenario files at the top of the served folder, as paths a start request takes.</summary>
    private static IEnumerable<string> LibraryScenarios(string scenariosDirectory)
    {
        var folder = new DirectoryInfo(scenariosDirectory);
        if (!folder.Exists) return [];
        return folder.EnumerateFiles("*.yaml", SearchOption.TopDirectoryOnly)
            .Where(f => !f.Attributes.HasFlag(FileAttributes.ReparsePoint))
            .Select(f => $"{folder.Name}/{f.Name}")
            .Order(StringComparer.Ordinal)
            .Take(MaxScenarios);
    }

    private static async Task StreamAsync(string id, HttpContext context, LiveSimulations live, DashboardFeeds feeds)
    {
        var aborted = context.RequestAborted;
        // Looked up before subscribing, so an unknown id never gets a watcher (nor its grain activated), and again
        // after, for the state the frames queued from then on continue.
        if (await live.FindAsync(id) is null)
        {
            await Results.Problem($"id: no simulation {id}", statusCode: StatusCodes.Status404NotFound).ExecuteAsync(context);
            return;
        }
        using var page = feeds.TrySubscribe(id);
        if (page is null)
        {
            context.Response.Headers.RetryAfter = "30";
            await Results.Problem($"pages: {feeds.MaxPages} pages are open, the most this server serves (serve --max-pages)",
                statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        // Subscribed first, then the state so far: frames queued meanwhile overlap it, and the page skips ticks it has.
        var run = await live.FindAsync(id);
        if (run is null) return;
        var series = run.View.NextTick > 0 ? await live.SeriesAsync(id, 0) : [];
        await WriteAsync(context, "retry: 2000\n\n" + DashboardFeeds.Sse("init", DashboardFrames.Init(run, series)), aborted);
        try
        {
            await foreach (var frame in page.Frames.ReadAllAsync(aborted)) await WriteAsync(context, frame, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // the page went away
        }
    }

    private static async Task WriteAsync(HttpContext context, string text, CancellationToken ct)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
        await context.Response.Body.FlushAsync(ct);
    }
}
