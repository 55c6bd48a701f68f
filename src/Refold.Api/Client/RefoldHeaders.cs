using Refold.Api.Catalog;

namespace Refold.Api.Client;

/// <summary>The credential headers Refold reads (the linked account's is also a declared parameter, <see cref="Param.LinkedAccountHeader"/>).</summary>
public static class RefoldHeaders
{
    /// <summary>The org API key.</summary>
    public const string ApiKey = "x-api-key";

    /// <summary>The linked account an org-key call acts for.</summary>
    public static string LinkedAccount => Param.LinkedAccountHeader.SentAs;
}
