using System.ComponentModel;
using SimGrid.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SimGrid.Cli.Commands;

/// <summary>--cluster, shared by the commands that can work as clients of a running cluster instead of an embedded silo.</summary>
public abstract class ClusterSettingsBase : CommandSettings
{
    [CommandOption("--cluster <REDIS>")]
    [Description("redis://host:port of a running SimGrid cluster to use instead of an embedded silo (see `serve --cluster`).")]
    public string? Cluster { get; init; }

    public override ValidationResult Validate() =>
        Cluster is null || ClusterSettings.RedisConnection(Cluster) is not null
            ? ValidationResult.Success()
            : ValidationResult.Error("--cluster must look like redis://host:port");
}
