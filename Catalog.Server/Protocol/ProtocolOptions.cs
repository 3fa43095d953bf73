using System.ComponentModel.DataAnnotations;

namespace Catalog.Server.Protocol;

/// <summary>Configuration section <c>Catalog:Protocol</c>: list sizes and request limits.</summary>
public sealed class ProtocolOptions
{
    public const string Section = "Catalog:Protocol";

    /// <summary>Nodes in recent, favorites, popular, related and catalog-wide featured (the real site sends 6).</summary>
    [Range(1, 100)]
    public int ListSize { get; set; } = 6;

    /// <summary>Nodes in featured lists of one market or category (the real site sends 10).</summary>
    [Range(1, 100)]
    public int ScopedFeaturedSize { get; set; } = 10;

    /// <summary>Promoted listings that may precede the featured ones.</summary>
    [Range(0, 10)]
    public int MaxPromoted { get; set; } = 2;

    /// <summary>Nodes in one category, taxonomy or tag result.</summary>
    [Range(1, 1000)]
    public int CategoryPageSize { get; set; } = 100;

    /// <summary>Ids accepted in one <c>/node/{id1},{id2}</c> or <c>related</c> request.</summary>
    [Range(1, 1000)]
    public int MaxIdsPerRequest { get; set; } = 100;

    [Range(1, 100)]
    public int SearchPageSize { get; set; } = 10;

    /// <summary>Longest search text accepted; longer is a 400.</summary>
    [Range(1, 100_000)]
    public int MaxSearchLength { get; set; } = 1000;

    /// <summary>Highest page_num accepted; further is a 400.</summary>
    [Range(1, 1_000_000)]
    public int MaxPageNumber { get; set; } = 10_000;

    /// <summary>Largest install error report body in bytes.</summary>
    [Range(1024, 10_000_000)]
    public int MaxErrorReportBytes { get; set; } = 64 * 1024;
}
