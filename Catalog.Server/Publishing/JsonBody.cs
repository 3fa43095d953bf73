using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Publishing;

/// <summary>
/// Reads a JSON request body with a size limit and turns every way it can be wrong (not JSON, too big, wrong
/// type, unknown field) into a 4xx naming the field, instead of the framework's empty 400.
/// </summary>
public static class JsonBody
{
    public static Task<T> ReadAsync<T>(HttpRequest request) => ReadAsync<T>(request, PublisherJson.Options);

    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options)
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "Send the body as application/json.");
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<PublishingOptions>>().Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
            throw TooLarge(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
                throw TooLarge(limit);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            throw ApiException.Invalid("$", "The request has no body; send a JSON document.");
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options)
                   ?? throw ApiException.Invalid("$", "The body is null; send a JSON document.");
        }
        catch (JsonException e)
        {
            throw ApiException.Invalid(FieldOf(e.Path), Describe(e));
        }
    }

    /// <summary><c>$[0].versions[1].features</c> → <c>[0].versions[1].features</c>; the whole body is <c>$</c>.</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
            return "$";
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.StartsWith('$') ? path[1..] : path;
    }

    public static string Describe(JsonException e)
    {
        // The serializer's messages name .NET types; say what the caller sent wrong in JSON terms.
        var message = e.Message;
        if (message.StartsWith("Duplicate property", StringComparison.Ordinal))
            return "This field is given twice; send each field once.";
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            return "Unknown field.";
        if (message.Contains("could not be converted", StringComparison.Ordinal))
            return "Wrong type for this field.";
        if (e.Path is null)
            return "The body is not valid JSON.";
        return "Invalid JSON at this field.";
    }

    private static ApiException TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit} bytes.");
}
