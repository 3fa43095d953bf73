namespace Catalog.Server.Pages;

/// <summary>
/// Pages need no script at all, so the policy allows none: styles from this site only, images from the web
/// (listing logos and screenshots live on publishers' sites), forms posting back here, no framing. Should a
/// hostile description ever slip past the sanitizer, the browser still refuses to run it.
/// </summary>
public static class PageSecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' https: http: data:; form-action 'self'; " +
        "base-uri 'none'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    }
}
