namespace Catalog.Schema.Store;

/// <summary>What <see cref="CatalogContentWriter.RemoveAsync"/> deletes.</summary>
public enum CatalogItemKind
{
    Market,
    Category,
    Catalog,
    Featured,
    News,
}
