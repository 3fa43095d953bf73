using Catalog.Schema.Publishing;
using Microsoft.Net.Http.Headers;

namespace Catalog.Server.Publishing.Files;

/// <summary>
/// Uploaded files served to anyone (the IDE shows logos and screenshots from these URLs). The bytes were
/// checked on upload, and the headers keep them inert in a browser: the recognised type with no sniffing, a
/// sandboxing CSP that stops scripts in an SVG, and a download for anything but an image.
/// </summary>
public static class PublicFileEndpoints
{
    /// <summary>No script, no plug-in, no fetch; only the styles an SVG carries inline.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    public static RouteGroupBuilder MapPublicFileEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Files");
        group.MapMethods(FileRoutes.PublicFile, [HttpMethods.Get, HttpMethods.Head], ServeFile);
        return group;
    }

    public static async Task<IResult> ServeFile(
        int id, HttpContext http, IFileRecordStore files, IFileStorage storage, ILoggerFactory loggers)
    {
        var file = await files.GetAsync(id, http.RequestAborted);
        if (file is null)
            return TypedResults.NotFound();
        var content = await storage.OpenReadAsync(file.Sha256, http.RequestAborted);
        if (content is null)
        {
            loggers.CreateLogger(typeof(PublicFileEndpoints)).LogError("File {FileId} is recorded but its bytes {Sha256} are missing from storage", file.Id, file.Sha256);
            return TypedResults.NotFound();
        }
        var type = FileType.FromContentType(file.ContentType);
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        // A file id always names the same bytes, so caches may keep them for good.
        headers.CacheControl = "public, max-age=31536000, immutable";
        var disposition = new ContentDispositionHeaderValue(type?.IsImage == true ? "inline" : "attachment");
        disposition.SetHttpFileName(type is null ? file.Filename : SafeFilename.ForServing(file.Filename, type));
        headers.ContentDisposition = disposition.ToString();
        return TypedResults.Stream(content, type?.ContentType ?? "application/octet-stream", lastModified: file.CreatedAt,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }
}
