using System.Text.Json.Nodes;

namespace Refold.Emulator.Core;

/// <summary>
/// What a handler answers. A <see cref="JsonNode"/> converts implicitly to a success with the operation's
/// declared success status (<c>Operation.SuccessStatus</c>: 200, 201 or 204).
/// </summary>
public sealed record EmulatorResult
{
    /// <summary>HTTP status; null means the operation's success status.</summary>
    public int? Status { get; init; }

    /// <summary>The JSON body; null writes no body.</summary>
    public JsonNode? Body { get; init; }

    /// <summary>Extra response headers (e.g. <c>Retry-After</c>).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>A success with the operation's declared status.</summary>
    public static EmulatorResult Success(JsonNode? body) => new() { Body = body };

    /// <summary>Any status with a JSON body.</summary>
    public static EmulatorResult WithStatus(int status, JsonNode? body) => new() { Status = status, Body = body };

    public static implicit operator EmulatorResult(JsonNode? body) => Success(body);
}

/// <summary>Thrown inside a handler (or a helper it calls) to answer with <see cref="Result"/> at once.</summary>
public sealed class EmulatorException(EmulatorResult result) : Exception(result.Body?.ToJsonString())
{
    public EmulatorResult Result { get; } = result;
}
