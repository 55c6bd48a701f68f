namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// Raises the thread pool's minimum for the <see cref="LoadCollection"/> tests, so that a pool of a few threads all
/// busy with the clients' work does not wait for the pool to grow (about one thread a second) before the in-process
/// emulator reads its requests. Restores the previous minimum afterwards.
/// </summary>
public sealed class LoadThreadPool : IDisposable
{
    private const int Threads = 200;

    private readonly int _workers;
    private readonly int _io;

    public LoadThreadPool()
    {
        ThreadPool.GetMinThreads(out _workers, out _io);
        ThreadPool.SetMinThreads(Math.Max(_workers, Threads), Math.Max(_io, Threads));
    }

    public void Dispose() => ThreadPool.SetMinThreads(_workers, _io);
}
