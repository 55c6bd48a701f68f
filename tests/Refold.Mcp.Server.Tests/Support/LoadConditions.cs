using System.Runtime;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// What the <see cref="LoadCollection"/> tests run under, restored afterwards: a thread pool minimum high enough that a
/// pool of a few threads busy with the clients' work does not wait to grow (about one thread a second) before the
/// in-process emulator reads its requests, and the GC's sustained low-latency mode, which avoids blocking full
/// collections (a pause of the whole process bunches the calls it held back, as a stall of Refold's network would).
/// </summary>
public sealed class LoadConditions : IDisposable
{
    private const int Threads = 200;

    private readonly int _workers;
    private readonly int _io;
    private readonly GCLatencyMode _latency;

    public LoadConditions()
    {
        ThreadPool.GetMinThreads(out _workers, out _io);
        ThreadPool.SetMinThreads(Math.Max(_workers, Threads), Math.Max(_io, Threads));
        _latency = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
    }

    public void Dispose()
    {
        GCSettings.LatencyMode = _latency;
        ThreadPool.SetMinThreads(_workers, _io);
    }
}
