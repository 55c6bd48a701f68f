namespace Refold.Mcp.Server.Tests.Support;

/// <summary>A test class whose every test gets a fresh <see cref="FakeRefold"/>, started before it and disposed after it.</summary>
public abstract class FakeRefoldTest : IAsyncLifetime
{
    /// <summary>The 2025-11-25 protocol (initialize and elicitation), what VS Code and Copilot CLI still send.</summary>
    protected const string OldProtocol = "2025-11-25";

    protected FakeRefold Refold { get; private set; } = null!;

    public async Task InitializeAsync() => Refold = await FakeRefold.StartAsync();

    public virtual async Task DisposeAsync() => await Refold.DisposeAsync();
}
