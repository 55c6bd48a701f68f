namespace Refold.Api.Catalog;

/// <summary>Where the value of a parameter travels in the HTTP request.</summary>
public enum ParameterLocation
{
    Path,
    Query,
    Header,
    Body,
}
