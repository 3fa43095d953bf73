using Microsoft.Extensions.Options;
using Serilog;
using Serilog.AspNetCore;
using Serilog.Events;

namespace Catalog.Server.Operations;

/// <summary>
/// The one log event per request (Serilog's request logging) also carries the route template and what the
/// client said about itself, so logs group by endpoint and by IDE release and OS.
/// Levels: successful, quick answers and probes and scrapes (<c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c>)
/// at Debug — at thousands of requests a second a console line each cost more than the answer itself
/// (BENCHMARKS.md); refusals (4xx) at Information, slow answers (over a second) and writes refused for a full store (507) at
/// Warning, failures at Error.
/// Every request shows with <c>Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware=Debug</c>.
/// </summary>
public sealed class RequestLogEnrichment : IConfigureOptions<RequestLoggingOptions>
{
    /// <summary>Query values are the client's text: bounded before they reach a log.</summary>
    private const int MaxValueLength = 100;

    public void Configure(RequestLoggingOptions options)
    {
        options.EnrichDiagnosticContext = Enrich;
        options.GetLevel = Level;
    }

    public static void Enrich(IDiagnosticContext diagnostic, HttpContext http)
    {
        diagnostic.Set("RouteTemplate", http.GetEndpoint() is RouteEndpoint route ? route.RoutePattern.RawText : null);
        diagnostic.Set("ClientOs", Bounded(http.Request.Query["os"]));
        diagnostic.Set("ClientPlatformVersion", Bounded(http.Request.Query["platform.version"]));
    }

    public const double SlowMilliseconds = 1000;

    public static LogEventLevel Level(HttpContext http, double elapsedMilliseconds, Exception? error)
    {
        if (error is not null)
            return LogEventLevel.Error;
        // A 503 from /readyz is an answer, not a failure of the server.
        if (http.GetEndpoint()?.Metadata.GetMetadata<OperationsEndpoint>() is not null)
            return LogEventLevel.Debug;
        var status = http.Response.StatusCode;
        // A full store is logged at Error once when it starts (StoreWritability); each refused write is a warning.
        if (status == StatusCodes.Status507InsufficientStorage)
            return LogEventLevel.Warning;
        return status >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
            : elapsedMilliseconds > SlowMilliseconds ? LogEventLevel.Warning
            : status >= StatusCodes.Status400BadRequest ? LogEventLevel.Information
            : LogEventLevel.Debug;
    }

    private static string? Bounded(Microsoft.Extensions.Primitives.StringValues values)
    {
        var value = values.FirstOrDefault();
        if (string.IsNullOrEmpty(value))
            return null;
        return value.Length <= MaxValueLength ? value : value[..MaxValueLength];
    }
}

/// <summary>Endpoint metadata marking the operations endpoints (probes and scrapes).</summary>
public sealed class OperationsEndpoint;
