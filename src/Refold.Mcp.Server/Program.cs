using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Http;

namespace Refold.Mcp.Server;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        ServerOptions options;
        try
        {
            options = CommandLine.Parse(args);
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"refold-mcp: {e.Message} Run 'refold-mcp --help' for the options.");
            return 2;
        }

        switch (options.Command)
        {
            case Command.Help:
                Console.Out.Write(CommandLine.HelpFor(options.HelpCommand));
                return 0;
            case Command.Version:
                Console.Out.WriteLine($"{CoreServices.ServerName} {CoreServices.Version}");
                return 0;
            case Command.HealthCheck:
                return await HealthProbe.RunAsync(options.Urls, Console.Error);
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        if (options.StandaloneEmulator is { } emulator)
        {
            return await Refold.Emulator.EmulatorHost.RunAsync(emulator, Console.Out, Console.Error, stop.Token);
        }

        try
        {
            options = ServerSettings.Resolve(options, Environment.GetEnvironmentVariable);
            await using var upstream = await Upstream.StartAsync(options, stop.Token);
            if (upstream.Banner is { } banner)
            {
                await Console.Error.WriteLineAsync(banner);
            }

            var credential = upstream.DemoCredential ?? EnvironmentCredentials.Read(Environment.GetEnvironmentVariable);
            var missingCredential = credential is null ? EnvironmentCredentials.MissingAdvice(Environment.GetEnvironmentVariable) : null;
            if (options.Command is Command.Tools or Command.Call or Command.Describe)
            {
                return await CliCommands.RunAsync(options, upstream, credential, missingCredential, Console.Out, Console.Error, !Console.IsOutputRedirected, stop.Token, CallConfirmation.Terminal());
            }

            // Over stdio the warm-up builds the very tool set the server lists; over HTTP each session brings its credential.
            var toolSets = new Tools.ToolSets(options.Surface);
            using var warmUp = options.Transport == Transport.Http ? StartupWarmUp.Begin() : StartupWarmUp.Begin(toolSets, credential);
            if (options.Transport == Transport.Http)
            {
                await using var app = HttpServer.Build(options, upstream);
                warmUp.HostBuilt(app.Services);
                try
                {
                    await app.StartAsync(stop.Token);
                }
                catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
                {
                    await Console.Error.WriteLineAsync($"refold-mcp: {options.Urls} is already in use by another program: stop that program, or choose a free address with --urls (for example --urls http://127.0.0.1:3002).");
                    return 1;
                }

                var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Refold.Mcp.Server");
                LogListening(log, string.Join(", ", app.Urls.Select(u => u.TrimEnd('/') + HttpServer.Endpoint)), upstream.BaseUrl);
                await app.WaitForShutdownAsync(stop.Token);
                return 0;
            }

            using var host = StdioServer.Build(options, upstream, credential, missingCredential: missingCredential, toolSets: toolSets);
            warmUp.HostBuilt(host.Services);
            if (missingCredential is not null)
            {
                LogNoCredential(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Refold.Mcp.Server"), missingCredential);
            }

            await host.RunAsync(stop.Token);
            return 0;
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"refold-mcp: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Never a stack trace for the user; the details only when asked for.
            var details = options.LogLevel is "Debug" or "Trace" ? Environment.NewLine + e : " Run with --log-level debug for the details.";
            await Console.Error.WriteLineAsync($"refold-mcp: {e.Message}{details}");
            return 1;
        }
    }

    private static void LogListening(ILogger logger, string endpoints, Uri upstream) =>
        logger.LogInformation("refold-mcp listening on {Endpoints} (Refold at {Upstream})", endpoints, upstream);

    private static void LogNoCredential(ILogger logger, string advice) =>
        logger.LogWarning("{Advice} Until then only public operations run; the other tools answer with this advice.", advice);
}
