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
    public void Success_HugeRecordWithoutList_LargestMemberLeftOutWholeAndNamed()
    {
        var big = new JsonObject { ["id"] = "r1", ["blob"] = new string('x', ResultBudget.Default.MaxBytes * 2) };

        var result = ToolResults.Success(big);

        var structured = result.Structured();
        Assert.True(structured.GetProperty("truncated").GetBoolean());
        Assert.Equal("r1", structured.Str("id"));
        Assert.False(structured.TryGetProperty("blob", out _));
        Assert.Equal("blob", structured.GetProperty("truncation").GetProperty("omitted_members")[0].GetString());
        Assert.Equal(JsonNode.Parse(result.Text())!.ToJsonString(), JsonNode.Parse(structured.GetRawText())!.ToJsonString());
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
