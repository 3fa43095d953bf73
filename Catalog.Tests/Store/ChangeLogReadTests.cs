using Catalog.Schema.Content;
using Catalog.Schema.Store;
using Catalog.Tests.Operations;
using Catalog.Tests.Support;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Catalog.Tests.Store;

/// <summary>The change log as the index follows it: what a read calls seen has its listings in the answer.</summary>
public sealed class ChangeLogReadTests
{
    [Test]
    public async Task CommitLandingDuringTheReadIsEitherWhollyInTheAnswerOrNotAtAll()
    {
        await using var app = await CatalogApplication.StartAsync(OperationsScenario.NoPolling);
        var store = app.Get<CatalogStore>();
        var writer = app.Get<ICatalogContentWriter>();
        var before = await store.GetChangeNumberAsync(CancellationToken.None);
        var written = new Dictionary<long, string>();
        var injected = 0;

        // Another writer commits as each statement of the read begins (SQLite traces a statement before it
        // takes its read snapshot), so a read made of two autocommit statements sees a commit between them.
        await using (var traced = await TraceNextPooledConnectionAsync(app, sql =>
        {
            if (!sql.Contains("change_log", StringComparison.Ordinal) || injected >= 2)
                return;
            var key = $"race-{++injected}";
            var result = writer.WriteAsync(new CatalogContent { Listings = [Listing(key)] }, CancellationToken.None).GetAwaiter().GetResult();
            written[result.ChangeNumber] = key;
        }))
        {
        }

        var changes = await store.GetListingChangesSinceAsync(before, CancellationToken.None);
        var (latest, ids) = (changes.Latest, changes.ListingIds);

        Assert.That(injected, Is.GreaterThan(0), "the read ran on the traced connection, so a commit landed during it");
        foreach (var (changeNumber, key) in written.Where(w => w.Key <= latest))
        {
            var listing = await store.GetListingByUrlTitleAsync(key, CancellationToken.None);
            Assert.That(ids, Does.Contain(listing!.Id), $"change {changeNumber} counts as seen (latest {latest}) but its listing was not read");
        }
    }

    /// <summary>
    /// Installs a statement trace on a fresh connection and hands it back to the pool, empty before, so the
    /// store's next connection is this one.
    /// </summary>
    private static async Task<SqliteConnection> TraceNextPooledConnectionAsync(CatalogApplication app, Action<string> onStatement)
    {
        SqliteConnection.ClearAllPools();
        var connection = await app.Get<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        raw.sqlite3_trace(connection.Handle!, (_, sql) => onStatement(sql.utf8_to_string()), null);
        return connection;
    }

    private static ListingSource Listing(string key)
    {
        var when = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new ListingSource { Key = key, Name = key, UrlTitle = key, Created = when, Changed = when };
    }
}
