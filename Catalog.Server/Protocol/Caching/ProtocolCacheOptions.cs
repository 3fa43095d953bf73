using System.ComponentModel.DataAnnotations;

namespace Catalog.Server.Protocol.Caching;

/// <summary>Configuration section <c>Catalog:Cache</c>.</summary>
public sealed class ProtocolCacheOptions
{
    public const string Section = "Catalog:Cache";

    /// <summary>
    /// Bytes of prepared answers and node XML kept in memory; 0 turns the cache off. Resident memory grows by
    /// several times this (answers being built, garbage not yet collected): 32 kept a 100,000-listing server
    /// under 400 MB under load.
    /// </summary>
    [Range(0, 16_384)]
    public int MaxMegabytes { get; set; } = 32;
}
