using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Server.Operations;

/// <summary><c>/healthz</c> (alive), <c>/readyz</c> (store migrated, index caught up) and <c>/metrics</c> (Prometheus).</summary>
public static class OperationsEndpoints
{
    public const string Live = "/healthz";
    public const string Ready = "/readyz";
    public const string Metrics = "/metrics";

    /// <summary>Tag of the health checks that <c>/readyz</c> runs; <c>/healthz</c> runs none.</summary>
    public const string ReadinessTag = "ready";

    public static RouteGroupBuilder MapCatalogOperations(this IEndpointRouteBuilder routes)
    {
        // Listening starts with the first request; created here, the listener counts that one too.
        routes.ServiceProvider.GetRequiredService<RequestMetrics>();

        var group = routes.MapGroup("").WithTags("Operations").WithMetadata(new OperationsEndpoint());
        group.MapHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteReport });
        group.MapHealthChecks(Ready, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadinessTag), ResponseWriter = WriteReport });
        group.MapGet(Metrics, MetricsEndpoint.WriteMetrics);
        return group;
    }

    /// <summary>"Healthy", or "Unhealthy" and one line per failing check giving the reason; plain text for people and probes alike.</summary>
    public static Task WriteReport(HttpContext http, HealthReport report)
    {
        var lines = new List<string> { report.Status.ToString() };
        foreach (var (name, entry) in report.Entries)
        {
            if (entry.Status != HealthStatus.Healthy)
                lines.Add($"{name}: {entry.Description ?? entry.Exception?.Message ?? entry.Status.ToString()}");
        }
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(string.Join('\n', lines) + "\n", http.RequestAborted);
    }
}
