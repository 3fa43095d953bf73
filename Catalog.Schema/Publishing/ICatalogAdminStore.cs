namespace Catalog.Schema.Publishing;

/// <summary>The operator's view of the catalog's own rows (with their external keys), for the operator endpoints.</summary>
public interface ICatalogAdminStore
{
    Task<IReadOnlyList<MarketRow>> GetMarketsAsync(CancellationToken ct);

    Task<IReadOnlyList<CategoryRow>> GetCategoriesAsync(CancellationToken ct);

    Task<IReadOnlyList<CatalogRow>> GetCatalogsAsync(CancellationToken ct);

    Task<IReadOnlyList<FeaturedRow>> GetFeaturedAsync(CancellationToken ct);

    Task<IReadOnlyList<NewsRow>> GetNewsAsync(CancellationToken ct);

    /// <summary>The external key of a listing, market or category id, for content that refers by key.</summary>
    Task<string?> KeyOfAsync(string table, int id, CancellationToken ct);
}
