using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SimGrid.Hosting.Api;

/// <summary>
/// How the control API reads a request and refuses one: bodies read bounded and checked as UTF-8 JSON, and every refusal
/// in one shape, RFC 9457 problem details.
/// </summary>
public static partial class ControlApi
{
    /// <summary>Largest request body: a scenario upload is a few kilobytes; grids and weather series are files the server serves.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Reads the body as JSON: invalid JSON or UTF-8 is a 400 naming the body, a body beyond the limit a 413.</summary>
    private static async Task<IResult> WithBody(HttpRequest request, Func<JsonElement, Task<IResult>> act)
    {
        JsonDocument document;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            // JSON strings are decoded only when read: a stray byte would surface later as a 500, so check UTF-8 first.
            if (!System.Text.Unicode.Utf8.IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))) return Bad("body: not valid JSON (not UTF-8)");
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        }
        catch (JsonException e)
        {
            return Bad($"body: not valid JSON ({e.Message.Split('.')[0]})");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem($"body: larger than {MaxBodyBytes / 1024} KiB", StatusCodes.Status413PayloadTooLarge);
        }
        using (document) return await act(document.RootElement.Clone());
    }

    private static IResult Bad(string message) => Problem(message, StatusCodes.Status400BadRequest);

    /// <summary>
    /// Every refusal in one shape: RFC 9457 problem details (status, title, detail) with "error" carrying the same
    /// "field: reason" text that earlier clients read.
    /// </summary>
    /// <param name="problems">Every located problem of an invalid scenario (file:line:col: message).</param>
    private static IResult Problem(string message, int status, int? retryAfterSeconds = null, string[]? problems = null)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = ReasonPhrases(status), Detail = message };
        problem.Extensions["error"] = message;
        if (problems is not null) problem.Extensions["problems"] = problems;
        var result = Results.Problem(problem);
        return retryAfterSeconds is { } seconds ? new WithHeader(result, "Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)) : result;
    }

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
