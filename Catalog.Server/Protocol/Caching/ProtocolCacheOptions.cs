using System.ComponentModel.DataAnnotations;

namespace Catalog.Server.Protocol.Caching;

/// <summary>Configuration section <c>Catalog:Cache</c>.</summary>
public sealed class ProtocolCacheOptions
{
    public const string Section = "Catalog:Cache";

    /// <summary>Bytes of prepared answers and node XML kept in memory; 0 turns the cache off.</summary>
    [Range(0, 16_384)]
    public int MaxMegabytes { get; set; } = 64;
}
