using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Catalog.Schema.Compatibility;
using Catalog.Schema.Content;
using Catalog.Schema.Model;
using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Catalog.Schema.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Catalog.Store.Sqlite;

/// <summary>
/// The one write path for whole-catalog content (seed files, imports): upserts by external key in a
/// single transaction, compares each item with what is stored so that writing the same content twice
/// changes nothing, and appends what changed to the change log. Nothing absent from the content is
/// deleted: an import never loses data.
/// </summary>
public sealed class CatalogContentWriter(SqliteConnectionFactory connections, ReleaseTable releases, TimeProvider clock) : ICatalogContentWriter
{
    private static readonly JsonSerializerOptions HashJson = new(JsonSerializerDefaults.Web);

    public Task<ContentWriteResult> WriteAsync(CatalogContent content, CancellationToken ct) => WriteAsync(content, null, ct);

    /// <param name="listingsWritten">Told the number of listings written so far, after each one.</param>
    public async Task<ContentWriteResult> WriteAsync(CatalogContent content, IProgress<int>? listingsWritten, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct).ConfigureAwait(false);
        await using var cache = await LargePageCache.ApplyAsync(connection, ct).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var result = await WriteAsync(new WriteSession(connection, transaction, ct), content, listingsWritten).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Deletes the listings (their versions, tags, featured entries and install days go with them) and logs the
    /// change, so derived views drop them. For the publisher API's unpublish and remove; imports never delete.
    /// </summary>
    /// <returns>The change number after the write.</returns>
    public async Task<long> RemoveListingsAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var changeNumber = await RemoveListingsAsync(new WriteSession(connection, transaction, ct), ids).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return changeNumber;
    }

    /// <summary>
    /// Deletes one market, category, catalog, featured entry or news item (the publisher API's operator
    /// endpoints; imports never delete) and logs the change. Listings lose the deleted market or category and
    /// are logged too, so the search index drops the term.
    /// </summary>
    /// <returns>False when there was no such item.</returns>
    public async Task<bool> RemoveAsync(CatalogItemKind kind, int id, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var session = new WriteSession(connection, transaction, ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        IReadOnlyCollection<int> listings = [];
        if (kind is CatalogItemKind.Market or CatalogItemKind.Category)
        {
            listings = (await session.QueryAsync<long>(kind == CatalogItemKind.Market
                ? "SELECT listing_id FROM listing_markets WHERE market_id = @id"
                : "SELECT listing_id FROM listing_categories WHERE category_id = @id", new { id }).ConfigureAwait(false)).Select(l => (int)l).ToList();
        }
        var (sql, entity) = kind switch
        {
            CatalogItemKind.Market => ("DELETE FROM markets WHERE id = @id", "taxonomy"),
            CatalogItemKind.Category => ("DELETE FROM categories WHERE id = @id", "taxonomy"),
            CatalogItemKind.Catalog => ("DELETE FROM catalogs WHERE id = @id", "catalog"),
            CatalogItemKind.Featured => ("DELETE FROM featured WHERE id = @id", "featured"),
            _ => ("DELETE FROM news WHERE id = @id", "news"),
        };
        if (await session.ExecuteAsync(sql, new { id }).ConfigureAwait(false) == 0)
            return false;
        if (kind is CatalogItemKind.Market or CatalogItemKind.Category)
            await session.ExecuteAsync("DELETE FROM terms WHERE id = @id", new { id }).ConfigureAwait(false);
        await AppendChangeAsync(session, now, entity, []).ConfigureAwait(false);
        if (listings.Count > 0)
            await AppendChangeAsync(session, now, "listing", listings).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>The write inside a caller's transaction, so that the caller's own rows change with the catalog's or not at all.</summary>
    internal async Task<ContentWriteResult> WriteAsync(WriteSession session, CatalogContent content, IProgress<int>? listingsWritten = null)
    {
        var warnings = new List<string>();

        var (marketIds, marketChanges) = await UpsertMarketsAsync(session, content.Markets, warnings, content.CreateOnly).ConfigureAwait(false);
        var (categoryIds, categoryChanges) = await UpsertCategoriesAsync(session, content.Categories, marketIds, warnings, content.CreateOnly).ConfigureAwait(false);
        var catalogChanges = await UpsertCatalogsAsync(session, content.Catalogs).ConfigureAwait(false);
        var categoryMarkets = await LoadCategoryMarketsAsync(session).ConfigureAwait(false);

        int added = 0, updated = 0, unchanged = 0;
        var touchedListings = new List<int>();
        var listingIds = new Dictionary<string, int>(StringComparer.Ordinal);
        using var statements = new ListingStatements(session.Connection, session.Transaction);
        var known = await KnownListings.LoadAsync(session, statements).ConfigureAwait(false);
        foreach (var listing in content.Listings)
        {
            var outcome = await UpsertListingAsync(known, listing, categoryIds, marketIds, categoryMarkets, warnings, session.Cancellation).ConfigureAwait(false);
            listingIds[listing.Key] = outcome.Id;
            switch (outcome.Kind)
            {
                case UpsertKind.Added: added++; touchedListings.Add(outcome.Id); break;
                case UpsertKind.Updated: updated++; touchedListings.Add(outcome.Id); break;
                default: unchanged++; break;
            }
            listingsWritten?.Report(added + updated + unchanged);
        }

        var featuredChanges = await UpsertFeaturedAsync(session, content.Featured, listingIds, marketIds, categoryIds, warnings).ConfigureAwait(false);
        var newsChanges = await UpsertNewsAsync(session, content.News, content.CreateOnly).ConfigureAwait(false);

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (marketChanges + categoryChanges > 0)
            await AppendChangeAsync(session, now, "taxonomy", []).ConfigureAwait(false);
        if (catalogChanges > 0)
            await AppendChangeAsync(session, now, "catalog", []).ConfigureAwait(false);
        if (touchedListings.Count > 0)
            await AppendChangeAsync(session, now, "listing", touchedListings).ConfigureAwait(false);
        if (featuredChanges > 0)
            await AppendChangeAsync(session, now, "featured", []).ConfigureAwait(false);
        if (newsChanges > 0)
            await AppendChangeAsync(session, now, "news", []).ConfigureAwait(false);

        var changeNumber = await session.ScalarAsync<long>("SELECT IFNULL(MAX(change_number), 0) FROM change_log").ConfigureAwait(false);
        return new ContentWriteResult
        {
            ListingsAdded = added,
            ListingsUpdated = updated,
            ListingsUnchanged = unchanged,
            TaxonomyChanges = marketChanges + categoryChanges,
            CatalogChanges = catalogChanges,
            FeaturedChanges = featuredChanges,
            NewsChanges = newsChanges,
            Warnings = warnings,
            ChangeNumber = changeNumber,
        };
    }

    internal async Task<long> RemoveListingsAsync(WriteSession session, IReadOnlyList<int> ids)
    {
        var removed = new List<int>();
        foreach (var id in ids.Distinct())
        {
            if (await session.ExecuteAsync("DELETE FROM listings WHERE id = @id", new { id }).ConfigureAwait(false) > 0)
                removed.Add(id);
        }
        if (removed.Count > 0)
            await AppendChangeAsync(session, clock.GetUtcNow().ToUnixTimeMilliseconds(), "listing", removed).ConfigureAwait(false);
        return await session.ScalarAsync<long>("SELECT IFNULL(MAX(change_number), 0) FROM change_log").ConfigureAwait(false);
    }

    /// <summary>
    /// New listings take ids past both listings and packages: a package's id is reserved for its listing from the
    /// draft on, so an import meanwhile must not take it.
    /// </summary>
    internal static Task<long> NextListingIdAsync(WriteSession session) => session.ScalarAsync<long>(
        "SELECT MAX(IFNULL((SELECT MAX(id) FROM listings), 0), IFNULL((SELECT MAX(id) FROM packages), 0)) + 1");

    internal static async Task AppendChangeAsync(WriteSession session, long nowMs, string entity, IReadOnlyCollection<int> ids)
    {
        await session.ExecuteAsync(
            "INSERT INTO change_log (changed_at, entity, entity_ids) VALUES (@nowMs, @entity, @ids); " +
            "UPDATE store_state SET last_modified = MAX(last_modified, @nowMs) WHERE id = 1;",
            new { nowMs, entity, ids = string.Join(',', ids) }).ConfigureAwait(false);
    }

    private static async Task<(Dictionary<string, int> Ids, int Changes)> UpsertMarketsAsync(
        WriteSession session, IReadOnlyList<MarketSource> markets, List<string> warnings, bool createOnly)
    {
        var changes = 0;
        foreach (var market in markets)
        {
            var hash = Hash(market);
            var existing = await session.QuerySingleOrDefaultAsync<HashedRow>(
                "SELECT id AS Id, source_hash AS Hash FROM markets WHERE external_key = @Key", new { market.Key }).ConfigureAwait(false);
            RefuseKnownKeyOnCreate(createOnly, existing, "market", market.Key);
            if (existing?.Hash == hash)
                continue;
            var slug = await ChooseTermSlugAsync(session, "markets", "market", market.Key, market.Slug, createOnly, warnings).ConfigureAwait(false);
            changes++;
            var id = existing?.Id ?? await NewTermAsync(session, "market").ConfigureAwait(false);
            await session.ExecuteAsync(existing is null
                ? "INSERT INTO markets (id, external_key, name, slug, source_hash) VALUES (@id, @Key, @Name, @Slug, @hash)"
                : "UPDATE markets SET name = @Name, slug = @Slug, source_hash = @hash WHERE id = @id",
                new { id, market.Key, market.Name, Slug = slug, hash }).ConfigureAwait(false);
        }
        return (await LoadKeyMapAsync(session, "markets").ConfigureAwait(false), changes);
    }

    private static async Task<(Dictionary<string, int> Ids, int Changes)> UpsertCategoriesAsync(
        WriteSession session, IReadOnlyList<CategorySource> categories, Dictionary<string, int> marketIds, List<string> warnings, bool createOnly)
    {
        var changes = 0;
        foreach (var category in categories)
        {
            var markets = Resolve(category.Markets, marketIds, $"category {category.Key}", "market", warnings);
            var hash = Hash(new { category, markets });
            var existing = await session.QuerySingleOrDefaultAsync<HashedRow>(
                "SELECT id AS Id, source_hash AS Hash FROM categories WHERE external_key = @Key", new { category.Key }).ConfigureAwait(false);
            RefuseKnownKeyOnCreate(createOnly, existing, "category", category.Key);
            if (existing?.Hash == hash)
                continue;
            var slug = await ChooseTermSlugAsync(session, "categories", "category", category.Key, category.Slug, createOnly, warnings).ConfigureAwait(false);
            changes++;
            var id = existing?.Id ?? await NewTermAsync(session, "category").ConfigureAwait(false);
            await session.ExecuteAsync(existing is null
                ? "INSERT INTO categories (id, external_key, name, slug, source_hash) VALUES (@id, @Key, @Name, @Slug, @hash)"
                : "UPDATE categories SET name = @Name, slug = @Slug, source_hash = @hash WHERE id = @id",
                new { id, category.Key, category.Name, Slug = slug, hash }).ConfigureAwait(false);
            await session.ExecuteAsync("DELETE FROM category_markets WHERE category_id = @id", new { id }).ConfigureAwait(false);
            foreach (var marketId in markets)
                await session.ExecuteAsync("INSERT INTO category_markets (category_id, market_id) VALUES (@id, @marketId)", new { id, marketId }).ConfigureAwait(false);
        }
        return (await LoadKeyMapAsync(session, "categories").ConfigureAwait(false), changes);
    }

    private static async Task<int> UpsertCatalogsAsync(WriteSession session, IReadOnlyList<CatalogSource> catalogs)
    {
        var changes = 0;
        foreach (var catalog in catalogs)
        {
            var hash = Hash(catalog);
            var existing = await session.QuerySingleOrDefaultAsync<string?>(
                "SELECT source_hash FROM catalogs WHERE external_key = @Key", new { catalog.Key }).ConfigureAwait(false);
            if (existing == hash)
                continue;
            changes++;
            var values = new
            {
                catalog.Key, catalog.Title, catalog.Url, catalog.Icon, catalog.Description,
                SelfContained = catalog.SelfContained ? 1 : 0, catalog.DependenciesRepository,
                catalog.WizardTitle, catalog.WizardIcon,
                TabsJson = JsonSerializer.Serialize(catalog.Tabs, HashJson),
                NewsShortTitle = catalog.News?.ShortTitle,
                NewsPublished = catalog.News?.Published.ToUnixTimeMilliseconds(),
                NewsUrl = catalog.News?.Url,
                hash,
            };
            await session.ExecuteAsync(existing is null
                ? """
                  INSERT INTO catalogs (external_key, title, url, icon, description, self_contained, dependencies_repository,
                      wizard_title, wizard_icon, tabs_json, news_short_title, news_published, news_url, source_hash)
                  VALUES (@Key, @Title, @Url, @Icon, @Description, @SelfContained, @DependenciesRepository,
                      @WizardTitle, @WizardIcon, @TabsJson, @NewsShortTitle, @NewsPublished, @NewsUrl, @hash)
                  """
                : """
                  UPDATE catalogs SET title = @Title, url = @Url, icon = @Icon, description = @Description,
                      self_contained = @SelfContained, dependencies_repository = @DependenciesRepository,
                      wizard_title = @WizardTitle, wizard_icon = @WizardIcon, tabs_json = @TabsJson,
                      news_short_title = @NewsShortTitle, news_published = @NewsPublished, news_url = @NewsUrl,
                      source_hash = @hash
                  WHERE external_key = @Key
                  """, values).ConfigureAwait(false);
        }
        return changes;
    }

    private async Task<Outcome> UpsertListingAsync(
        KnownListings known, ListingSource listing, Dictionary<string, int> categoryIds, Dictionary<string, int> marketIds,
        Dictionary<int, List<int>> categoryMarkets, List<string> warnings, CancellationToken ct)
    {
        var subject = $"listing {listing.Key}";
        var categories = Resolve(listing.Categories, categoryIds, subject, "category", warnings);
        var markets = listing.Markets.Count > 0
            ? Resolve(listing.Markets, marketIds, subject, "market", warnings)
            : categories.SelectMany(c => categoryMarkets.GetValueOrDefault(c) ?? []).Distinct().Order().ToList();
        var versions = listing.Versions.Select(v => v.ToModel()).ToList();
        var tags = listing.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var hash = Hash(new { listing, categories, markets, tags });

        var existing = known.Listings.GetValueOrDefault(listing.Key);
        if (existing is { } same && same.Hash == hash)
            return new Outcome((int)same.Id, UpsertKind.Unchanged);

        var urlTitle = ChooseUrlTitle(known, listing, existing, warnings);
        var derived = ListingRowValues.Compute(versions, releases);
        object?[] common =
        [
            listing.Key, urlTitle, listing.Name, listing.Type, listing.Owner, listing.CompanyName,
            listing.FoundationMember ? 1 : 0, listing.ShortDescription, listing.Body, listing.License,
            listing.Status, listing.HomepageUrl, listing.SupportUrl, listing.Image, listing.Screenshot,
            listing.Created.ToUnixTimeSeconds(), listing.Changed.ToUnixTimeSeconds(), listing.Favorites,
        ];
        object?[] derivedValues =
        [
            Listing.IsCommercialLicense(listing.License) ? 1 : 0,
            derived.Supported.Low, derived.Supported.High, derived.Installable.Low, derived.Installable.High,
            derived.InstallableAny ? 1 : 0, hash,
        ];
        // Counters (installs) are the store's own from the first write on: a re-import must not reset them.
        var id = (int)(existing is null
            ? await ListingStatements.ScalarAsync(known.Statements.Insert, ct,
                [listing.Id ?? await known.NextIdAsync().ConfigureAwait(false), .. common, listing.Installs, .. derivedValues]).ConfigureAwait(false)
            : await ListingStatements.ScalarAsync(known.Statements.Update, ct, [.. common, .. derivedValues]).ConfigureAwait(false));

        if (existing is not null && known.UrlTitles.GetValueOrDefault(existing.UrlTitle) == listing.Key)
            known.UrlTitles.Remove(existing.UrlTitle);
        known.UrlTitles[urlTitle] = listing.Key;
        known.Listings[listing.Key] = new KnownListing(id, urlTitle, hash);

        await ReplaceChildrenAsync(known, id, existing is null, categories, markets, tags, versions, ct).ConfigureAwait(false);
        return new Outcome(id, existing is null ? UpsertKind.Added : UpsertKind.Updated);
    }

    private static async Task ReplaceChildrenAsync(
        KnownListings known, int id, bool isNew, List<int> categories, List<int> markets, List<string> tags,
        List<SolutionVersion> versions, CancellationToken ct)
    {
        var statements = known.Statements;
        if (!isNew)
            await ListingStatements.ExecuteAsync(statements.DeleteChildren, ct, id).ConfigureAwait(false);
        for (var i = 0; i < categories.Count; i++)
            await ListingStatements.ExecuteAsync(statements.InsertCategory, ct, id, categories[i], i).ConfigureAwait(false);
        foreach (var m in markets)
            await ListingStatements.ExecuteAsync(statements.InsertMarket, ct, id, m).ConfigureAwait(false);
        for (var i = 0; i < tags.Count; i++)
        {
            if (!known.Tags.TryGetValue(tags[i], out var tagId))
            {
                tagId = await ListingStatements.ScalarAsync(statements.InsertTag, ct, tags[i]).ConfigureAwait(false);
                known.Tags.Add(tags[i], tagId);
            }
            await ListingStatements.ExecuteAsync(statements.InsertListingTag, ct, id, tagId, i).ConfigureAwait(false);
        }
        for (var i = 0; i < versions.Count; i++)
        {
            var v = versions[i];
            await ListingStatements.ExecuteAsync(statements.InsertVersion, ct,
                id, i, v.Version, v.UpdateSiteUrl, string.Join(',', v.Releases), string.Join(',', v.Platforms),
                v.MinJavaVersion, JsonSerializer.Serialize(v.Features, HashJson)).ConfigureAwait(false);
        }
    }

    private static string ChooseUrlTitle(KnownListings known, ListingSource listing, KnownListing? existing, List<string> warnings)
    {
        string wanted;
        if (!string.IsNullOrWhiteSpace(listing.UrlTitle))
            wanted = UrlTitles.IsWellFormed(listing.UrlTitle) ? listing.UrlTitle : UrlTitles.FromName(listing.UrlTitle);
        else if (existing is { } row)
            return row.UrlTitle; // links to a listing must keep working when its name changes
        else
            wanted = UrlTitles.FromName(listing.Name);

        var candidate = wanted;
        for (var n = 2; ; n++)
        {
            var owner = known.UrlTitles.GetValueOrDefault(candidate);
            if (owner is null || owner == listing.Key)
                break;
            candidate = $"{wanted}-{n}";
        }
        if (candidate != wanted && !string.IsNullOrWhiteSpace(listing.UrlTitle))
            warnings.Add($"listing {listing.Key}: url title '{wanted}' is taken, using '{candidate}'");
        return candidate;
    }

    private static async Task<int> UpsertFeaturedAsync(
        WriteSession session, IReadOnlyList<FeaturedSource> featured, Dictionary<string, int> listingIds,
        Dictionary<string, int> marketIds, Dictionary<string, int> categoryIds, List<string> warnings)
    {
        var changes = 0;
        for (var position = 0; position < featured.Count; position++)
        {
            var entry = featured[position];
            var listingId = listingIds.TryGetValue(entry.Listing, out var known)
                ? known
                : await session.QuerySingleOrDefaultAsync<int?>("SELECT id FROM listings WHERE external_key = @Listing", new { entry.Listing }).ConfigureAwait(false);
            int? marketId = null, categoryId = null;
            if (listingId is null
                || (entry.Market is not null && (marketId = Lookup(marketIds, entry.Market)) is null)
                || (entry.Category is not null && (categoryId = Lookup(categoryIds, entry.Category)) is null))
            {
                warnings.Add($"featured entry {position} ({entry.Listing}): unknown listing, market or category, skipped");
                continue;
            }
            var args = new { listingId, marketId, categoryId, position = entry.Position ?? position, promoted = entry.Promoted ? 1 : 0 };
            var same = await session.ScalarAsync<long>("""
                SELECT COUNT(*) FROM featured WHERE listing_id = @listingId AND market_id IS @marketId
                    AND category_id IS @categoryId AND position = @position AND promoted = @promoted
                """, args).ConfigureAwait(false);
            if (same > 0)
                continue;
            changes++;
            await session.ExecuteAsync("""
                INSERT INTO featured (listing_id, market_id, category_id, position, promoted)
                VALUES (@listingId, @marketId, @categoryId, @position, @promoted)
                ON CONFLICT DO UPDATE SET position = excluded.position, promoted = excluded.promoted
                """, args).ConfigureAwait(false);
        }
        return changes;
    }

    private static void RefuseKnownKeyOnCreate(bool createOnly, HashedRow? existing, string what, string key)
    {
        if (createOnly && existing is not null)
            throw new ContentConflictException("slug", $"A {what} with key '{key}' (made from its slug) was stored meanwhile; nothing was written.");
    }

    /// <summary>
    /// Slugs are unique (the schema says so too, but a constraint failure would abort as an error, not as the
    /// conflict it is). A create-only write (the operator API) is refused when its key (checked first, by
    /// <see cref="RefuseKnownKeyOnCreate"/>) or slug is taken; a changed term of a seed or import beside other content gets the first free <c>slug-2</c>, <c>slug-3</c>, with a warning, as listings'
    /// url titles do. Inside the write transaction, so the check and the write are one step for every other writer.
    /// </summary>
    private static async Task<string> ChooseTermSlugAsync(
        WriteSession session, string table, string what, string key, string slug, bool createOnly, List<string> warnings)
    {
        var wanted = UrlTitles.FromName(slug);
        var candidate = wanted;
        for (var n = 2; ; n++)
        {
            var holder = await session.QuerySingleOrDefaultAsync<string?>(
                $"SELECT external_key FROM {table} WHERE slug = @candidate AND external_key <> @key", new { candidate, key }).ConfigureAwait(false);
            if (holder is null)
                break;
            if (createOnly)
                throw new ContentConflictException("slug", $"A {what} already has slug '{wanted}' ({holder}).");
            candidate = $"{wanted}-{n}";
        }
        if (candidate != wanted)
            warnings.Add($"{what} {key}: slug '{wanted}' is taken, using '{candidate}'");
        return candidate;
    }

    private static async Task<int> UpsertNewsAsync(WriteSession session, IReadOnlyList<NewsSource> news, bool createOnly)
    {
        var changes = 0;
        foreach (var item in news)
        {
            if (createOnly && await session.ScalarAsync<long>("SELECT COUNT(*) FROM news WHERE url = @Url", new { item.Url }).ConfigureAwait(false) > 0)
                throw new ContentConflictException("url", "A news item already has this url.");
            var args = new { item.ShortTitle, Published = item.Published.ToUnixTimeMilliseconds(), item.Url };
            changes += await session.ExecuteAsync("""
                INSERT INTO news (short_title, published, url) VALUES (@ShortTitle, @Published, @Url)
                ON CONFLICT (url) DO UPDATE SET short_title = excluded.short_title, published = excluded.published
                WHERE short_title IS NOT excluded.short_title OR published IS NOT excluded.published
                """, args).ConfigureAwait(false);
        }
        return changes;
    }

    /// <summary>Markets and categories draw their ids from one sequence (see the terms table).</summary>
    private static Task<long> NewTermAsync(WriteSession session, string kind) =>
        session.ScalarAsync<long>("INSERT INTO terms (kind) VALUES (@kind) RETURNING id", new { kind });

    private static int? Lookup(Dictionary<string, int> ids, string key) => ids.TryGetValue(key, out var id) ? id : null;

    private static List<int> Resolve(IReadOnlyList<string> keys, Dictionary<string, int> ids, string subject, string kind, List<string> warnings)
    {
        var resolved = new List<int>(keys.Count);
        foreach (var key in keys)
        {
            if (ids.TryGetValue(key, out var id))
            {
                if (!resolved.Contains(id))
                    resolved.Add(id);
            }
            else
            {
                warnings.Add($"{subject}: unknown {kind} '{key}', reference dropped");
            }
        }
        return resolved;
    }

    private static async Task<Dictionary<string, int>> LoadKeyMapAsync(WriteSession session, string table)
    {
        var rows = await session.QueryAsync<(string Key, long Id)>($"SELECT external_key AS Key, id AS Id FROM {table}").ConfigureAwait(false);
        return rows.ToDictionary(r => r.Key, r => (int)r.Id, StringComparer.Ordinal);
    }

    private static async Task<Dictionary<int, List<int>>> LoadCategoryMarketsAsync(WriteSession session)
    {
        var rows = await session.QueryAsync<(long Category, long Market)>("SELECT category_id, market_id FROM category_markets ORDER BY market_id").ConfigureAwait(false);
        return rows.GroupBy(r => (int)r.Category).ToDictionary(g => g.Key, g => g.Select(r => (int)r.Market).ToList());
    }

    private static string Hash<T>(T value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, HashJson))));

    private enum UpsertKind { Added, Updated, Unchanged }

    private readonly record struct Outcome(int Id, UpsertKind Kind);

    private sealed record HashedRow(long Id, string Hash);

    private sealed record KnownListing(long Id, string UrlTitle, string Hash);

    /// <summary>
    /// What the write needs to know of the stored listings and tags, read once rather than queried per listing;
    /// kept current as the write goes, so a listing written earlier in the same content is seen by later ones.
    /// Url titles and tag names are unique as SQLite's NOCASE sees them, so the maps compare the same way.
    /// </summary>
    private sealed class KnownListings
    {
        public required ListingStatements Statements { get; init; }
        public required Dictionary<string, KnownListing> Listings { get; init; }
        public required Dictionary<string, string> UrlTitles { get; init; }
        public required Dictionary<string, long> Tags { get; init; }
        public required WriteSession Session { get; init; }

        private long nextId;

        /// <summary>
        /// The id of the next new listing: past both listings and packages, since a package's id is reserved for
        /// its listing from the draft on (an import meanwhile must not take it). Read once a write, then counted.
        /// </summary>
        public async Task<long> NextIdAsync()
        {
            if (nextId == 0)
                nextId = await NextListingIdAsync(Session).ConfigureAwait(false);
            return nextId++;
        }

        public static async Task<KnownListings> LoadAsync(WriteSession session, ListingStatements statements)
        {
            var listings = new Dictionary<string, KnownListing>(StringComparer.Ordinal);
            var titles = new Dictionary<string, string>(AsciiIgnoreCase.Instance);
            foreach (var row in await session.QueryAsync<(string Key, long Id, string UrlTitle, string Hash)>(
                         "SELECT external_key, id, url_title, source_hash FROM listings").ConfigureAwait(false))
            {
                listings[row.Key] = new KnownListing(row.Id, row.UrlTitle, row.Hash);
                titles[row.UrlTitle] = row.Key;
            }
            var tags = new Dictionary<string, long>(AsciiIgnoreCase.Instance);
            foreach (var (name, id) in await session.QueryAsync<(string Name, long Id)>("SELECT name, id FROM tags").ConfigureAwait(false))
                tags[name] = id;
            return new KnownListings { Statements = statements, Listings = listings, UrlTitles = titles, Tags = tags, Session = session };
        }
    }
}
