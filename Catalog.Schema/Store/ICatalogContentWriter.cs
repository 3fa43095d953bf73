using Catalog.Schema.Content;

namespace Catalog.Schema.Store;

/// <summary>
/// The one write path for catalog content (seed, import, the publisher API): upsert by external key in one
/// transaction that also appends to the change log; a write identical to what is stored changes nothing.
/// </summary>
public interface ICatalogContentWriter
{
    Task<ContentWriteResult> WriteAsync(CatalogContent content, CancellationToken ct);

    /// <param name="listingsWritten">Told the number of listings written so far, after each one.</param>
    Task<ContentWriteResult> WriteAsync(CatalogContent content, IProgress<int>? listingsWritten, CancellationToken ct);

    /// <summary>
    /// Deletes the listings (their versions, tags, featured entries and install days go with them) and logs the
    /// change, so derived views drop them. For the publisher API's unpublish and remove; imports never delete.
    /// </summary>
    /// <returns>The change number after the write.</returns>
    Task<long> RemoveListingsAsync(IReadOnlyList<int> ids, CancellationToken ct);

    /// <summary>
    /// Deletes one market, category, catalog, featured entry or news item (the operator endpoints; imports never
    /// delete) and logs the change. Listings lose the deleted market or category and are logged too.
    /// </summary>
    /// <returns>False when there was no such item.</returns>
    Task<bool> RemoveAsync(CatalogItemKind kind, int id, CancellationToken ct);
}
