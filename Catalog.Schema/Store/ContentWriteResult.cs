namespace Catalog.Schema.Store;

/// <summary>What one write of catalog content did. Unchanged items were compared and left alone.</summary>
public sealed record ContentWriteResult
{
    public int ListingsAdded { get; init; }
    public int ListingsUpdated { get; init; }
    public int ListingsUnchanged { get; init; }
    public int TaxonomyChanges { get; init; }
    public int CatalogChanges { get; init; }
    public int FeaturedChanges { get; init; }
    public int NewsChanges { get; init; }

    /// <summary>References that could not be resolved and were dropped, url titles that had to be changed.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The change number after the write; unchanged when nothing changed.</summary>
    public long ChangeNumber { get; init; }

    public bool ChangedAnything =>
        ListingsAdded + ListingsUpdated + TaxonomyChanges + CatalogChanges + FeaturedChanges + NewsChanges > 0;
}
