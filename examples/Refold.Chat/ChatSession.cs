using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Refold.Chat;

/// <summary>How a turn ended.</summary>
internal enum TurnOutcome
{
    Completed,
    Failed,
    Cancelled,
}

/// <summary>The conversation: the system prompt, the turns so far, and running one turn (model and tool loop) to its end.</summary>
internal sealed class ChatSession(IChatClient model, IList<AITool> tools, ChatSettings settings, ChatView view, Transcript transcript)
{
    private readonly List<ChatMessage> _history = [new(ChatRole.System, SystemPrompt.Text)];

    /// <summary>The stats of the turn under way, read by the model guard and the tool invoker.</summary>
    public TurnStats? Current { get; private set; }

    public async Task<TurnOutcome> RunTurnAsync(string request, CancellationToken cancellationToken)
    {
        var turn = Current = new TurnStats();
        var options = new ChatOptions { Tools = tools, ToolMode = ChatToolMode.Auto };
        var messages = new List<ChatMessage>(_history) { new(ChatRole.User, request) };
        var answer = new StringBuilder();
        transcript.Write("user", new JsonObject { ["text"] = request });

        TurnOutcome outcome;
        string? problem = null;
        try
        {
            if (settings.Stream)
            {
                var updates = new List<ChatResponseUpdate>();
                await foreach (var update in model.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
                {
                    updates.Add(update);
                    if (update.Text is { Length: > 0 } text)
                    {
                        answer.Append(text);
                        view.Answer(text);
                    }
                }

                messages.AddMessages(updates);
            }
            else
            {
                var response = await model.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
                answer.Append(response.Text);
                view.Answer(response.Text);
                messages.AddMessages(response);
            }

            _history.Clear();
            _history.AddRange(messages);
            outcome = TurnOutcome.Completed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = TurnOutcome.Cancelled;
            problem = "Cancelled.";
        }
        catch (Exception e)
        {
            outcome = TurnOutcome.Failed;
            problem = ModelProblem.Describe(e, settings);
        }

        view.EndTurn();
        if (problem is not null)
        {
            if (outcome == TurnOutcome.Cancelled)
            {
                view.Note("turn cancelled; the app is still here");
            }
            else
            {
                view.Problem(problem);
            }

            Remember(request, answer.ToString(), problem, turn);
            transcript.Write("error", new JsonObject { ["outcome"] = outcome.ToString().ToLowerInvariant(), ["message"] = problem });
        }
        else
        {
            transcript.Write("assistant", new JsonObject { ["text"] = answer.ToString() });
        }

        var end = turn.ToJson();
        end["outcome"] = outcome.ToString().ToLowerInvariant();
        transcript.Write("turn_end", end);
        Current = null;
        return outcome;
    }

    // A turn that did not finish leaves no half tool exchange in the history; the model is told what happened instead.
    private void Remember(string request, string partialAnswer, string problem, TurnStats turn)
    {
        var called = turn.ToolNames.Count == 0 ? "no tools were called" : $"tools called: {string.Join(", ", turn.ToolNames)}";
        _history.Add(new ChatMessage(ChatRole.User, request));
        _history.Add(new ChatMessage(ChatRole.Assistant, $"{partialAnswer}\n[This turn did not finish ({problem}); {called}.]".TrimStart()));
    }
}
