namespace Refold.Api.Errors;

/// <summary>Thrown by <see cref="Client.RefoldClient"/> for every failure; <see cref="Error"/> says what happened.</summary>
public sealed class RefoldApiException(RefoldError error, Exception? inner = null) : Exception(error.Message, inner)
{
    public RefoldError Error { get; } = error;
}
