using Microsoft.Extensions.Options;

namespace Catalog.Server.Hosting;

/// <summary>
/// Refuses requests whose headers exceed <see cref="ServerOptions.MaxRequestHeaderBytes"/> with a 431 in the
/// endpoint's format. Kestrel's own limit (an empty 431, before any middleware) is set to twice this one, so only
/// headers beyond that get the empty answer.
/// </summary>
public sealed class RequestHeaderSizeGuard(RequestDelegate next, IOptions<ServerOptions> options)
{
    private readonly int _limit = options.Value.MaxRequestHeaderBytes;

    public Task InvokeAsync(HttpContext http)
    {
        long size = 0;
        foreach (var (name, values) in http.Request.Headers)
        {
            foreach (var value in values)
                size += name.Length + 4 + (value?.Length ?? 0); // "name: value\r\n"
        }
        return size <= _limit
            ? next(http)
            : RefusalInEndpointFormat.WriteAsync(http, StatusCodes.Status431RequestHeaderFieldsTooLarge,
                $"The request's headers are larger than {_limit} bytes.");
    }
}
