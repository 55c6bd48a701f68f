using Refold.Api.Catalog;

namespace Refold.Emulator.Core;

/// <summary>
/// A handler read an input its operation does not declare: a defect of the emulator (or a declaration renamed
/// without its handler), answered as a 500 whose message names the operation, the input and what is declared.
/// </summary>
public sealed class UndeclaredInputException : InvalidOperationException
{
    public UndeclaredInputException(Operation operation, ParameterLocation location, string name)
        : base(Describe(operation, location, name))
    {
        OperationName = operation.Name;
        Location = location;
        Name = name;
    }

    public string OperationName { get; }

    public ParameterLocation Location { get; }

    public string Name { get; }

    private static string Describe(Operation operation, ParameterLocation location, string name)
    {
        var declared = operation.Parameters.Where(p => p.In == location && !p.Spread).Select(p => p.SentAs).ToList();
        var where = location.ToString().ToLowerInvariant();
        return $"The emulator's handler of {operation.Name} reads the {where} parameter '{name}', which the declaration of {operation.Name} does not have "
            + $"(declared {where} parameters: {(declared.Count == 0 ? "none" : string.Join(", ", declared))}). "
            + "Make the handler read what the declaration declares, or the declaration declare what Refold takes.";
    }
}
