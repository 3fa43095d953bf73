using Microsoft.Extensions.Options;

namespace Catalog.Server.Publishing;

/// <summary>
/// App secrets and bearer tokens must not cross the network in clear text: /rest/v1 answers plain HTTP with a
/// 403 unless the server runs in Development, the request came through a trusted TLS proxy (the forwarded-headers
/// middleware then makes it HTTPS), or the operator set <c>Catalog:Publishing:AllowPlainHttp</c>.
/// </summary>
public sealed class PlainHttpGuard(RequestDelegate next, IOptions<PublishingOptions> options, IHostEnvironment environment)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (http.Request.IsHttps || options.Value.AllowPlainHttp || environment.IsDevelopment())
            return next(http);
        return PublisherJson.WriteErrorAsync(http, new ApiError(StatusCodes.Status403Forbidden,
            "The publisher API is served over HTTPS only. Use https://, or put the server behind a TLS proxy listed in " +
            "Catalog:Server:TrustedProxies; for a local trial set Catalog:Publishing:AllowPlainHttp=true."));
    }
}
