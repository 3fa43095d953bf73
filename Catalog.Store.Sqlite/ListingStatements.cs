using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Microsoft.Data.Sqlite;

namespace Catalog.Store.Sqlite;

/// <summary>
/// The statements a content write runs once per listing, prepared once per write: preparing SQL (and
/// Dapper's per-call parameter setup) cost more than executing it when a 100,000-listing import ran each
/// statement a dozen times per listing.
/// </summary>
internal sealed class ListingStatements : IDisposable
{
    private const string ListingValues = """
        @Key, @UrlTitle, @Name, @Type, @Owner, @CompanyName, @FoundationMember,
        @ShortDescription, @Body, @License, @Status, @HomepageUrl, @SupportUrl, @Image, @Screenshot,
        @Created, @Changed, @Favorites, @Installs, @IsCommercial, @MaskLo, @MaskHi,
        @InstallableLo, @InstallableHi, @InstallableAny, @hash
        """;

    private static readonly string[] ListingParameters =
    [
        "@Key", "@UrlTitle", "@Name", "@Type", "@Owner", "@CompanyName", "@FoundationMember", "@ShortDescription", "@Body",
        "@License", "@Status", "@HomepageUrl", "@SupportUrl", "@Image", "@Screenshot", "@Created", "@Changed", "@Favorites",
        "@Installs", "@IsCommercial", "@MaskLo", "@MaskHi", "@InstallableLo", "@InstallableHi", "@InstallableAny", "@hash",
    ];

    private readonly List<SqliteCommand> all = [];

    public ListingStatements(SqliteConnection connection, SqliteTransaction transaction)
    {
        SqliteCommand Prepare(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            command.Prepare();
            all.Add(command);
            return command;
        }

        Insert = Prepare($"""
            INSERT INTO listings (id, external_key, url_title, name, type, owner, company_name, foundation_member,
                short_description, body, license, status, homepage_url, support_url, image_url, screenshot_url,
                created, changed, favorites, installs_total, is_commercial, release_mask_lo, release_mask_hi,
                installable_lo, installable_hi, installable_any, source_hash)
            VALUES (@NewId, {ListingValues})
            RETURNING id
            """, ["@NewId", .. ListingParameters]);
        // Counters (installs) are the store's own from the first write on: a re-import must not reset them.
        Update = Prepare("""
            UPDATE listings SET url_title = @UrlTitle, name = @Name, type = @Type, owner = @Owner,
                company_name = @CompanyName, foundation_member = @FoundationMember,
                short_description = @ShortDescription, body = @Body, license = @License, status = @Status,
                homepage_url = @HomepageUrl, support_url = @SupportUrl, image_url = @Image,
                screenshot_url = @Screenshot, created = @Created, changed = @Changed, favorites = @Favorites,
                is_commercial = @IsCommercial, release_mask_lo = @MaskLo, release_mask_hi = @MaskHi,
                installable_lo = @InstallableLo, installable_hi = @InstallableHi,
                installable_any = @InstallableAny, source_hash = @hash
            WHERE external_key = @Key
            RETURNING id
            """, [.. ListingParameters.Where(p => p != "@Installs")]);
        DeleteChildren = Prepare("""
            DELETE FROM listing_categories WHERE listing_id = @id;
            DELETE FROM listing_markets WHERE listing_id = @id;
            DELETE FROM listing_tags WHERE listing_id = @id;
            DELETE FROM solution_versions WHERE listing_id = @id;
            """, "@id");
        InsertCategory = Prepare("INSERT INTO listing_categories (listing_id, category_id, position) VALUES (@id, @c, @i)", "@id", "@c", "@i");
        InsertMarket = Prepare("INSERT INTO listing_markets (listing_id, market_id) VALUES (@id, @m)", "@id", "@m");
        InsertTag = Prepare("INSERT INTO tags (name) VALUES (@name) RETURNING id", "@name");
        InsertListingTag = Prepare("INSERT OR IGNORE INTO listing_tags (listing_id, tag_id, position) VALUES (@id, @tagId, @i)", "@id", "@tagId", "@i");
        InsertVersion = Prepare("""
            INSERT INTO solution_versions (listing_id, position, version, update_site_url, releases, platforms, min_java_version, features_json)
            VALUES (@id, @i, @Version, @UpdateSiteUrl, @Releases, @Platforms, @MinJavaVersion, @Features)
            """, "@id", "@i", "@Version", "@UpdateSiteUrl", "@Releases", "@Platforms", "@MinJavaVersion", "@Features");
    }

    public SqliteCommand Insert { get; }
    public SqliteCommand Update { get; }
    public SqliteCommand DeleteChildren { get; }
    public SqliteCommand InsertCategory { get; }
    public SqliteCommand InsertMarket { get; }
    public SqliteCommand InsertTag { get; }
    public SqliteCommand InsertListingTag { get; }
    public SqliteCommand InsertVersion { get; }

    /// <summary>Runs <paramref name="command"/> with the values in parameter order.</summary>
    public static async Task<long> ScalarAsync(SqliteCommand command, CancellationToken ct, params object?[] values)
    {
        Bind(command, values);
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <inheritdoc cref="ScalarAsync"/>
    public static Task<int> ExecuteAsync(SqliteCommand command, CancellationToken ct, params object?[] values)
    {
        Bind(command, values);
        return command.ExecuteNonQueryAsync(ct);
    }

    public void Dispose()
    {
        foreach (var command in all)
            command.Dispose();
    }

    private static void Bind(SqliteCommand command, object?[] values)
    {
        if (values.Length != command.Parameters.Count)
            throw new ArgumentException($"{command.Parameters.Count} values expected, {values.Length} given.", nameof(values));
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
