using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Contract;

/// <summary>A fact that needs Refold's own files from the shared folder; reported as skipped, with the reason, when they are absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedContractFactAttribute : FactAttribute
{
    public SharedContractFactAttribute()
    {
        Skip = SharedFiles.MissingReason("openapi.yaml") ?? SharedFiles.MissingReason("operations.json");
    }
}
