using System.Text.Json;
using Catalog.Schema.Content;
using Catalog.Schema.Model;
using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Catalog.Store.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Catalog.Store.Sqlite.Publishing;

/// <summary>
/// Packages, their pending revisions and history. Publishing and taking down write the listing through
/// <see cref="CatalogContentWriter"/> inside the same transaction as the package's own rows, so a package and
/// its listing never disagree.
/// </summary>
public sealed class PackageStore(SqliteConnectionFactory connections, CatalogContentWriter writer, CatalogStore catalog, TimeProvider clock) : IPackageStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns = """
        id AS Id, external_key AS ExternalKey, publisher_id AS PublisherId, live AS Live, removed AS Removed,
        live_json AS LiveJson, pending_state AS PendingState, pending_json AS PendingJson, pending_message AS PendingMessage,
        created_at AS CreatedAt, changed_at AS ChangedAt
        """;

    /// <summary>The package, or a listing the API has not managed yet as an unadopted record; null when neither exists.</summary>
    public async Task<PackageRecord?> GetAsync(int id, CancellationToken ct)
    {
        await using (var c = await connections.OpenAsync(ct).ConfigureAwait(false))
        {
            var row = await c.QuerySingleOrDefaultAsync<PackageRow>(new CommandDefinition(
                $"SELECT {Columns} FROM packages WHERE id = @id", new { id }, cancellationToken: ct)).ConfigureAwait(false);
            if (row is not null)
                return row.ToModel();
        }
        var listing = await catalog.GetListingAsync(id, ct).ConfigureAwait(false);
        return listing is null ? null : Unadopted(listing);
    }

    /// <summary>
    /// A page of packages: a publisher's own, or (publisher null) every package and every listing without one.
    /// </summary>
    public async Task<(int Total, IReadOnlyList<PackageRecord> Page)> ListAsync(
        int? publisherId, IReadOnlyList<PackageSort> sort, int offset, int limit, CancellationToken ct)
    {
        // Listings carry epoch seconds; rendered as the packages' time text so both sort together.
        const string All = """
            SELECT p.id, p.name, p.created_at AS created, p.changed_at AS changed, p.publisher_id FROM packages p
            UNION ALL
            SELECT l.id, l.name, strftime('%Y-%m-%dT%H:%M:%S.000Z', l.created, 'unixepoch'),
                   strftime('%Y-%m-%dT%H:%M:%S.000Z', l.changed, 'unixepoch'), NULL
            FROM listings l WHERE NOT EXISTS (SELECT 1 FROM packages p WHERE p.id = l.id)
            """;
        const string Own = "SELECT p.id, p.name, p.created_at AS created, p.changed_at AS changed, p.publisher_id FROM packages p WHERE p.publisher_id = @publisherId";
        var order = string.Join(", ", sort.Select(s => s.Field switch
        {
            "name" => "name COLLATE NOCASE",
            "created" => "created",
            "changed" => "changed",
            _ => "id",
        } + (s.Descending ? " DESC" : "")).Append("id"));
        var source = publisherId is null ? All : Own;
        List<int> ids;
        long total;
        await using (var c = await connections.OpenAsync(ct).ConfigureAwait(false))
        {
            total = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COUNT(*) FROM ({source})", new { publisherId }, cancellationToken: ct)).ConfigureAwait(false);
            ids = (await c.QueryAsync<long>(new CommandDefinition(
                $"SELECT id FROM ({source}) ORDER BY {order} LIMIT @limit OFFSET @offset",
                new { publisherId, limit, offset }, cancellationToken: ct)).ConfigureAwait(false)).Select(i => (int)i).ToList();
        }
        var page = new List<PackageRecord>(ids.Count);
        foreach (var id in ids)
        {
            if (await GetAsync(id, ct).ConfigureAwait(false) is { } record)
                page.Add(record);
        }
        return ((int)total, page);
    }

    /// <summary>Packages with a revision in <paramref name="state"/> (the operator's approval queue), oldest change first.</summary>
    public async Task<IReadOnlyList<PackageRecord>> ListPendingAsync(string state, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = await c.QueryAsync<PackageRow>(new CommandDefinition(
            $"SELECT {Columns} FROM packages WHERE pending_state = @state ORDER BY changed_at, id", new { state }, cancellationToken: ct)).ConfigureAwait(false);
        return rows.Select(r => r.ToModel()).ToList();
    }

    public async Task<IReadOnlyList<PackageHistoryEntry>> GetHistoryAsync(int id, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string Action, string State, string Actor, string At, string Message)>(new CommandDefinition(
            "SELECT action, status, actor, at, message FROM package_history WHERE package_id = @id ORDER BY id", new { id }, cancellationToken: ct)).ConfigureAwait(false);
        return rows.Select(r => new PackageHistoryEntry(r.Action, r.State, r.Actor, StoreTime.Parse(r.At), r.Message)).ToList();
    }

    /// <summary>
    /// A new package with a pending revision in <paramref name="state"/> (draft, or submitted when the create
    /// also submits); its id is reserved in the listings' id space for the listing it will become.
    /// </summary>
    public async Task<PackageRecord> CreateAsync(
        int? publisherId, PackageContent content, string state, IReadOnlyList<HistoryStep> steps, string actor, CancellationToken ct)
    {
        var now = StoreTime.ToText(clock.GetUtcNow());
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var session = new WriteSession(c, tx, ct);
        var id = await CatalogContentWriter.NextListingIdAsync(session).ConfigureAwait(false);
        await session.ExecuteAsync("""
            INSERT INTO packages (id, external_key, publisher_id, name, pending_state, pending_json, created_at, changed_at)
            VALUES (@id, @key, @publisherId, @Name, @state, @json, @now, @now)
            """, new { id, key = $"package-{id}", publisherId, content.Name, state, json = Serialize(content), now }).ConfigureAwait(false);
        await AddHistoryAsync(session, (int)id, steps, actor, now).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return (await GetAsync((int)id, ct).ConfigureAwait(false))!;
    }

    /// <summary>Saves the pending revision in <paramref name="state"/> and records the steps that led there.</summary>
    public async Task<PackageRecord> SavePendingAsync(
        PackageRecord package, string state, PackageContent content, string message, IReadOnlyList<HistoryStep> steps, string actor,
        CancellationToken ct)
    {
        var now = StoreTime.ToText(clock.GetUtcNow());
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var session = new WriteSession(c, tx, ct);
        await AdoptAsync(session, package).ConfigureAwait(false);
        await session.ExecuteAsync("""
            UPDATE packages SET pending_state = @state, pending_json = @json, pending_message = @message, name = @Name,
                changed_at = @now
            WHERE id = @Id
            """, new { state, json = Serialize(content), message, content.Name, now, package.Id }).ConfigureAwait(false);
        await AddHistoryAsync(session, package.Id, steps, actor, now).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return (await GetAsync(package.Id, ct).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Writes <paramref name="content"/> as the live listing (through the one write path), makes it the approved
    /// content and drops the pending revision.
    /// </summary>
    /// <returns>The store's change number after the write.</returns>
    public async Task<long> PublishAsync(PackageRecord package, PackageContent content, IReadOnlyList<HistoryStep> steps, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var session = new WriteSession(c, tx, ct);
        await AdoptAsync(session, package).ConfigureAwait(false);
        var source = await ToListingSourceAsync(session, package, content, now).ConfigureAwait(false);
        await writer.WriteAsync(session, new CatalogContent { Listings = [source] }).ConfigureAwait(false);
        await session.ExecuteAsync("""
            UPDATE packages SET live = 1, live_json = @json, pending_state = NULL, pending_json = NULL, pending_message = '',
                name = @Name, changed_at = @now
            WHERE id = @Id
            """, new { json = Serialize(content), content.Name, now = StoreTime.ToText(now), package.Id }).ConfigureAwait(false);
        await AddHistoryAsync(session, package.Id, steps, actor, StoreTime.ToText(now)).ConfigureAwait(false);
        var changeNumber = await session.ScalarAsync<long>("SELECT IFNULL(MAX(change_number), 0) FROM change_log").ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return changeNumber;
    }

    /// <summary>
    /// Deletes the live listing (unpublish; or remove, which also drops the pending revision and ends the package),
    /// keeping its install and favorite counts for a later republication.
    /// </summary>
    public async Task<long> TakeDownAsync(PackageRecord package, bool remove, string actor, string message, CancellationToken ct)
    {
        var now = StoreTime.ToText(clock.GetUtcNow());
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var session = new WriteSession(c, tx, ct);
        await AdoptAsync(session, package).ConfigureAwait(false);
        await session.ExecuteAsync("""
            UPDATE packages SET
                retained_installs = IFNULL((SELECT installs_total FROM listings WHERE id = @Id), retained_installs),
                retained_favorites = IFNULL((SELECT favorites FROM listings WHERE id = @Id), retained_favorites)
            WHERE id = @Id
            """, new { package.Id }).ConfigureAwait(false);
        var changeNumber = await writer.RemoveListingsAsync(session, [package.Id]).ConfigureAwait(false);
        await session.ExecuteAsync(remove
            ? "UPDATE packages SET live = 0, removed = 1, pending_state = NULL, pending_json = NULL, pending_message = '', changed_at = @now WHERE id = @Id"
            : "UPDATE packages SET live = 0, changed_at = @now WHERE id = @Id", new { now, package.Id }).ConfigureAwait(false);
        var after = (await GetRowAsync(session, package.Id).ConfigureAwait(false))!.ToModel();
        await AddHistoryAsync(session, package.Id, [new HistoryStep(remove ? "removed" : "unpublished", after.State, message)], actor, now).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return changeNumber;
    }

    /// <summary>
    /// Saves a publisher's profile and rewrites its live listings with it (owner, company, foundation membership),
    /// in one transaction.
    /// </summary>
    /// <returns>The store's change number after the write.</returns>
    public async Task<long> SaveProfileAsync(Publisher publisher, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var session = new WriteSession(c, tx, ct);
        await session.ExecuteAsync("""
            UPDATE publishers SET display_name = @DisplayName, company_name = @CompanyName, email = @Email,
                homepage_url = @HomepageUrl, foundation_member = @FoundationMember, changed_at = @now
            WHERE id = @Id
            """, new
        {
            publisher.Id, publisher.DisplayName, publisher.CompanyName, publisher.Email, publisher.HomepageUrl,
            FoundationMember = publisher.FoundationMember ? 1 : 0, now = StoreTime.ToText(now),
        }).ConfigureAwait(false);
        var live = (await session.QueryAsync<PackageRow>($"SELECT {Columns} FROM packages WHERE publisher_id = @Id AND live = 1 ORDER BY id",
            new { publisher.Id }).ConfigureAwait(false)).Select(r => r.ToModel()).ToList();
        var sources = new List<ListingSource>();
        foreach (var package in live.Where(p => p.LiveContent is not null))
        {
            var changed = await session.QuerySingleOrDefaultAsync<long?>("SELECT changed FROM listings WHERE id = @Id", new { package.Id }).ConfigureAwait(false);
            // The listing's content did not change, so neither does its changed time.
            var at = changed is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : now;
            sources.Add(await ToListingSourceAsync(session, package, package.LiveContent!, at).ConfigureAwait(false));
        }
        if (sources.Count > 0)
            await writer.WriteAsync(session, new CatalogContent { Listings = sources }).ConfigureAwait(false);
        var changeNumber = await session.ScalarAsync<long>("SELECT IFNULL(MAX(change_number), 0) FROM change_log").ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return changeNumber;
    }

    /// <summary>
    /// Inside a write transaction (SQLite's BEGIN IMMEDIATE serialises writers): makes sure the package is still
    /// as the request read it, then gives a seeded or imported listing its packages row, its current content as
    /// the approved one.
    /// </summary>
    /// <exception cref="PackageChangedException">Another write came first.</exception>
    private static async Task AdoptAsync(WriteSession session, PackageRecord package)
    {
        if (package.Adopted)
        {
            var current = await session.QueryAsync<StateRow>(
                "SELECT changed_at AS ChangedAt, pending_state AS PendingState, live AS Live, removed AS Removed FROM packages WHERE id = @Id",
                new { package.Id }).ConfigureAwait(false);
            var row = current.SingleOrDefault();
            if (row is null || row.ChangedAt != StoreTime.ToText(package.ChangedAt) || row.PendingState != package.PendingState
                || (row.Live != 0) != package.Live || (row.Removed != 0) != package.Removed)
                throw new PackageChangedException(package.Id);
            return;
        }
        var inserted = await session.ExecuteAsync("""
            INSERT INTO packages (id, external_key, publisher_id, name, live, live_json, created_at, changed_at)
            VALUES (@Id, @ExternalKey, NULL, @Name, 1, @json, @created, @changed)
            ON CONFLICT (id) DO NOTHING
            """, new
        {
            package.Id, package.ExternalKey, package.LiveContent!.Name, json = Serialize(package.LiveContent),
            created = StoreTime.ToText(package.CreatedAt), changed = StoreTime.ToText(package.ChangedAt),
        }).ConfigureAwait(false);
        if (inserted == 0)
            throw new PackageChangedException(package.Id);
    }

    private static async Task<ListingSource> ToListingSourceAsync(WriteSession session, PackageRecord package, PackageContent content, DateTimeOffset changed)
    {
        var publisher = package.PublisherId is { } publisherId
            ? (await session.QuerySingleOrDefaultAsync<PublisherStore.PublisherRow>(
                $"SELECT {PublisherStore.Columns} FROM publishers WHERE id = @publisherId", new { publisherId }).ConfigureAwait(false))?.ToModel()
            : null;
        var categoryKeys = await KeysAsync(session, "categories", content.Categories).ConfigureAwait(false);
        var marketKeys = await KeysAsync(session, "markets", content.Markets).ConfigureAwait(false);
        // The live listing's counters, or those kept when it was unpublished.
        var counters = await session.QuerySingleOrDefaultAsync<CounterRow>(
            "SELECT favorites AS Favorites, installs_total AS Installs FROM listings WHERE id = @Id", new { package.Id }).ConfigureAwait(false)
            ?? await session.QuerySingleOrDefaultAsync<CounterRow>(
                "SELECT retained_favorites AS Favorites, retained_installs AS Installs FROM packages WHERE id = @Id", new { package.Id }).ConfigureAwait(false)
            ?? new CounterRow(0, 0);
        return new ListingSource
        {
            Key = package.ExternalKey,
            Id = package.Id,
            Name = content.Name,
            Type = content.Type,
            Owner = publisher?.DisplayName ?? content.Owner,
            CompanyName = publisher?.CompanyName ?? content.CompanyName,
            FoundationMember = publisher?.FoundationMember ?? content.FoundationMember,
            ShortDescription = content.ShortDescription,
            Body = content.Body,
            License = content.License,
            Status = content.Status,
            HomepageUrl = content.HomepageUrl,
            SupportUrl = content.SupportUrl,
            Image = content.LogoFileId is { } logo ? FilePaths.Of(logo) : content.ImageUrl,
            Screenshot = content.ScreenshotFileId is { } shot ? FilePaths.Of(shot) : content.ScreenshotUrl,
            Tags = content.Tags,
            Categories = content.Categories.Where(categoryKeys.ContainsKey).Select(id => categoryKeys[id]).ToList(),
            Markets = content.Markets.Where(marketKeys.ContainsKey).Select(id => marketKeys[id]).ToList(),
            Created = package.CreatedAt,
            Changed = changed,
            Favorites = (int)counters.Favorites,
            Installs = counters.Installs,
            Versions = content.Versions.Select(v => new VersionSource
            {
                Version = v.Version, UpdateSite = v.UpdateSiteUrl, Releases = v.Releases, Platforms = v.Platforms, MinJava = v.MinJavaVersion,
                Features = v.Features.Select(f => new FeatureSource(f.Id, f.Required, f.Selected)).ToList(),
            }).ToList(),
        };
    }

    private static async Task<Dictionary<int, string>> KeysAsync(WriteSession session, string table, IReadOnlyList<int> ids)
    {
        if (ids.Count == 0)
            return [];
        var rows = await session.QueryAsync<(long Id, string Key)>($"SELECT id, external_key FROM {table} WHERE id IN @ids", new { ids }).ConfigureAwait(false);
        return rows.ToDictionary(r => (int)r.Id, r => r.Key);
    }

    private static Task<PackageRow?> GetRowAsync(WriteSession session, int id) =>
        session.QuerySingleOrDefaultAsync<PackageRow>($"SELECT {Columns} FROM packages WHERE id = @id", new { id });

    private static async Task AddHistoryAsync(WriteSession session, int packageId, IReadOnlyList<HistoryStep> steps, string actor, string at)
    {
        foreach (var step in steps)
        {
            await session.ExecuteAsync("""
                INSERT INTO package_history (package_id, action, status, actor, at, message)
                VALUES (@packageId, @Action, @State, @actor, @at, @Message)
                """, new { packageId, step.Action, step.State, actor = step.Actor ?? actor, at, step.Message }).ConfigureAwait(false);
        }
    }

    private static PackageRecord Unadopted(Listing listing) => new()
    {
        Id = listing.Id, ExternalKey = listing.ExternalKey, Live = true, LiveContent = PackageContent.FromListing(listing),
        CreatedAt = listing.Created, ChangedAt = listing.Changed, Adopted = false,
    };

    private static string Serialize(PackageContent content) => JsonSerializer.Serialize(content, Json);

    private static PackageContent? Deserialize(string? json) => json is null ? null : JsonSerializer.Deserialize<PackageContent>(json, Json);

    private sealed record CounterRow(long Favorites, long Installs);

    private sealed record StateRow(string ChangedAt, string? PendingState, long Live, long Removed);

    private sealed record PackageRow(
        long Id, string ExternalKey, long? PublisherId, long Live, long Removed, string? LiveJson, string? PendingState,
        string? PendingJson, string PendingMessage, string CreatedAt, string ChangedAt)
    {
        public PackageRecord ToModel() => new()
        {
            Id = (int)Id, ExternalKey = ExternalKey, PublisherId = (int?)PublisherId, Live = Live != 0, Removed = Removed != 0,
            LiveContent = Deserialize(LiveJson), PendingState = PendingState, PendingContent = Deserialize(PendingJson),
            PendingMessage = PendingMessage, CreatedAt = StoreTime.Parse(CreatedAt), ChangedAt = StoreTime.Parse(ChangedAt),
        };
    }
}
