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

var app = new CommandApp(SimGrid.Cli.SimgridApp.Registrar(Console.Error));
app.Configure(config => SimGrid.Cli.SimgridApp.Configure(config, Console.Error));
return await app.RunAsync(args, cancel.Token);
