using System.Text.Json;
using System.Text.Json.Nodes;
using Refold.Api.Errors;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

public sealed class ToolResultsTests
{
    [Fact]
    public void Success_Scalar_WrappedInResultObject()
    {
        var result = ToolResults.Success(JsonValue.Create("OK"));

        Assert.Equal("OK", result.Structured().Str("result"));
        Assert.Equal("\"OK\"", result.Text());
    }

    [Fact]
    public void Success_Empty_ResultNull()
    {
        var result = ToolResults.Success(null);

        Assert.Equal(JsonValueKind.Null, result.Structured().GetProperty("result").ValueKind);
        Assert.False(result.IsError);
    }

    [Fact]
    public void Success_HugeResult_TextCutAndSaysSoStructuredWhole()
    {
        var big = new JsonObject { ["blob"] = new string('x', ToolResults.MaxTextLength * 2) };

        var result = ToolResults.Success(big);

        Assert.True(result.Text().Length < ToolResults.MaxTextLength + 300);
        Assert.Contains("text cut", result.Text(), StringComparison.Ordinal);
        Assert.Equal(ToolResults.MaxTextLength * 2, result.Structured().Str("blob")!.Length);
    }

    [Fact]
    public void Error_AnyRefoldError_ExactlyTheContractKeys()
    {
        var result = ToolResults.Error(new RefoldError
        {
            Kind = RefoldErrorKind.RateLimited, Message = "Slow down", StatusCode = 429, HttpErrorType = "TOO_MANY_REQUESTS",
            Outcome = RefoldOutcome.Rejected, Retryable = true, RetryAfterSeconds = 2, Operation = "list_workflows",
        });

        var keys = result.Structured().EnumerateObject().Select(p => p.Name).ToList();

        Assert.True(result.IsError);
        Assert.Equal(["status_code", "http_error_type", "error_code", "message", "outcome", "retryable", "retry_after_s", "hint", "request_id", "kind", "argument", "operation"], keys);
        Assert.Equal(2, result.Structured().GetProperty("retry_after_s").GetDouble());
        Assert.Equal("rate_limited", result.Structured().Str("kind"));
        Assert.Equal("rejected", result.Structured().Str("outcome"));
        Assert.Contains("Retryable after 2 s", result.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Error_ToolLevelRefusal_IsNotSent_AndUnexpected_IsUnknown()
    {
        var refused = ToolResults.Error(RefoldErrorKind.InvalidArgument, "INVALID_ARGUMENT", "name is missing", "describe_operation", "name");
        var unexpected = ToolResults.Unexpected("create_table");

        Assert.Equal("not_sent", refused.Structured().Str("outcome"));
        Assert.Equal("unknown", unexpected.Structured().Str("outcome"));
        Assert.False(unexpected.Structured().GetProperty("retryable").GetBoolean());
    }
}
