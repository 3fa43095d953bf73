using System.Globalization;

namespace Catalog.Server.Hosting;

/// <summary>
/// Absolute links are built from the request's host when no public base URL is configured, so a Host header
/// that Kestrel lets through but that names no usable host (<c>xn--</c>, <c>a.xn--zz-.example</c>: reading
/// <see cref="HttpRequest.Host"/> throws on their punycode) is refused here, once, with a 400 in the format of the
/// endpoint asked for, before anything reads it. With a configured base URL links do not need the request's host,
/// so such a request is served as if it had named the configured host (the page renderer reads the host too).
/// </summary>
public sealed class HostHeaderGuard(RequestDelegate next, PublicBaseUrl baseUrl)
{
    private const string Message = "The Host header does not name a usable host.";

    public Task InvokeAsync(HttpContext http)
    {
        if (IsUsable(http.Request))
            return next(http);
        if (baseUrl.Configured is { } configured)
        {
            http.Request.Host = HostString.FromUriComponent(configured);
            return next(http);
        }
        return RefuseAsync(http);
    }

    /// <summary>Whether an absolute URL built from the request's scheme and host parses back to that host.</summary>
    public static bool IsUsable(HttpRequest request)
    {
        var raw = request.Headers.Host.ToString();
        if (raw.Length == 0)
            return false;
        try
        {
            var host = HostString.FromUriComponent(raw);
            if (!host.HasValue || !Uri.TryCreate($"{request.Scheme}://{host.ToUriComponent()}/", UriKind.Absolute, out var url))
                return false;
            // The punycode of every label must decode both ways: the links carry it and clients decode it.
            _ = new IdnMapping().GetUnicode(url.IdnHost);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (UriFormatException)
        {
            return false;
        }
    }

    private static Task RefuseAsync(HttpContext http)
    {
        // The page renderer reads the host for its base address: this server's own address is one that works.
        var local = http.Connection.LocalIpAddress;
        var host = local is null ? "localhost"
            : local.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{local}]" : local.ToString();
        http.Request.Host = new HostString(host, http.Connection.LocalPort);
        return RefusalInEndpointFormat.WriteAsync(http, StatusCodes.Status400BadRequest, Message, "Host");
    }
}
