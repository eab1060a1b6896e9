using System.Globalization;
using Spectre.Console;

namespace SimGrid.Cli.Output;

/// <summary>
/// Progress in simulated time: a live bar on a terminal, a plain line per tenth when output is redirected
/// (so logs and CI stay readable).
/// </summary>
public static class RunProgress
{
    /// <param name="showTime">Show the simulated time reached (a run) or only the count (a study).</param>
    public static async Task<T> ShowAsync<T>(IAnsiConsole console, string title, Func<Action<int, int, DateTimeOffset>, Task<T>> work, bool showTime = true)
    {
        if (!console.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            var lastTenth = -1;
            return await work((done, total, time) =>
            {
                var tenth = total == 0 ? 10 : done * 10 / total;
                if (tenth == lastTenth) return;
                lastTenth = tenth;
                console.WriteLine(showTime
                    ? string.Create(CultureInfo.InvariantCulture, $"{title}: {tenth * 10,3}%  simulated {time:yyyy-MM-dd HH:mm zzz}")
                    : string.Create(CultureInfo.InvariantCulture, $"{title}: {tenth * 10,3}%  ({done} of {total})"));
            });
        }
        T result = default!;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title));
                result = await work((done, total, time) =>
                {
                    task.MaxValue = total;
                    task.Value = done;
                    task.Description = Markup.Escape(showTime ? $"{title} · {time:yyyy-MM-dd HH:mm}" : $"{title} · {done} of {total}");
                });
            });
        return result;
    }
}
