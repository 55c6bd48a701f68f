using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Refold.Emulator.Core;

/// <summary>
/// Request header values that are not valid UTF-8. Kestrel alone refuses them with a bare 400 before any handler runs;
/// the emulator lets Kestrel decode them with replacement characters instead, and the pipeline answers with Refold's
/// error envelope naming the header.
/// </summary>
internal static class HeaderText
{
    private static readonly Encoding s_lenientUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static void Configure(KestrelServerOptions kestrel) => kestrel.RequestHeaderEncodingSelector = _ => s_lenientUtf8;

    /// <summary>The name of the first header whose value had bytes that are not UTF-8, or null.</summary>
    public static string? FirstInvalid(HttpRequest request) =>
        request.Headers.FirstOrDefault(h => h.Value.Any(v => v?.Contains('\uFFFD', StringComparison.Ordinal) == true)).Key;
}
