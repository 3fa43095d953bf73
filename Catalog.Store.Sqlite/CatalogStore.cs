using System.Text.Json;
using Catalog.Schema.Compatibility;
using Catalog.Schema.Model;
using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Catalog.Store.Sqlite;

/// <summary>Reads the catalog and records install activity. Every list filters inside its SQL.</summary>
public sealed class CatalogStore(SqliteConnectionFactory connections, TimeProvider clock) : ICatalogStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string ListingColumns = """
        l.id AS Id, l.external_key AS ExternalKey, l.url_title AS UrlTitle, l.name AS Name, l.type AS Type,
        l.owner AS Owner, l.company_name AS CompanyName, l.foundation_member AS FoundationMember,
        l.short_description AS ShortDescription, l.body AS Body, l.license AS License, l.status AS Status,
        l.homepage_url AS HomepageUrl, l.support_url AS SupportUrl, l.image_url AS ImageUrl,
        l.screenshot_url AS ScreenshotUrl, l.created AS Created, l.changed AS Changed, l.favorites AS Favorites,
        l.installs_total AS InstallsTotal
        """;

    /// <summary>Appended to a WHERE clause over <c>listings l</c>; parameters come from <see cref="FilterArgs"/>.</summary>
    private const string FilterSql = """
         AND (@hasRelease = 0 OR (l.release_mask_lo & @bitLo) != 0 OR (l.release_mask_hi & @bitHi) != 0)
         AND (@installableOnly = 0 OR (CASE WHEN @hasRelease = 1
                 THEN ((l.installable_lo & @bitLo) != 0 OR (l.installable_hi & @bitHi) != 0)
                 ELSE l.installable_any = 1 END))
         AND (@hideCommercial = 0 OR l.is_commercial = 0 OR l.foundation_member = 1)
        """;

    public async Task<string> GetStoreIdAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        return await c.ExecuteScalarAsync<string>(Cmd("SELECT id FROM store_identity", null, ct)).ConfigureAwait(false)
               ?? throw new InvalidOperationException("The store records no identity (migration 4 not applied).");
    }

    public async Task<long> GetChangeNumberAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        return await c.ExecuteScalarAsync<long>(Cmd("SELECT IFNULL(MAX(change_number), 0) FROM change_log", null, ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// Listings written after <paramref name="afterChangeNumber"/>, for derived views following the change
    /// log, and the change number they then reflect.
    /// </summary>
    /// <remarks>
    /// One statement reads the entries and the change number is the last entry read: a second statement for
    /// MAX(change_number) would count a commit landing between the two as seen without reading its ids.
    /// </remarks>
    public async Task<ListingChanges> GetListingChangesSinceAsync(long afterChangeNumber, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = (await c.QueryAsync<(long Number, string? Ids)>(Cmd(
            "SELECT change_number, CASE WHEN entity = 'listing' THEN entity_ids END FROM change_log WHERE change_number > @afterChangeNumber ORDER BY change_number",
            new { afterChangeNumber }, ct)).ConfigureAwait(false)).ToList();
        var latest = rows.Count == 0 ? afterChangeNumber : rows[^1].Number;
        var changes = rows.Where(r => r.Ids is not null)
            .Select(r => new ListingChange(r.Number, r.Ids!.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(i => int.Parse(i, System.Globalization.CultureInfo.InvariantCulture)).ToList()))
            .ToList();
        return new ListingChanges(latest, changes);
    }

    /// <summary>Every listing, in id order, a page at a time (for rebuilding derived views).</summary>
    public async IAsyncEnumerable<Listing> StreamAllListingsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        const int PageSize = 500;
        var after = 0L;
        while (true)
        {
            List<int> ids;
            await using (var c = await connections.OpenAsync(ct).ConfigureAwait(false))
            {
                ids = (await c.QueryAsync<long>(Cmd("SELECT id FROM listings WHERE id > @after ORDER BY id LIMIT @PageSize",
                    new { after, PageSize }, ct)).ConfigureAwait(false)).Select(i => (int)i).ToList();
            }
            if (ids.Count == 0)
                yield break;
            foreach (var listing in await GetListingsAsync(ids, ct).ConfigureAwait(false))
                yield return listing;
            after = ids[^1];
        }
    }

    /// <summary>When anything a response may show last changed, install counters included.</summary>
    public async Task<DateTimeOffset> GetLastModifiedAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var ms = await c.ExecuteScalarAsync<long>(Cmd("SELECT last_modified FROM store_state WHERE id = 1", null, ct)).ConfigureAwait(false);
        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }

    public async Task<int> CountListingsAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        return (int)await c.ExecuteScalarAsync<long>(Cmd("SELECT COUNT(*) FROM listings", null, ct)).ConfigureAwait(false);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        return await c.ExecuteScalarAsync<long>(Cmd(
            "SELECT (SELECT COUNT(*) FROM listings) + (SELECT COUNT(*) FROM markets) + (SELECT COUNT(*) FROM catalogs)", null, ct)).ConfigureAwait(false) == 0;
    }

    public async Task<IReadOnlyList<CatalogEntry>> GetCatalogsAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = await c.QueryAsync<CatalogRow>(Cmd("""
            SELECT id AS Id, title AS Title, url AS Url, icon AS Icon, description AS Description,
                   self_contained AS SelfContained, dependencies_repository AS DependenciesRepository,
                   wizard_title AS WizardTitle, wizard_icon AS WizardIcon, tabs_json AS TabsJson,
                   news_short_title AS NewsShortTitle, news_published AS NewsPublished, news_url AS NewsUrl
            FROM catalogs ORDER BY id
            """, null, ct)).ConfigureAwait(false);
        return rows.Select(r => new CatalogEntry
        {
            Id = (int)r.Id, Title = r.Title, Url = r.Url, Icon = r.Icon, Description = r.Description,
            SelfContained = r.SelfContained != 0, DependenciesRepository = r.DependenciesRepository,
            WizardTitle = r.WizardTitle, WizardIcon = r.WizardIcon,
            Tabs = JsonSerializer.Deserialize<List<WizardTab>>(r.TabsJson, Json) ?? [],
            News = r.NewsUrl is null ? null
                : new NewsItem(r.NewsShortTitle ?? "", DateTimeOffset.FromUnixTimeMilliseconds(r.NewsPublished ?? 0), r.NewsUrl),
        }).ToList();
    }

    public async Task<IReadOnlyList<Market>> GetMarketsAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = await c.QueryAsync<(long Id, string Name, string Slug)>(Cmd(
            "SELECT id AS Id, name AS Name, slug AS Slug FROM markets ORDER BY name, id", null, ct)).ConfigureAwait(false);
        return rows.Select(r => new Market((int)r.Id, r.Name, r.Slug)).ToList();
    }

    public async Task<IReadOnlyList<Category>> GetCategoriesAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = await c.QueryAsync<(long Id, string Name, string Slug)>(Cmd(
            "SELECT id AS Id, name AS Name, slug AS Slug FROM categories ORDER BY name, id", null, ct)).ConfigureAwait(false);
        var links = (await c.QueryAsync<(long Category, long Market)>(Cmd(
            "SELECT category_id, market_id FROM category_markets ORDER BY market_id", null, ct)).ConfigureAwait(false))
            .ToLookup(l => (int)l.Category, l => (int)l.Market);
        return rows.Select(r => new Category((int)r.Id, r.Name, r.Slug, links[(int)r.Id].ToList())).ToList();
    }

    /// <summary>Listings per (market, category) pair; a listing counts in a market it belongs to.</summary>
    public async Task<IReadOnlyList<CategoryCount>> CountByMarketAndCategoryAsync(ListingFilter filter, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = await c.QueryAsync<(long Market, long Category, long Count)>(Cmd($"""
            SELECT lm.market_id, lc.category_id, COUNT(*)
            FROM listing_categories lc
            JOIN listing_markets lm ON lm.listing_id = lc.listing_id
            JOIN listings l ON l.id = lc.listing_id
            WHERE 1 = 1 {FilterSql}
            GROUP BY lm.market_id, lc.category_id
            """, FilterArgs(filter), ct)).ConfigureAwait(false);
        return rows.Select(r => new CategoryCount((int)r.Market, (int)r.Category, (int)r.Count)).ToList();
    }

    public async Task<Listing?> GetListingAsync(int id, CancellationToken ct) =>
        (await GetListingsAsync([id], ct).ConfigureAwait(false)).SingleOrDefault();

    public async Task<Listing?> GetListingByUrlTitleAsync(string urlTitle, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var id = await c.ExecuteScalarAsync<long?>(Cmd(
            "SELECT id FROM listings WHERE url_title = @urlTitle", new { urlTitle }, ct)).ConfigureAwait(false);
        return id is null ? null : await GetListingAsync((int)id, ct).ConfigureAwait(false);
    }

    /// <summary>The listings that exist among <paramref name="ids"/>, in the order asked.</summary>
    public async Task<IReadOnlyList<Listing>> GetListingsAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        return await LoadListingsAsync(c, ids, ct).ConfigureAwait(false);
    }

    public async Task<ListingPage> QueryListingsAsync(ListingQuery query, CancellationToken ct)
    {
        var args = FilterArgs(query.Filter);
        args.Add("categoryId", query.CategoryId);
        args.Add("marketId", query.MarketId);
        args.Add("tags", query.AnyTags);
        args.Add("offset", query.Offset);
        args.Add("limit", query.Limit);
        args.Add("fromDay", RecentInstallFromDay());
        // Only the memberships asked for are in the SQL, as IN subqueries: SQLite then starts from the
        // membership index instead of testing every listing (at 100,000 listings, 3 ms instead of 80 ms).
        var where = "WHERE 1 = 1"
            + (query.CategoryId is null ? "" : " AND l.id IN (SELECT listing_id FROM listing_categories WHERE category_id = @categoryId)")
            + (query.MarketId is null ? "" : " AND l.id IN (SELECT listing_id FROM listing_markets WHERE market_id = @marketId)")
            + (query.AnyTags.Count == 0 ? "" : " AND l.id IN (SELECT lt.listing_id FROM listing_tags lt JOIN tags t ON t.id = lt.tag_id WHERE t.name IN @tags)")
            + FilterSql;
        var orderBy = query.Order switch
        {
            ListingOrder.Recent => "l.changed DESC, l.id DESC",
            ListingOrder.Favorites => "l.favorites DESC, l.id",
            ListingOrder.Popular => "IFNULL(r.recent, 0) DESC, l.installs_total DESC, l.id",
            _ => "l.name COLLATE NOCASE, l.id",
        };
        var recentJoin = query.Order == ListingOrder.Popular
            ? "LEFT JOIN (SELECT listing_id, SUM(installs) AS recent FROM install_days WHERE day >= @fromDay GROUP BY listing_id) r ON r.listing_id = l.id"
            : "";

        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var total = await c.ExecuteScalarAsync<long>(Cmd($"SELECT COUNT(*) FROM listings l {where}", args, ct)).ConfigureAwait(false);
        if (total == 0 || query.Limit <= 0 || query.Offset >= total)
            return new ListingPage((int)total, []);
        var ids = (await c.QueryAsync<long>(Cmd(
            $"SELECT l.id FROM listings l {recentJoin} {where} ORDER BY {orderBy} LIMIT @limit OFFSET @offset", args, ct)).ConfigureAwait(false))
            .Select(i => (int)i).ToList();
        return new ListingPage((int)total, await LoadListingsAsync(c, ids, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// Featured listings of a scope (catalog-wide, a market, or a category in a market); up to
    /// <paramref name="maxPromoted"/> promoted entries come first, the rest in the operator's order.
    /// </summary>
    public async Task<ListingPage> GetFeaturedAsync(int? marketId, int? categoryId, ListingFilter filter, int limit, int maxPromoted, CancellationToken ct)
    {
        var args = FilterArgs(filter);
        args.Add("marketId", marketId);
        args.Add("categoryId", categoryId);
        var scope = categoryId is null
            ? "f.category_id IS NULL AND f.market_id IS @marketId"
            : "f.category_id = @categoryId AND (f.market_id IS NULL OR f.market_id IS @marketId)";
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var entries = (await c.QueryAsync<(long ListingId, long Promoted)>(Cmd($"""
            SELECT f.listing_id, MAX(f.promoted) FROM featured f JOIN listings l ON l.id = f.listing_id
            WHERE {scope} {FilterSql}
            GROUP BY f.listing_id ORDER BY MIN(f.position)
            """, args, ct)).ConfigureAwait(false)).ToList();
        var promoted = entries.Where(e => e.Promoted != 0).Take(maxPromoted).ToList();
        var ordered = promoted.Concat(entries.Except(promoted)).Take(limit).Select(e => (int)e.ListingId).ToList();
        return new ListingPage(entries.Count, await LoadListingsAsync(c, ordered, ct).ConfigureAwait(false));
    }

    /// <summary>Listings sharing categories or tags with the given ones, most shared first.</summary>
    public async Task<ListingPage> GetRelatedAsync(IReadOnlyList<int> ids, ListingFilter filter, int limit, CancellationToken ct)
    {
        if (ids.Count == 0)
            return ListingPage.Empty;
        var args = FilterArgs(filter);
        args.Add("ids", ids);
        args.Add("limit", limit);
        const string Related = """
            SELECT s.id AS id, COUNT(*) AS score FROM (
                SELECT lc.listing_id AS id FROM listing_categories lc
                WHERE lc.category_id IN (SELECT category_id FROM listing_categories WHERE listing_id IN @ids)
                UNION ALL
                SELECT lt.listing_id FROM listing_tags lt
                WHERE lt.tag_id IN (SELECT tag_id FROM listing_tags WHERE listing_id IN @ids)
            ) s WHERE s.id NOT IN @ids GROUP BY s.id
            """;
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var total = await c.ExecuteScalarAsync<long>(Cmd(
            $"SELECT COUNT(*) FROM ({Related}) rel JOIN listings l ON l.id = rel.id WHERE 1 = 1 {FilterSql}", args, ct)).ConfigureAwait(false);
        var found = (await c.QueryAsync<long>(Cmd(
            $"SELECT l.id FROM ({Related}) rel JOIN listings l ON l.id = rel.id WHERE 1 = 1 {FilterSql} ORDER BY rel.score DESC, l.favorites DESC, l.id LIMIT @limit",
            args, ct)).ConfigureAwait(false)).Select(i => (int)i).ToList();
        return new ListingPage((int)total, await LoadListingsAsync(c, found, ct).ConfigureAwait(false));
    }

    /// <summary>The license and status values listings use (the search facets <c>sm_field_licensetype</c> and <c>sm_field_status</c>), by name.</summary>
    public async Task<(IReadOnlyList<string> Licenses, IReadOnlyList<string> Statuses)> GetFacetValuesAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var licenses = await c.QueryAsync<string>(Cmd(
            "SELECT DISTINCT license FROM listings WHERE license <> '' ORDER BY license", null, ct)).ConfigureAwait(false);
        var statuses = await c.QueryAsync<string>(Cmd(
            "SELECT DISTINCT status FROM listings WHERE status <> '' ORDER BY status", null, ct)).ConfigureAwait(false);
        return (licenses.ToList(), statuses.ToList());
    }

    /// <summary>Tags by name (case-insensitive), for the free-tagging result's header.</summary>
    public async Task<IReadOnlyList<Tag>> FindTagsAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = await c.QueryAsync<(long Id, string Name)>(Cmd(
            "SELECT id, name FROM tags WHERE name IN @names ORDER BY id", new { names }, ct)).ConfigureAwait(false);
        return rows.Select(r => new Tag((int)r.Id, r.Name)).ToList();
    }

    public async Task<IReadOnlyList<NewsItem>> GetNewsAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string ShortTitle, long Published, string Url)>(Cmd(
            "SELECT short_title, published, url FROM news ORDER BY published DESC, id DESC", null, ct)).ConfigureAwait(false);
        return rows.Select(r => new NewsItem(r.ShortTitle, DateTimeOffset.FromUnixTimeMilliseconds(r.Published), r.Url)).ToList();
    }

    /// <summary>
    /// Counts one successful install. Counters do not touch the change log; they move the store's last
    /// modification by at least a millisecond, so two installs within one still make two <see cref="StoreVersion"/>s.
    /// </summary>
    /// <returns>False when no such listing exists.</returns>
    public async Task<bool> RecordInstallAsync(int listingId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var updated = await c.ExecuteAsync(Cmd(
            "UPDATE listings SET installs_total = installs_total + 1 WHERE id = @listingId", new { listingId }, ct, tx)).ConfigureAwait(false);
        if (updated == 0)
            return false;
        await c.ExecuteAsync(Cmd("""
            INSERT INTO install_days (listing_id, day, installs) VALUES (@listingId, @day, 1)
            ON CONFLICT (listing_id, day) DO UPDATE SET installs = installs + 1;
            UPDATE store_state SET last_modified = MAX(last_modified + 1, @nowMs) WHERE id = 1;
            """, new { listingId, day = DayOf(now), nowMs = now.ToUnixTimeMilliseconds() }, ct, tx)).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }

    public async Task SaveInstallErrorAsync(InstallErrorReport report, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        await c.ExecuteAsync(Cmd("""
            INSERT INTO install_errors (reported_at, client, os, platform_version, status, status_message, node_ids, ius, detailed_message)
            VALUES (@at, @Client, @Os, @PlatformVersion, @Status, @StatusMessage, @nodes, @ius, @DetailedMessage)
            """, new
        {
            at = report.ReportedAt.ToUnixTimeSeconds(), report.Client, report.Os, report.PlatformVersion, report.Status,
            report.StatusMessage, nodes = string.Join(',', report.NodeIds), ius = string.Join('\n', report.InstallableUnits),
            report.DetailedMessage,
        }, ct)).ConfigureAwait(false);
    }

    public async Task<int> CountInstallErrorsAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        return (int)await c.ExecuteScalarAsync<long>(Cmd("SELECT COUNT(*) FROM install_errors", null, ct)).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Listing>> LoadListingsAsync(SqliteConnection c, IReadOnlyList<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var args = new { ids, fromDay = RecentInstallFromDay() };
        var rows = (await c.QueryAsync<ListingRow>(Cmd($"SELECT {ListingColumns} FROM listings l WHERE l.id IN @ids", args, ct)).ConfigureAwait(false))
            .ToDictionary(r => (int)r.Id);
        var categories = (await c.QueryAsync<(long L, long C)>(Cmd(
            "SELECT listing_id, category_id FROM listing_categories WHERE listing_id IN @ids ORDER BY listing_id, position", args, ct)).ConfigureAwait(false))
            .ToLookup(r => (int)r.L, r => (int)r.C);
        var markets = (await c.QueryAsync<(long L, long M)>(Cmd(
            "SELECT listing_id, market_id FROM listing_markets WHERE listing_id IN @ids ORDER BY listing_id, market_id", args, ct)).ConfigureAwait(false))
            .ToLookup(r => (int)r.L, r => (int)r.M);
        var tags = (await c.QueryAsync<(long L, long Id, string Name)>(Cmd(
            "SELECT lt.listing_id, t.id, t.name FROM listing_tags lt JOIN tags t ON t.id = lt.tag_id WHERE lt.listing_id IN @ids ORDER BY lt.listing_id, lt.position", args, ct)).ConfigureAwait(false))
            .ToLookup(r => (int)r.L, r => new Tag((int)r.Id, r.Name));
        var versions = (await c.QueryAsync<VersionRow>(Cmd("""
            SELECT listing_id AS ListingId, version AS Version, update_site_url AS UpdateSiteUrl, releases AS Releases,
                   platforms AS Platforms, min_java_version AS MinJavaVersion, features_json AS FeaturesJson
            FROM solution_versions WHERE listing_id IN @ids ORDER BY listing_id, position
            """, args, ct)).ConfigureAwait(false))
            .ToLookup(r => (int)r.ListingId, ToVersion);
        var recent = (await c.QueryAsync<(long L, long N)>(Cmd(
            "SELECT listing_id, SUM(installs) FROM install_days WHERE listing_id IN @ids AND day >= @fromDay GROUP BY listing_id", args, ct)).ConfigureAwait(false))
            .ToDictionary(r => (int)r.L, r => r.N);

        var result = new List<Listing>(ids.Count);
        foreach (var id in ids)
        {
            if (!rows.TryGetValue(id, out var r))
                continue;
            result.Add(new Listing
            {
                Id = id, ExternalKey = r.ExternalKey, UrlTitle = r.UrlTitle, Name = r.Name, Type = r.Type, Owner = r.Owner,
                CompanyName = r.CompanyName, FoundationMember = r.FoundationMember != 0, ShortDescription = r.ShortDescription,
                Body = r.Body, License = r.License, Status = r.Status, HomepageUrl = r.HomepageUrl, SupportUrl = r.SupportUrl,
                ImageUrl = r.ImageUrl, ScreenshotUrl = r.ScreenshotUrl,
                Created = DateTimeOffset.FromUnixTimeSeconds(r.Created), Changed = DateTimeOffset.FromUnixTimeSeconds(r.Changed),
                Favorites = (int)r.Favorites, InstallsTotal = r.InstallsTotal, InstallsRecent = recent.GetValueOrDefault(id),
                CategoryIds = categories[id].ToList(), MarketIds = markets[id].ToList(), Tags = tags[id].ToList(),
                Versions = versions[id].ToList(),
            });
        }
        return result;
    }

    private static SolutionVersion ToVersion(VersionRow r) => new()
    {
        Version = r.Version,
        UpdateSiteUrl = r.UpdateSiteUrl,
        Releases = SplitList(r.Releases),
        Platforms = SplitList(r.Platforms),
        MinJavaVersion = r.MinJavaVersion,
        Features = JsonSerializer.Deserialize<List<Feature>>(r.FeaturesJson, Json) ?? [],
    };

    private static string[] SplitList(string value) =>
        value.Length == 0 ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static DynamicParameters FilterArgs(ListingFilter filter)
    {
        var args = new DynamicParameters();
        var (lo, hi) = filter.Release is { } release ? ReleaseMask.For(release) : ReleaseMask.Empty;
        args.Add("hasRelease", filter.Release is null ? 0 : 1);
        args.Add("bitLo", lo);
        args.Add("bitHi", hi);
        args.Add("installableOnly", filter.InstallableOnly ? 1 : 0);
        args.Add("hideCommercial", filter.HideCommercialUnlessMember ? 1 : 0);
        return args;
    }

    private long RecentInstallFromDay() => DayOf(clock.GetUtcNow()) - (ICatalogStore.RecentInstallDays - 1);

    private static long DayOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 86_400;

    private static CommandDefinition Cmd(string sql, object? args, CancellationToken ct, System.Data.IDbTransaction? tx = null) =>
        new(sql, args, tx, cancellationToken: ct);

    private sealed record CatalogRow(
        long Id, string Title, string Url, string Icon, string Description, long SelfContained, string DependenciesRepository,
        string WizardTitle, string WizardIcon, string TabsJson, string? NewsShortTitle, long? NewsPublished, string? NewsUrl);

    private sealed record ListingRow(
        long Id, string ExternalKey, string UrlTitle, string Name, string Type, string Owner, string CompanyName,
        long FoundationMember, string ShortDescription, string Body, string License, string Status, string HomepageUrl,
        string SupportUrl, string ImageUrl, string ScreenshotUrl, long Created, long Changed, long Favorites, long InstallsTotal);

    private sealed record VersionRow(
        long ListingId, string Version, string UpdateSiteUrl, string Releases, string Platforms, string MinJavaVersion, string FeaturesJson);
}
