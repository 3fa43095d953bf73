using Catalog.Server.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Catalog.Server.Pages;

/// <summary>
/// The one place page failures become HTML: bad input a 400 page, a missing thing a 404 page, and
/// anything unexpected is logged and answered with a 500 page that gives nothing away.
/// </summary>
public sealed class PageErrors(ILogger<PageErrors> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        PageSecurityHeaders.Apply(http.Response);
        try
        {
            return await next(context);
        }
        catch (ProtocolException e)
        {
            return Page(e.StatusCode, e.Message);
        }
        catch (BadHttpRequestException e)
        {
            return Page(e.StatusCode, e.Message);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty; // the browser went away; there is nobody to answer
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unhandled error rendering page {Path}", http.Request.Path);
            return Page(StatusCodes.Status500InternalServerError, "Something went wrong on our side. Please try again later.");
        }
    }

    public static RazorComponentResult<ErrorPage> Page(int status, string message) =>
        new(new { Status = status, Message = message }) { StatusCode = status };
}
