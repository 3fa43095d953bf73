using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Catalog.Store.Sqlite;
using Dapper;

namespace Catalog.Store.Sqlite.Publishing;

/// <summary>
/// Usage figures from the counters the protocol keeps: <c>listings.installs_total</c> and <c>favorites</c>,
/// <c>install_days</c> (filled by install-success reports) for the recent installs, and <c>install_errors</c>
/// (whose <c>node_ids</c> name the listings a failed install involved). "Recent" is the last
/// <see cref="ICatalogStore.RecentInstallDays"/> days by the injected clock, today included.
/// </summary>
public sealed class ReportStore(SqliteConnectionFactory connections, TimeProvider clock) : IReportStore
{
    /// <summary>(error id, listing id) for every listing an error report names; node_ids is "1,2,3".</summary>
    private const string ErrorListings = """
        install_errors e, json_each(CASE WHEN json_valid('[' || e.node_ids || ']') THEN '[' || e.node_ids || ']' ELSE '[]' END) j
        """;

    /// <summary>The live listing's name, else (a package that is not live) the name of its working copy.</summary>
    private const string NameColumn = "COALESCE(l.name, p.name)";

    public async Task<CatalogMetrics> GetMetricsAsync(CancellationToken ct)
    {
        var (fromDay, fromSecond) = Window();
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var row = await c.QuerySingleAsync<MetricsRow>(new CommandDefinition($"""
            SELECT
                (SELECT COUNT(*) FROM listings) AS ListingsLive,
                (SELECT COUNT(*) FROM packages) AS PackagesTotal,
                (SELECT COUNT(*) FROM packages WHERE live = 1 AND removed = 0) AS PackagesLive,
                (SELECT COUNT(*) FROM packages WHERE live = 0 AND removed = 0) AS PackagesUnpublished,
                (SELECT COUNT(*) FROM packages WHERE removed = 1) AS PackagesRemoved,
                (SELECT COUNT(*) FROM packages WHERE pending_state = 'draft') AS PendingDraft,
                (SELECT COUNT(*) FROM packages WHERE pending_state = 'submitted') AS PendingSubmitted,
                (SELECT COUNT(*) FROM packages WHERE pending_state = 'rejected') AS PendingRejected,
                (SELECT COUNT(*) FROM publishers) AS Publishers,
                (SELECT COALESCE(SUM(installs_total), 0) FROM listings) AS InstallsTotal,
                (SELECT COALESCE(SUM(installs), 0) FROM install_days WHERE day >= @fromDay) AS InstallsRecent,
                (SELECT COALESCE(SUM(favorites), 0) FROM listings) AS Favorites,
                (SELECT COUNT(*) FROM install_errors) AS InstallErrors,
                (SELECT COUNT(*) FROM install_errors WHERE reported_at >= @fromSecond) AS InstallErrorsRecent,
                (SELECT COUNT(*) FROM files) AS Files,
                (SELECT COALESCE(SUM(size), 0) FROM (SELECT DISTINCT sha256, size FROM files)) AS FileBytes
            """, new { fromDay, fromSecond }, cancellationToken: ct)).ConfigureAwait(false);
        return new CatalogMetrics
        {
            ListingsLive = row.ListingsLive,
            Packages = new PackageCounts(row.PackagesTotal, row.PackagesLive, row.PackagesUnpublished, row.PackagesRemoved,
                row.PendingDraft, row.PendingSubmitted, row.PendingRejected),
            Publishers = row.Publishers,
            InstallsTotal = row.InstallsTotal,
            InstallsRecent = row.InstallsRecent,
            Favorites = row.Favorites,
            InstallErrors = row.InstallErrors,
            InstallErrorsRecent = row.InstallErrorsRecent,
            Files = row.Files,
            FileBytes = row.FileBytes,
        };
    }

