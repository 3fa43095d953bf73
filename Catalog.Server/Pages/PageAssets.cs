using System.Security.Cryptography;

namespace Catalog.Server.Pages;

/// <summary>
/// The one stylesheet, embedded in the assembly so the server needs no web root wherever it runs. Pages link
/// it with its content hash, so browsers may keep it for a year and still see a new one at once.
/// </summary>
public sealed class PageAssets
{
    private const string ResourceName = "Catalog.Server.Pages.Assets.site.css";

    public PageAssets()
    {
        using var stream = typeof(PageAssets).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Stylesheet = copy.ToArray();
        StylesheetVersion = Convert.ToHexStringLower(SHA256.HashData(Stylesheet))[..12];
    }

    public byte[] Stylesheet { get; }

    public string StylesheetVersion { get; }

    public static IResult GetStylesheet(HttpContext http, PageAssets assets)
    {
        var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{assets.StylesheetVersion}\"");
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        http.Response.Headers.ETag = etag.ToString();
        if (http.Request.Headers.IfNoneMatch.Any(v => v == etag.ToString()))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(assets.Stylesheet, "text/css; charset=utf-8");
    }
}
