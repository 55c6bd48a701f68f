using Refold.Api.Catalog;

namespace Refold.Emulator.Core;

/// <summary>
/// Resolves the inputs a handler reads against its operation's declaration: a handler asks for a path, query,
/// header or body value by the name Refold sends it under, and gets the declared <see cref="Parameter"/> back, or an
/// <see cref="UndeclaredInputException"/> naming the operation, the location and what is declared there. So a
/// parameter renamed in a declaration (src/Refold.Api/Operations) fails every call of that handler with a 500 that
/// says why, instead of the handler quietly reading nothing and answering 404.
/// </summary>
public static class DeclaredInputs
{
    /// <summary>The parameter <paramref name="operation"/> declares at <paramref name="location"/> under this wire name; null when it declares none.</summary>
    public static Parameter? Find(Operation operation, ParameterLocation location, string name)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Parameters.FirstOrDefault(p => p.In == location && !p.Spread && p.SentAs == name);
    }

    /// <summary>True when the operation takes free-form members at <paramref name="location"/> (a spread body or query object).</summary>
    public static bool TakesAny(Operation operation, ParameterLocation location)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Parameters.Any(p => p.In == location && p.Spread);
    }

    /// <summary>True when a handler may read <paramref name="name"/> at <paramref name="location"/>: declared there, or free-form there.</summary>
    public static bool Declares(Operation operation, ParameterLocation location, string name) =>
        Find(operation, location, name) is not null || (location != ParameterLocation.Path && TakesAny(operation, location));

    /// <summary>Throws <see cref="UndeclaredInputException"/> unless <see cref="Declares"/>.</summary>
    public static void Require(Operation operation, ParameterLocation location, string name)
    {
        if (!Declares(operation, location, name))
        {
            throw new UndeclaredInputException(operation, location, name);
        }
    }

    /// <summary>Throws <see cref="UndeclaredInputException"/> unless <paramref name="parameter"/> is one of the operation's own.</summary>
    public static void Require(Operation operation, Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(parameter);
        if (!operation.Parameters.Contains(parameter))
        {
            throw new UndeclaredInputException(operation, parameter.In, parameter.SentAs);
        }
    }
}
