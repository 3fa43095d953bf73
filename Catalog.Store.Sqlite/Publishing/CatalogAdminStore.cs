using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Catalog.Store.Sqlite;
using Dapper;

namespace Catalog.Store.Sqlite.Publishing;

/// <summary>
/// The operator's view of catalogs, markets, categories, featured entries and news: ids with the external keys
/// the content writer upserts by. Writes go through <see cref="CatalogContentWriter"/>.
/// </summary>
public sealed class CatalogAdminStore(SqliteConnectionFactory connections) : ICatalogAdminStore
{
    public async Task<IReadOnlyList<MarketRow>> GetMarketsAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        return (await c.QueryAsync<MarketRow>(new CommandDefinition(
            "SELECT id AS Id, external_key AS Key, name AS Name, slug AS Slug FROM markets ORDER BY id", cancellationToken: ct)).ConfigureAwait(false)).ToList();
    }

    public async Task<IReadOnlyList<CategoryRow>> GetCategoriesAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = await c.QueryAsync<(long Id, string Key, string Name, string Slug)>(new CommandDefinition(
            "SELECT id, external_key, name, slug FROM categories ORDER BY id", cancellationToken: ct)).ConfigureAwait(false);
        var links = (await c.QueryAsync<(long Category, long Market)>(new CommandDefinition(
            "SELECT category_id, market_id FROM category_markets ORDER BY market_id", cancellationToken: ct)).ConfigureAwait(false))
            .ToLookup(l => (int)l.Category, l => (int)l.Market);
        return rows.Select(r => new CategoryRow((int)r.Id, r.Key, r.Name, r.Slug, links[(int)r.Id].ToList())).ToList();
    }

    public async Task<IReadOnlyList<CatalogRow>> GetCatalogsAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        return (await c.QueryAsync<CatalogRow>(new CommandDefinition("""
            SELECT id AS Id, external_key AS Key, title AS Title, url AS Url, icon AS Icon, description AS Description,
                   self_contained AS SelfContained, dependencies_repository AS DependenciesRepository,
                   wizard_title AS WizardTitle, wizard_icon AS WizardIcon, tabs_json AS TabsJson,
                   news_short_title AS NewsShortTitle, news_published AS NewsPublished, news_url AS NewsUrl
            FROM catalogs ORDER BY id
            """, cancellationToken: ct)).ConfigureAwait(false)).ToList();
    }

    public async Task<IReadOnlyList<FeaturedRow>> GetFeaturedAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        return (await c.QueryAsync<FeaturedRow>(new CommandDefinition("""
            SELECT f.id AS Id, f.listing_id AS ListingId, l.external_key AS ListingKey, f.market_id AS MarketId,
                   f.category_id AS CategoryId, f.position AS Position, f.promoted AS Promoted
            FROM featured f JOIN listings l ON l.id = f.listing_id
            ORDER BY IFNULL(f.market_id, 0), IFNULL(f.category_id, 0), f.position, f.id
            """, cancellationToken: ct)).ConfigureAwait(false)).ToList();
    }

    public async Task<IReadOnlyList<NewsRow>> GetNewsAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        return (await c.QueryAsync<NewsRow>(new CommandDefinition(
            "SELECT id AS Id, short_title AS ShortTitle, published AS Published, url AS Url FROM news ORDER BY published DESC, id",
            cancellationToken: ct)).ConfigureAwait(false)).ToList();
    }

    /// <summary>The external key of a listing, market or category id, for content that refers by key.</summary>
    public async Task<string?> KeyOfAsync(string table, int id, CancellationToken ct)
    {
        if (table is not ("listings" or "markets" or "categories"))
            throw new ArgumentOutOfRangeException(nameof(table));
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        return await c.ExecuteScalarAsync<string?>(new CommandDefinition(
            $"SELECT external_key FROM {table} WHERE id = @id", new { id }, cancellationToken: ct)).ConfigureAwait(false);
    }
}
