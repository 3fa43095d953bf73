using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Catalog.Server.Operations;

namespace Catalog.Server.Publishing;

/// <summary>
/// The one place /rest/v1 failures become responses: <see cref="ApiException"/>s and bad requests answer
/// their status with the JSON error shape, an empty 400, 404, 405 or 415 from the framework gets a JSON body, and anything
/// unexpected is logged and answered as a JSON 500.
/// </summary>
public sealed class PublisherApiErrorMiddleware(RequestDelegate next, ILogger<PublisherApiErrorMiddleware> logger, StoreWritability writability)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
            if (!http.Response.HasStarted && http.Response.ContentLength is null && http.Response.ContentType is null)
            {
                var message = http.Response.StatusCode switch
                {
                    StatusCodes.Status400BadRequest => "The request could not be read.",
                    StatusCodes.Status404NotFound => "No such resource.",
                    StatusCodes.Status405MethodNotAllowed => "Method not allowed here.",
                    StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
                    _ => null,
                };
                if (message is not null)
                    await PublisherJson.WriteErrorAsync(http, new ApiError(http.Response.StatusCode, message));
            }
        }
        catch (ApiException e) when (!http.Response.HasStarted)
        {
            await Answer(http, e.ToError());
        }
        catch (PackageChangedException e) when (!http.Response.HasStarted)
        {
            await Answer(http, new ApiError(StatusCodes.Status409Conflict, e.Message));
        }
        catch (ContentConflictException e) when (!http.Response.HasStarted)
        {
            await Answer(http, new ApiError(StatusCodes.Status409Conflict, e.Message, e.Field));
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            await Answer(http, new ApiError(e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is too large." : "The request is malformed."));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e) when (!http.Response.HasStarted && writability.Observe(e))
        {
            await Answer(http, new ApiError(StatusCodes.Status507InsufficientStorage, StoreWritability.Message));
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            logger.LogError(e, "Unhandled error answering {Method} {Path}", http.Request.Method, http.Request.Path);
            await Answer(http, new ApiError(StatusCodes.Status500InternalServerError, "The server failed to answer this request."));
        }
    }

    private static Task Answer(HttpContext http, ApiError error)
    {
        var allow = http.Response.Headers.WWWAuthenticate;
        http.Response.Clear();
        if (error.Code == StatusCodes.Status401Unauthorized)
            http.Response.Headers.WWWAuthenticate = allow.Count > 0 ? allow : "Bearer realm=\"rest/v1\"";
        return PublisherJson.WriteErrorAsync(http, error);
    }
}
