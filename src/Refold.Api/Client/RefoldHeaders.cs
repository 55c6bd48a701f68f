using Refold.Api.Catalog;

namespace Refold.Api.Client;

/// <summary>The credential headers Refold reads (the linked account's is also a declared parameter, <see cref="Param.LinkedAccountHeader"/>).</summary>
public static class RefoldHeaders
{
    /// <summary>The org API key.</summary>
    public const string ApiKey = "x-api-key";

    /// <summary>Where a session token travels (<c>Bearer</c>).</summary>
    public const string Authorization = "Authorization";

    /// <summary>Refold's id of a request, on its answers.</summary>
    public const string RequestId = "x-request-id";

    /// <summary>The linked account an org-key call acts for.</summary>
    public static string LinkedAccount => Param.LinkedAccountHeader.SentAs;

    /// <summary>True for a header that carries a secret, so it is never shown (dry runs, logs).</summary>
    public static bool IsSecret(string name) =>
        string.Equals(name, ApiKey, StringComparison.OrdinalIgnoreCase) || string.Equals(name, Authorization, StringComparison.OrdinalIgnoreCase);
}
