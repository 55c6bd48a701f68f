using System.Text;
using System.Text.Json;

namespace Refold.Chat.Tests.Support;

/// <summary>The chat app run in the test process on a scripted terminal; refold-mcp is its real child process.</summary>
internal sealed class ChatRun
{
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    private ChatRun(string transcriptPath)
    {
        TranscriptPath = transcriptPath;
        Terminal = new ChatTerminal(Input, TextWriter.Synchronized(new StringWriter(_output)), TextWriter.Synchronized(new StringWriter(_errors)), interactive: false);
    }

    /// <summary>refold-mcp.dll, copied beside the tests by the project reference.</summary>
    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "refold-mcp.dll");

    /// <summary>The app's options for refold-mcp on its embedded emulator.</summary>
    public static string[] OnEmulator => ["--server-command", ServerDll, "--emulator"];

    public ScriptedInput Input { get; } = new();

    public ChatTerminal Terminal { get; }

    public string TranscriptPath { get; }

    public Task<int> Exit { get; private set; } = null!;

    public string Output => _output.ToString();

    public string Errors => _errors.ToString();

    /// <summary>Starts the app with <paramref name="args"/> and <c>--transcript</c>; no environment variable reaches it.</summary>
    public static ChatRun Start(params string[] args)
    {
        var run = new ChatRun(Path.Combine(Path.GetTempPath(), $"refold-chat-{Guid.NewGuid():N}.jsonl"));
        run.Exit = Task.Run(() => ChatApp.RunAsync(["--transcript", run.TranscriptPath, .. args], run.Terminal, _ => null));
        return run;
    }

    /// <summary>Waits until the app asks for a request that has not been typed yet; fails if it ends instead.</summary>
    public async Task WaitForPromptAsync()
    {
        var prompt = Input.WaitForPromptAsync();
        if (await Task.WhenAny(prompt, Exit).WaitAsync(TimeSpan.FromSeconds(180)) != prompt)
        {
            throw new Xunit.Sdk.XunitException($"The app ended (exit {await Exit}) instead of asking for a request: {Errors}");
        }
    }

    /// <summary>Waits for the app to end (the whole run is bounded so a hang fails the test instead of the suite).</summary>
    public async Task<int> ExitAsync() => await Exit.WaitAsync(TimeSpan.FromSeconds(180));

    /// <summary>The transcript's lines; with REFOLD_CHAT_TRANSCRIPTS set, also kept there as NAME.jsonl (and the screen as NAME.screen.txt) for the benchmark summary.</summary>
    public IReadOnlyList<JsonElement> Transcript(string name)
    {
        if (Environment.GetEnvironmentVariable("REFOLD_CHAT_TRANSCRIPTS") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(TranscriptPath, Path.Combine(keep, $"{name}.jsonl"), overwrite: true);
            File.WriteAllText(Path.Combine(keep, $"{name}.screen.txt"), Output + Errors);
        }

        return [.. File.ReadAllLines(TranscriptPath).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }
}
