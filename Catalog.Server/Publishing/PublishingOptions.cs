using System.ComponentModel.DataAnnotations;

namespace Catalog.Server.Publishing;

/// <summary>Configuration section <c>Catalog:Publishing</c>: the publisher API (/rest/v1).</summary>
public sealed class PublishingOptions
{
    public const string Section = "Catalog:Publishing";

    /// <summary>
    /// Serve /rest/v1 over plain HTTP outside Development. Only for a server reachable from localhost alone:
    /// app secrets and bearer tokens would travel in clear text.
    /// </summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>Approve every submission that passes the checks, without waiting for the operator.</summary>
    public bool AutoApprove { get; set; }

    /// <summary>Token lifetime when the request names none.</summary>
    [Range(60, 31_536_000)]
    public int DefaultTokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>The longest lifetime a token request gets; longer requests are capped to it.</summary>
    [Range(60, 31_536_000)]
    public int MaxTokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>Token requests per client IP per window (each one costs a slow hash).</summary>
    [Range(1, 1_000_000)]
    public int TokenRequestsPerWindow { get; set; } = 10;

    /// <summary>Writes (POST, PUT, DELETE) per caller per window.</summary>
    [Range(1, 1_000_000)]
    public int WriteRequestsPerWindow { get; set; } = 120;

    [Range(1, 3600)]
    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>Largest JSON request body.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Most items in one batch POST or PUT.</summary>
    [Range(1, 1000)]
    public int MaxBatchItems { get; set; } = 50;
}
