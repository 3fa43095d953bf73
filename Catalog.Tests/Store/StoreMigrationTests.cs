using Catalog.Tests.Support;

namespace Catalog.Tests.Store;

[TestFixtureSource(typeof(StoreUnderTest), nameof(StoreUnderTest.Providers))]
public sealed class StoreMigrationTests(string provider)
{
    private readonly StoreUnderTest store = new(provider);

    [Test]
    public async Task MigratesAnEmptyStoreOnceAndThenHasNothingPending()
    {
        var (migrator, connections) = store.NewMigrator(await store.NewStoreOptionsAsync());
        using var _ = connections;

        var first = await migrator.MigrateAsync(CancellationToken.None);
        var second = await migrator.MigrateAsync(CancellationToken.None);

        Assert.That(first, Is.EqualTo(migrator.Known));
        Assert.That(second, Is.Empty);
        Assert.That(await migrator.GetPendingAsync(CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task ReportsEveryMigrationPendingOnAnEmptyStoreWithoutApplyingAny()
    {
        var (migrator, connections) = store.NewMigrator(await store.NewStoreOptionsAsync());
        using var _ = connections;

        Assert.That(await migrator.GetPendingAsync(CancellationToken.None), Is.EqualTo(migrator.Known));
        Assert.That(await migrator.GetPendingAsync(CancellationToken.None), Is.EqualTo(migrator.Known));
    }

    [Test]
    public async Task RefusesASchemaNewerThanItKnows()
    {
        var options = await store.NewStoreOptionsAsync();
        var (migrator, connections) = store.NewMigrator(options);
        using var _ = connections;
        await migrator.MigrateAsync(CancellationToken.None);
        var newer = migrator.Known[^1] + 1;
        await MarkAppliedAsync(options, newer);

        var refused = await Assert.ThrowsAsync<StoreSchemaTooNewException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.That(refused!.Unknown, Is.EqualTo(new[] { newer }));
        Assert.That(refused.Message, Does.Contain($"migration {newer}").And.Contain($"up to {migrator.Known[^1]}"));
    }

    [Test]
    public async Task RunnersStartingTogetherOnAnEmptyStoreMigrateItOnce()
    {
        var options = await store.NewStoreOptionsAsync();
        var runners = Enumerable.Range(0, 4).Select(_ => store.NewMigrator(options)).ToList();
        try
        {
            var results = await Task.WhenAll(runners.Select(r => Task.Run(() => r.Migrator.MigrateAsync(CancellationToken.None))));

            Assert.That(results.Count(r => r.Count > 0), Is.EqualTo(1), "one runner applies the migrations");
            Assert.That(results.Single(r => r.Count > 0), Is.EqualTo(runners[0].Migrator.Known));
        }
        finally
        {
            foreach (var (_, connections) in runners)
                connections.Dispose();
        }
    }

    /// <summary>What a newer build's migration leaves behind: its number in schema_migrations.</summary>
    private async Task MarkAppliedAsync(StoreOptions options, int number)
    {
        System.Data.Common.DbConnection connection = store.IsPostgreSql
            ? new Npgsql.NpgsqlConnection(options.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={options.DatabasePath}");
        await using (connection)
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO schema_migrations (number, applied_at) VALUES ({number}, 0)";
            await insert.ExecuteNonQueryAsync();
        }
    }
}
