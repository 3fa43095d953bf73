namespace Catalog.Server.Publishing;

/// <summary>A refusal with a status and a message for the caller; thrown anywhere, answered in one place.</summary>
public sealed class ApiException(int status, string message, string? field = null) : Exception(message)
{
    public int Status { get; } = status;
    public string? Field { get; } = field;

    public ApiError ToError() => new(Status, Message, Field);

    public static ApiException Invalid(string field, string message) => new(StatusCodes.Status400BadRequest, message, field);
    public static ApiException NotFound(string what) => new(StatusCodes.Status404NotFound, $"No such {what}.");
    public static ApiException Forbidden(string message, string? field = null) => new(StatusCodes.Status403Forbidden, message, field);
    public static ApiException Conflict(string message, string? field = null) => new(StatusCodes.Status409Conflict, message, field);
}
