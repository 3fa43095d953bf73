using System.ComponentModel.DataAnnotations;

namespace Catalog.Server.Indexing;

/// <summary>Configuration section <c>Catalog:Indexing</c>.</summary>
public sealed class IndexingOptions
{
    public const string Section = "Catalog:Indexing";

    /// <summary>How often the index looks for store changes made by other processes.</summary>
    [Range(50, 3_600_000)]
    public int PollMilliseconds { get; set; } = 2_000;
}