    /// <summary>Whether a listing or package has this id, and which publisher owns it (none: the operator's, as seeded listings are).</summary>
    public async Task<(bool Exists, int? PublisherId)> FindListingOwnerAsync(int listingId, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var row = await c.QuerySingleAsync<(long Exists, long? PublisherId)>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM listings WHERE id = @listingId) OR EXISTS (SELECT 1 FROM packages WHERE id = @listingId),
                   (SELECT publisher_id FROM packages WHERE id = @listingId)
            """, new { listingId }, cancellationToken: ct)).ConfigureAwait(false);
        return (row.Exists != 0, (int?)row.PublisherId);
    }

    /// <summary>The usage of one listing, or null when no listing or package has this id.</summary>
    public async Task<ListingUsage?> GetListingUsageAsync(int listingId, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = await QueryUsageAsync(c, "SELECT @listingId", new { listingId }, ct).ConfigureAwait(false);
        return rows.SingleOrDefault();
    }

    /// <summary>Installs per UTC day of the recent days; days without installs are left out.</summary>
    public async Task<IReadOnlyList<InstallDay>> GetRecentInstallDaysAsync(int listingId, CancellationToken ct)
    {
        var (fromDay, _) = Window();
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = await c.QueryAsync<(long Day, long Installs)>(new CommandDefinition(
            "SELECT day, installs FROM install_days WHERE listing_id = @listingId AND day >= @fromDay ORDER BY day",
            new { listingId, fromDay }, cancellationToken: ct)).ConfigureAwait(false);
        return rows.Select(r => new InstallDay(DateOnly.FromDayNumber(EpochDayNumber + (int)r.Day), r.Installs)).ToList();
    }

    /// <summary>A publisher's totals over the packages it owns, with one row per package (by id).</summary>
    public async Task<PublisherUsage> GetPublisherUsageAsync(int publisherId, CancellationToken ct)
    {
        var (_, fromSecond) = Window();
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = await QueryUsageAsync(c, "SELECT id FROM packages WHERE publisher_id = @publisherId", new { publisherId }, ct).ConfigureAwait(false);
        var errors = await c.QuerySingleAsync<(long Total, long Recent)>(new CommandDefinition($"""
            SELECT COUNT(DISTINCT e.id), COUNT(DISTINCT CASE WHEN e.reported_at >= @fromSecond THEN e.id END)
            FROM {ErrorListings}
            WHERE CAST(j.value AS INTEGER) IN (SELECT id FROM packages WHERE publisher_id = @publisherId)
            """, new { publisherId, fromSecond }, cancellationToken: ct)).ConfigureAwait(false);
        return new PublisherUsage
        {
            PublisherId = publisherId,
            InstallsTotal = rows.Sum(r => r.InstallsTotal),
            InstallsRecent = rows.Sum(r => r.InstallsRecent),
            Favorites = rows.Sum(r => r.Favorites),
            InstallErrors = errors.Total,
            InstallErrorsRecent = errors.Recent,
            Listings = rows,
        };
    }

    /// <summary>
    /// Usage rows of the listings and packages whose ids <paramref name="targets"/> selects. A package that is not
    /// live shows the counters kept for it while unpublished, and the installs by day it had while live.
    /// </summary>
    private async Task<IReadOnlyList<ListingUsage>> QueryUsageAsync(Microsoft.Data.Sqlite.SqliteConnection c, string targets, object args, CancellationToken ct)
    {
        var (fromDay, fromSecond) = Window();
        var parameters = new DynamicParameters(args);
        parameters.AddDynamicParams(new { fromDay, fromSecond });
        var rows = await c.QueryAsync<UsageRow>(new CommandDefinition($"""
            WITH targets(id) AS ({targets}),
            errors AS (
                SELECT CAST(j.value AS INTEGER) AS listing_id, COUNT(DISTINCT e.id) AS total,
                       COUNT(DISTINCT CASE WHEN e.reported_at >= @fromSecond THEN e.id END) AS recent
                FROM {ErrorListings}
                WHERE CAST(j.value AS INTEGER) IN (SELECT id FROM targets)
                GROUP BY 1)
            SELECT t.id AS ListingId, p.publisher_id AS PublisherId, {NameColumn} AS Name, l.id IS NOT NULL AS Live,
                   COALESCE(l.installs_total, p.retained_installs, 0) AS InstallsTotal,
                   (SELECT COALESCE(SUM(d.installs), 0) FROM install_days d WHERE d.listing_id = t.id AND d.day >= @fromDay) AS InstallsRecent,
                   COALESCE(l.favorites, p.retained_favorites, 0) AS Favorites,
                   COALESCE(er.total, 0) AS InstallErrors, COALESCE(er.recent, 0) AS InstallErrorsRecent
            FROM targets t
            LEFT JOIN listings l ON l.id = t.id
            LEFT JOIN packages p ON p.id = t.id
            LEFT JOIN errors er ON er.listing_id = t.id
            WHERE l.id IS NOT NULL OR p.id IS NOT NULL
            ORDER BY t.id
            """, parameters, cancellationToken: ct)).ConfigureAwait(false);
        return rows.Select(r => new ListingUsage
        {
            ListingId = (int)r.ListingId, PublisherId = (int?)r.PublisherId, Name = r.Name, Live = r.Live != 0,
            InstallsTotal = r.InstallsTotal, InstallsRecent = r.InstallsRecent, Favorites = r.Favorites,
            InstallErrors = r.InstallErrors, InstallErrorsRecent = r.InstallErrorsRecent,
        }).ToList();
    }

    /// <summary>The first day (days since the epoch) and second (epoch seconds) of the recent window.</summary>
    private (long FromDay, long FromSecond) Window()
    {
        var today = clock.GetUtcNow().ToUnixTimeSeconds() / 86_400;
        var fromDay = today - (ICatalogStore.RecentInstallDays - 1);
        return (fromDay, fromDay * 86_400);
    }

    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private sealed record MetricsRow(
        long ListingsLive, long PackagesTotal, long PackagesLive, long PackagesUnpublished, long PackagesRemoved,
        long PendingDraft, long PendingSubmitted, long PendingRejected, long Publishers, long InstallsTotal, long InstallsRecent,
        long Favorites, long InstallErrors, long InstallErrorsRecent, long Files, long FileBytes);

    private sealed record UsageRow(
        long ListingId, long? PublisherId, string Name, long Live, long InstallsTotal, long InstallsRecent, long Favorites,
        long InstallErrors, long InstallErrorsRecent);
}
