namespace Catalog.Server.Protocol;

/// <summary>Bad input or a missing thing, answered with its status and a small XML body, never a 500.</summary>
public sealed class ProtocolException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static ProtocolException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static ProtocolException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
}
