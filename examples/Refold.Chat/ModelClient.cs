using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;

namespace Refold.Chat;

/// <summary>The model: an OpenAI-compatible endpoint behind M.E.AI's function invocation, OpenTelemetry and logging.</summary>
internal static class ModelClient
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name of the chat and tool spans (OpenTelemetry GenAI conventions).</summary>
    public const string TelemetrySource = "Refold.Chat";

    public static IChatClient Create(ChatSettings settings, ILoggerFactory logging, ToolInvoker tools, Func<TurnStats?> currentTurn, Transcript transcript)
    {
        var openAi = new OpenAIClient(
            // A local server needs no key, but the client sends one: any non-empty value does.
            new ApiKeyCredential(settings.ApiKey ?? "none"),
            new OpenAIClientOptions
            {
                Endpoint = settings.Endpoint,
                RetryPolicy = new ClientRetryPolicy(settings.ModelRetries),
                NetworkTimeout = Timeout.InfiniteTimeSpan,
            });

        return openAi.GetChatClient(settings.Model).AsIChatClient()
            .AsBuilder()
            .UseFunctionInvocation(logging, f =>
            {
                f.FunctionInvoker = tools.InvokeAsync;
                f.IncludeDetailedErrors = true;
                f.MaximumIterationsPerRequest = 25;
            })
            .UseOpenTelemetry(logging, TelemetrySource)
            .UseLogging(logging)
            .Use(inner => new ModelGuard(inner, TimeSpan.FromSeconds(settings.ModelTimeoutSeconds), currentTurn, transcript))
            .Build();
    }
}
