using Serilog.Events;

namespace Catalog.Server.Hosting;

/// <summary>
/// The level of each request's log line. Successful, quick answers go at Debug: at thousands of requests a
/// second, a console line each cost more than the answer itself (BENCHMARKS.md). Failures, refusals and
/// slow answers stay visible at the default level. Every request shows again with
/// <c>Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware=Debug</c>.
/// </summary>
public static class RequestLogLevels
{
    public const double SlowMilliseconds = 1000;

    public static LogEventLevel For(HttpContext http, double elapsedMilliseconds, Exception? error) =>
        error is not null || http.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
        : elapsedMilliseconds > SlowMilliseconds ? LogEventLevel.Warning
        : http.Response.StatusCode >= StatusCodes.Status400BadRequest ? LogEventLevel.Information
        : LogEventLevel.Debug;
}
