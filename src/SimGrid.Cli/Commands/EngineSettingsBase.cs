using System.ComponentModel;
using Spectre.Console.Cli;

namespace SimGrid.Cli.Commands;

/// <summary>Where a command plays its runs: Orleans grains, or the kernel alone. Both give the same numbers.</summary>
public enum Engine
{
    Grains,
    Kernel,
}

/// <summary>--engine and --cluster, shared by the commands that play runs (run, compare, hindcast).</summary>
public abstract class EngineSettingsBase : ClusterSettingsBase
{
    [CommandOption("--engine <ENGINE>")]
    [Description("grains (default: runs as Orleans grains, in an embedded silo or on the --cluster) or kernel (this process, no silo). Same results.")]
    [DefaultValue("grains")]
    public Engine Engine { get; init; } = Engine.Grains;
}
