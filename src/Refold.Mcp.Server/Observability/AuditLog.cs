using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;

namespace Refold.Mcp.Server.Observability;

/// <summary>
/// The audit log (<c>--audit-log FILE</c> or <c>REFOLD_AUDIT_LOG</c>): one JSON object per line, appended, for every
/// write that reaches the send path (<see cref="AuditTrail"/>). Lines are written whole under a lock and flushed, so
/// concurrent calls never interleave; a line that cannot be written is reported in the server's log and the call
/// goes on (auditing never fails a call).
/// </summary>
public sealed partial class AuditLog(string path, ILogger<AuditLog> logger) : IDisposable
{
    public const string Variable = "REFOLD_AUDIT_LOG";

    public static Setting Setting { get; } = Setting.Of("--audit-log", Variable, null, "FILE",
        "append a JSON line per write (who, tool, targets, masked arguments, outcome, Refold request id, duration) to FILE",
        SettingReaders.Text, o => o.AuditLog is not null, (o, v) => o with { AuditLog = v });

    private readonly Lock _gate = new();
    private FileStream? _file;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Appends <paramref name="record"/> as one line; a failure is logged, never thrown.</summary>
    public void Write(JsonObject record)
    {
        var line = Encoding.UTF8.GetBytes(record.ToJsonString() + "\n");
        lock (_gate)
        {
            try
            {
                _file ??= new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                _file.Write(line);
                _file.Flush();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                // Reopened on the next write (the disk may have room again, the file may be back).
                _file?.Dispose();
                _file = null;
                LogWriteFailed(logger, Path, e.Message, record["tool"]?.ToString(), record["outcome"]?.ToString());
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    /// <summary>Registers the audit log when <c>--audit-log</c> or <see cref="Variable"/> names a file.</summary>
    public static void Register(IServiceCollection services, ServerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.AuditLog))
        {
            var path = options.AuditLog.Trim();
            services.AddSingleton(sp => new AuditLog(path, sp.GetRequiredService<ILogger<AuditLog>>()));
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Error, Message = "Could not write to the audit log {Path} ({Reason}); the {Tool} call went on, its outcome was {Outcome}")]
    private static partial void LogWriteFailed(ILogger logger, string path, string reason, string? tool, string? outcome);
}
