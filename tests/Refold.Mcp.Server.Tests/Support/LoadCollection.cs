namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// The heavy load tests (100 MCP clients against the emulator with Refold's limit on, asserting 0 upstream 429s and
/// every window within the limit). They run alone, after the assembly's other tests, with the thread pool ready to
/// run many work items at once (<see cref="LoadConditions"/>, which also keeps the GC from blocking full collections): the emulator stands for Refold, another service, but
/// here it shares this process's thread pool with the clients, and when that pool fell behind for most of a second
/// (measured by <see cref="StallProbe"/> while a thread of its own kept time), the emulator read a second's requests
/// at once and counted them as a burst that Refold, reading them as they came, would never see.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection : ICollectionFixture<LoadConditions>
{
    public const string Name = "load";
}
