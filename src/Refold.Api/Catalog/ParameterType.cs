namespace Refold.Api.Catalog;

/// <summary>The JSON type a parameter accepts; each maps to one JSON Schema fragment.</summary>
public enum ParameterType
{
    String,
    Integer,
    Boolean,
    Object,
    StringArray,
    ObjectArray,

    /// <summary>An object or an array of objects (Refold accepts both forms).</summary>
    ObjectOrObjectArray,

    /// <summary>Any JSON value.</summary>
    Any,
}
