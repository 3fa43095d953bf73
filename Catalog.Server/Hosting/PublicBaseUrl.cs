using Microsoft.Extensions.Options;

namespace Catalog.Server.Hosting;

/// <summary>
/// The base of every absolute URL in a response: the configured public URL, or the request's own scheme
/// and host (already corrected by the forwarded-headers middleware for trusted proxies only).
/// </summary>
public sealed class PublicBaseUrl(IOptions<ServerOptions> options)
{
    private readonly string _configured = options.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>The configured base URL's host and port, or null when links take the request's host.</summary>
    public Uri? Configured => _configured.Length > 0 ? new Uri(_configured) : null;

    public string For(HttpRequest request) =>
        _configured.Length > 0 ? _configured : $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
}
