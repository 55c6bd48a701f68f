using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Refold.Chat;

/// <summary>
/// Wraps each request to the model: a timeout (for a streamed answer, between two pieces of it), and the request's time,
/// token usage and tool-definition size counted into the current turn and written to the transcript.
/// </summary>
internal sealed class ModelGuard(IChatClient inner, TimeSpan timeout, Func<TurnStats?> currentTurn, Transcript transcript) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        UsageDetails? usage = null;
        try
        {
            var response = await base.GetResponseAsync(messages, options, timer.Token).ConfigureAwait(false);
            usage = response.Usage;
            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut();
        }
        finally
        {
            Record(started, options, usage);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        UsageDetails? usage = null;
        var updates = base.GetStreamingResponseAsync(messages, options, timer.Token).GetAsyncEnumerator(timer.Token);
        try
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw TimedOut();
                }

                foreach (var u in updates.Current.Contents.OfType<UsageContent>())
                {
                    usage ??= new UsageDetails();
                    usage.Add(u.Details);
                }

                yield return updates.Current;
                timer.CancelAfter(timeout);
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
            Record(started, options, usage);
        }
    }

    /// <summary>Estimated tokens of the tool definitions in <paramref name="options"/>: UTF-8 bytes of name, description and schema / 4.</summary>
    public static long ToolDefinitionTokens(ChatOptions? options) =>
        (options?.Tools ?? []).OfType<AIFunctionDeclaration>()
            .Sum(t => (long)Encoding.UTF8.GetByteCount(t.Name) + Encoding.UTF8.GetByteCount(t.Description) + Encoding.UTF8.GetByteCount(t.JsonSchema.GetRawText())) / 4;

    private TimeoutException TimedOut() =>
        new($"The model did not answer within {timeout.TotalSeconds:0} s.");

    private void Record(long started, ChatOptions? options, UsageDetails? usage)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var toolTokens = ToolDefinitionTokens(options);
        var turn = currentTurn();
        turn?.AddModelRequest(elapsed, toolTokens);
        turn?.AddUsage(usage?.InputTokenCount, usage?.OutputTokenCount);
        transcript.Write("model_request", new JsonObject
        {
            ["ms"] = (long)elapsed.TotalMilliseconds,
            ["tools"] = options?.Tools?.Count ?? 0,
            ["tool_definition_tokens"] = toolTokens,
            ["input_tokens"] = usage?.InputTokenCount,
            ["output_tokens"] = usage?.OutputTokenCount,
        });
    }
}
