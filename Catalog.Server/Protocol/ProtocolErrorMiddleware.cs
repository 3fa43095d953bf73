using Catalog.Schema.Wire;
using Catalog.Server.Hosting;
using Catalog.Server.Operations;
using Microsoft.AspNetCore.Http.Features;

namespace Catalog.Server.Protocol;

/// <summary>
/// The one place protocol failures become responses: bad input is a 4xx with a small XML body, an
/// unknown protocol path a 404, and anything unexpected is logged and still answered in XML.
/// </summary>
public sealed class ProtocolErrorMiddleware(RequestDelegate next, ILogger<ProtocolErrorMiddleware> logger, PublicBaseUrl baseUrl, StoreWritability writability)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (!ProtocolRoutes.IsProtocolPath(http.Request.Path) && !ProtocolRoutes.IsProtocolPath(RequestParsing.RawPath(rawTarget)))
        {
            await next(http);
            return;
        }
        if (RequestParsing.HasBrokenPercentEncoding(rawTarget))
        {
            await WriteAsync(http, StatusCodes.Status400BadRequest, "The request path has broken percent-encoding.");
            return;
        }
        // Kestrel removes "." and ".." segments before routing, so /node/./success would reach the page for a node
        // called "success" and answer HTML: the client never sends them, so they are refused in the protocol's format.
        if (RequestParsing.HasDotSegment(rawTarget))
        {
            await WriteAsync(http, StatusCodes.Status400BadRequest, "The request path has '.' or '..' segments.");
            return;
        }
        try
        {
            await next(http);
            if (http.Response.StatusCode == StatusCodes.Status404NotFound && !http.Response.HasStarted)
                await WriteAsync(http, StatusCodes.Status404NotFound, "No such resource.");
            else if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !http.Response.HasStarted)
                await WriteAsync(http, StatusCodes.Status405MethodNotAllowed, "Method not allowed here.");
        }
        catch (ProtocolException e) when (!http.Response.HasStarted)
        {
            await WriteAsync(http, e.StatusCode, e.Message);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            await WriteAsync(http, e.StatusCode, e.Message);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e) when (!http.Response.HasStarted && writability.Observe(e))
        {
            await WriteAsync(http, StatusCodes.Status507InsufficientStorage, StoreWritability.Message);
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            logger.LogError(e, "Unhandled error answering {Path}", http.Request.Path);
            await WriteAsync(http, StatusCodes.Status500InternalServerError, "The server failed to answer this request.");
        }
    }

    private Task WriteAsync(HttpContext http, int status, string message)
    {
        http.Response.Clear();
        using var document = new MarketplaceDocument(new WireLinks(baseUrl.For(http.Request)));
        document.Error(status, message);
        return new XmlResponse(document.ToArray(), status).ExecuteAsync(http);
    }
}
