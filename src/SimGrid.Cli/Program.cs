using SimGrid.Cli.Commands;
using Spectre.Console.Cli;

// Ctrl+C cancels the running command; it cleans up and leaves no output that looks complete.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
// SIGTERM (a service manager stopping serve) ends the same way as Ctrl+C.
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});

// Redirected output (logs, CI, pipes) has no terminal width: give tables room rather than wrapping every cell.
if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 160;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("simgrid");
    // A malformed command line is the user's to fix (exit 2); anything else is a failure (exit 1). Either way one
    // line of message, no stack trace.
    config.SetExceptionHandler((exception, _) =>
    {
        var userMistake = exception is CommandParseException or CommandRuntimeException;
        Console.Error.WriteLine(userMistake ? exception.Message : $"simgrid failed: {exception.Message}");
        return userMistake ? SimGrid.Cli.ExitCodes.BadInput : SimGrid.Cli.ExitCodes.Failure;
    });
    config.AddCommand<RunCommand>("run")
        .WithDescription("Play one scenario as fast as possible; write timeline.csv and summary.json.")
        .WithExample("run", "scenarios/2026-02-03-overnight-strike.yaml");
    config.AddCommand<CompareCommand>("compare")
        .WithDescription("Compare repair strategies over many paired replications; results.csv, summary.json, charts.")
        .WithExample("compare", "scenarios/2026-02-03-overnight-strike.yaml", "--strategies", "fifo,critical-first", "--runs", "200");
    config.AddCommand<HindcastCommand>("hindcast")
        .WithDescription("Play the past attacks of scenarios/hindcast and score the model against what was reported.")
        .WithExample("hindcast", "scenarios/hindcast", "--seeds", "1-10");
    config.AddCommand<ServeCommand>("serve")
        .WithDescription("Play scenarios live at a chosen pace; control API, OpenTelemetry and Prometheus /metrics.")
        .WithExample("serve", "--scenario", "scenarios/2026-02-03-overnight-strike.yaml", "--speed", "600");
    config.AddCommand<SynthCommand>("synth")
        .WithDescription("Write a synthetic grid and scenario of N regions, for scale tests and benchmarks.")
        .WithExample("synth", "--regions", "1000", "--out", "out/synthetic-1000");
    config.AddCommand<ValidateCommand>("validate")
        .WithDescription("Check scenario files; print every problem as file:line:col: message.")
        .WithExample("validate", "scenarios/2026-02-03-overnight-strike.yaml");
});
return await app.RunAsync(args, cancel.Token);
