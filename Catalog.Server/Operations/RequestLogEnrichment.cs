using Microsoft.Extensions.Options;
using Serilog;
using Serilog.AspNetCore;
using Serilog.Events;

namespace Catalog.Server.Operations;

/// <summary>
/// The one log event per request (Serilog's request logging) also carries the route template and what the
/// client said about itself, so logs group by endpoint and by IDE release and OS. Probes and scrapes
/// (<c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c>) log at Debug, so they do not drown real traffic.
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

    public static LogEventLevel Level(HttpContext http, double elapsedMilliseconds, Exception? error)
    {
        if (error is not null)
            return LogEventLevel.Error;
        // A 503 from /readyz is an answer, not a failure of the server.
        if (http.GetEndpoint()?.Metadata.GetMetadata<OperationsEndpoint>() is not null)
            return LogEventLevel.Debug;
        return http.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error : LogEventLevel.Information;
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
