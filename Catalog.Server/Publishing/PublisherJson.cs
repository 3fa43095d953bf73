using System.Text.Json;
using System.Text.Json.Serialization;

namespace Catalog.Server.Publishing;

/// <summary>
/// JSON of /rest/v1: snake_case names, strict types, unknown fields refused (a misspelt field must not be
/// silently ignored in a partial update), and a field given twice refused (two parsers may disagree about which
/// one was meant: a proxy that checks the first and a server that keeps the last).
/// </summary>
public static class PublisherJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
        AllowDuplicateProperties = false,
    };

    /// <summary>
    /// For reading a batch's outer array only: each item is then deserialized with <see cref="Options"/>, which refuses
    /// a field given twice with the item's own path (the outer read would name only <c>$</c>).
    /// </summary>
    public static JsonSerializerOptions BatchShapeOptions { get; } = new(Options) { AllowDuplicateProperties = true };

    public static IResult Result<T>(T value, int status = StatusCodes.Status200OK) =>
        TypedResults.Json(value, Options, "application/json", status);

    public static Task WriteErrorAsync(HttpContext http, ApiError error)
    {
        http.Response.StatusCode = error.Code;
        return http.Response.WriteAsJsonAsync(error, Options, "application/json; charset=utf-8", http.RequestAborted);
    }
}
