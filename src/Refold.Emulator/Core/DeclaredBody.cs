using System.Text.Json.Nodes;
using Refold.Api.Catalog;
using Refold.Emulator.State;

namespace Refold.Emulator.Core;

/// <summary>
/// The JSON body seen through the operation's declaration: reading a member the operation does not declare as a
/// body parameter throws <see cref="UndeclaredInputException"/> (any member may be read when it takes a free-form
/// body). <see cref="Object"/> is the raw object, for bodies read as a whole (filters, spread bodies).
/// </summary>
public sealed class DeclaredBody
{
    private readonly Operation _operation;

    internal DeclaredBody(Operation operation, JsonObject body)
    {
        _operation = operation;
        Object = body;
    }

    /// <summary>The raw body object (empty when the request had none).</summary>
    public JsonObject Object { get; }

    /// <summary>The declared member, or null when absent.</summary>
    public JsonNode? this[string name] => Object[Declared(name)];

    /// <summary>The declared member's string value, or null when absent or not a string.</summary>
    public string? Str(string name) => Object.Str(Declared(name));

    /// <summary>The declared member's boolean value, or null when absent or not a boolean.</summary>
    public bool? Bool(string name) => Object.Bool(Declared(name));

    /// <summary>True when the body has the declared member (even if it is null).</summary>
    public bool ContainsKey(string name) => Object.ContainsKey(Declared(name));

    /// <summary>The declared member, with whether it was present.</summary>
    public bool TryGetPropertyValue(string name, out JsonNode? value) => Object.TryGetPropertyValue(Declared(name), out value);

    private string Declared(string name)
    {
        DeclaredInputs.Require(_operation, ParameterLocation.Body, name);
        return name;
    }
}
