using System.Diagnostics;

namespace SimGrid.Tests.Cli;

/// <summary>Runs the real simgrid executable (built beside the tests) as a user would.</summary>
internal static class Simgrid
{
    public static string Root => Checkout.Root;

    public static string Scenario(string name) => Checkout.Scenario(name);

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    /// <summary>As <see cref="Run"/>, with these environment variables set for the process.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "simgrid.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var (name, value) in environment) info.Environment[name] = value;
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("simgrid " + string.Join(' ', args));
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// As <see cref="Run"/>, in this process: the same command line configuration (SimgridApp), output captured by a
    /// test console and errors by a buffer. For commands that need no separate process; a few tests keep the executable.
    /// </summary>
    public static (int ExitCode, string Stdout, string Stderr) InProcess(params string[] args)
    {
        var errors = new StringWriter();
        var app = new Spectre.Console.Cli.Testing.CommandAppTester(SimGrid.Cli.SimgridApp.Registrar(errors));
        app.Configure(config => SimGrid.Cli.SimgridApp.Configure(config, errors));
        var result = app.RunAsync(args).GetAwaiter().GetResult();
        return (result.ExitCode, result.Output, errors.ToString());
    }

    public static string TempDir() => Directory.CreateTempSubdirectory("simgrid-cli-").FullName;
}
