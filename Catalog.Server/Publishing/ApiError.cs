using System.Text.Json.Serialization;

namespace Catalog.Server.Publishing;

/// <summary>
/// The error body of every /rest/v1 failure (EQP's shape): the HTTP status as <c>code</c>, a message for a
/// person, and for validation errors the offending <c>field</c> (a JSON path such as <c>versions[0].features</c>).
/// </summary>
public sealed record ApiError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("field"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field = null);
