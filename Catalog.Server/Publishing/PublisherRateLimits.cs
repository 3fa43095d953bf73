using System.Globalization;
using System.Threading.RateLimiting;
using Catalog.Server.Publishing.Auth;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Publishing;

/// <summary>
/// One rate-limit policy on the whole /rest/v1 group (ASP.NET Core's limiter): token requests per client IP,
/// because each costs a slow hash; writes per caller; reads are not limited. Refusals are 429 with Retry-After.
/// </summary>
public static class PublisherRateLimits
{
    public const string Policy = "PublisherApi";

    public static void Add(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (context, ct) =>
        {
            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                : context.HttpContext.RequestServices.GetRequiredService<IOptions<PublishingOptions>>().Value.RateLimitWindowSeconds;
            context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
            await PublisherJson.WriteErrorAsync(context.HttpContext, new ApiError(StatusCodes.Status429TooManyRequests,
                $"Too many requests; retry after {Math.Max(1, seconds)} seconds."));
        };
        limiter.AddPolicy(Policy, Partition);
    }

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var settings = http.RequestServices.GetRequiredService<IOptions<PublishingOptions>>().Value;
        var window = TimeSpan.FromSeconds(settings.RateLimitWindowSeconds);
        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (http.Request.Path.Value?.EndsWith(PublisherApiRoutes.SessionToken, StringComparison.OrdinalIgnoreCase) == true)
            return RateLimitPartition.GetFixedWindowLimiter("token:" + ip, _ => Window(settings.TokenRequestsPerWindow, window));
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            return RateLimitPartition.GetNoLimiter("read");
        var caller = Caller.From(http.User);
        return RateLimitPartition.GetFixedWindowLimiter("write:" + (caller?.AppId ?? ip), _ => Window(settings.WriteRequestsPerWindow, window));
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
