using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Refold.Api.Tests.Support;

/// <summary>
/// A TCP server on 127.0.0.1:0 that reads each HTTP request in full (headers and body) and then drops the connection
/// without answering: the case where Refold may have applied a call whose answer was lost.
/// </summary>
internal sealed class DroppingServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    /// <param name="reset">True to reset the connection (RST), false to close it (FIN).</param>
    public DroppingServer(bool reset)
    {
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _loop = AcceptAsync(reset);
    }

    public Uri BaseUrl { get; }

    /// <summary>Requests read in full before their connection was dropped.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private async Task AcceptAsync(bool reset)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = DropAsync(socket, reset);
        }
    }

    private async Task DropAsync(Socket socket, bool reset)
    {
        using (socket)
        {
            if (await ReadRequestAsync(socket))
            {
                Interlocked.Increment(ref _requests);
            }

            if (reset)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            else
            {
                socket.Shutdown(SocketShutdown.Both);
            }
        }
    }

    // Reads up to the end of the headers, then as many body bytes as Content-Length says.
    private async Task<bool> ReadRequestAsync(Socket socket)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOf(received, "\r\n\r\n"u8.ToArray())) < 0)
        {
            var n = await socket.ReceiveAsync(buffer, _stop.Token);
            if (n == 0)
            {
                return false;
            }

            received.AddRange(buffer.AsSpan(0, n));
        }

        var headers = Encoding.ASCII.GetString([.. received[..headerEnd]]);
        var length = headers.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        while (received.Count < headerEnd + 4 + length)
        {
            var n = await socket.ReceiveAsync(buffer, _stop.Token);
            if (n == 0)
            {
                return false;
            }

            received.AddRange(buffer.AsSpan(0, n));
        }

        return true;
    }

    private static int IndexOf(List<byte> data, byte[] pattern)
    {
        for (var i = 0; i + pattern.Length <= data.Count; i++)
        {
            if (pattern.Select((b, j) => data[i + j] == b).All(x => x))
            {
                return i;
            }
        }

        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
