using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Catalog.Server.Protocol;

/// <summary>
/// The one result type of the protocol: writes prepared UTF-8 bytes as <c>application/xml; charset=utf-8</c>,
/// with an ETag derived from the bytes (so it changes exactly when the answer does) and Last-Modified
/// from the store, and answers a matching conditional GET with 304. Immutable, so one prepared answer
/// serves many requests (see <see cref="Caching.ProtocolCache"/>); its ETag is hashed once.
/// </summary>
public sealed class XmlResponse(byte[] body, int statusCode = StatusCodes.Status200OK, DateTimeOffset? lastModified = null) : IResult
{
    public const string ContentType = "application/xml; charset=utf-8";

    private EntityTagHeaderValue? etag;

    public byte[] Body => body;
    public int StatusCode => statusCode;

    public EntityTagHeaderValue ETag =>
        etag ??= new EntityTagHeaderValue('"' + Convert.ToHexString(SHA256.HashData(body), 0, 12) + '"');

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        if (statusCode == StatusCodes.Status200OK)
        {
            var etag = ETag;
            var headers = response.GetTypedHeaders();
            headers.ETag = etag;
            if (lastModified is { } modified && modified.ToUnixTimeSeconds() > 0)
                headers.LastModified = modified;
            headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
            if (IsNotModified(context.Request, etag, lastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentType = null;
                return;
            }
        }
        response.ContentLength = body.Length;
        if (HttpMethods.IsHead(context.Request.Method))
            return;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } candidates)
            return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(etag, useStrongComparison: false));
        return lastModified is { } modified && headers.IfModifiedSince is { } since
            && modified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }
}
