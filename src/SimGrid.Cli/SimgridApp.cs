using Microsoft.Extensions.DependencyInjection;
using SimGrid.Cli.Commands;
using Spectre.Console.Cli;

namespace SimGrid.Cli;

/// <summary>The command line, configured once for the executable and for in-process tests alike.</summary>
public static class SimgridApp
{
    /// <summary>The services commands are built with: where errors go.</summary>
    public static ServiceRegistrar Registrar(TextWriter errors)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ErrorOutput(errors));
        return new ServiceRegistrar(services);
    }

    public static void Configure(IConfigurator config, TextWriter errors)
    {
        config.SetApplicationName("simgrid");
        // A malformed command line is the user's to fix (exit 2); anything else is a failure (exit 1). Either way one
        // line of message, no stack trace.
        config.SetExceptionHandler((exception, _) =>
        {
            var userMistake = exception is CommandParseException or CommandRuntimeException;
            errors.WriteLine(userMistake ? exception.Message : $"simgrid failed: {exception.Message}");
            return userMistake ? ExitCodes.BadInput : ExitCodes.Failure;
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
    }
}
