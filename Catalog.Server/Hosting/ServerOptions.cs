using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Catalog.Server.Hosting;

/// <summary>Configuration section <c>Catalog:Server</c>.</summary>
public sealed class ServerOptions : IValidatableObject
{
    public const string Section = "Catalog:Server";

    /// <summary>
    /// The URL clients reach this server at (<c>https://marketplace.example.com</c>). Empty: taken from each
    /// request, honouring <c>X-Forwarded-*</c> only from <see cref="TrustedProxies"/>.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>IP addresses of reverse proxies whose forwarded headers are believed.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Loaded into an empty database at start; empty disables seeding.</summary>
    public string SeedDirectory { get; set; } = "seed-data";

    /// <summary>
    /// Largest request headers answered, in bytes (Kestrel's default total). Larger ones get a 431 in the endpoint's
    /// format; Kestrel itself cuts off at twice this, with an empty 431.
    /// </summary>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestHeaderBytes { get; set; } = 32 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A mistyped proxy must stop the start with its own name, not as a parse failure deep in the pipeline.
        foreach (var proxy in TrustedProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"{Section}:TrustedProxies: '{proxy}' is not an IP address.", [nameof(TrustedProxies)]);
        if (PublicBaseUrl.Length > 0 && !(Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            yield return new ValidationResult($"{Section}:PublicBaseUrl: '{PublicBaseUrl}' is not an absolute http or https URL.", [nameof(PublicBaseUrl)]);
    }
}
