using System.ComponentModel.DataAnnotations;

namespace Catalog.Server.Hosting;

/// <summary>Configuration section <c>Catalog:Server</c>.</summary>
public sealed class ServerOptions
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
}
