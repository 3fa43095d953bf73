using Catalog.Store.PostgreSql;
using Microsoft.Extensions.Options;

namespace Catalog.Tests.Support;

/// <summary>
/// The store provider a parameterised suite runs against: one suite, run once per provider through
/// <c>[TestFixtureSource(typeof(StoreUnderTest), nameof(StoreUnderTest.Providers))]</c>. Each store it makes is
/// new and empty: a SQLite file in a temporary folder, or a database of its own on the run's PostgreSQL cluster.
/// </summary>
public sealed class StoreUnderTest(string provider)
{
    public static IEnumerable<TestFixtureData> Providers { get; } =
        StoreProviders.All.Select(p => new TestFixtureData(p).SetArgDisplayNames(p));

    public string Provider { get; } = provider;

    public bool IsPostgreSql => Provider == StoreProviders.PostgreSql;

    /// <summary>The settings that point a host at a new, empty store of this provider (SQLite needs none: the host's folder has it).</summary>
    public async Task<Dictionary<string, string?>> SettingsAsync()
    {
        var settings = new Dictionary<string, string?> { ["Catalog:Store:Provider"] = Provider };
        if (IsPostgreSql)
            settings["Catalog:Store:ConnectionString"] = await (await PostgreSqlServer.GetAsync()).CreateDatabaseAsync();
        return settings;
    }

    /// <summary>The real server over a new store of this provider; <paramref name="settings"/> win over the store's.</summary>
    public async Task<CatalogApplication> StartAsync(
        bool seed = true, IDictionary<string, string?>? settings = null, string? folder = null,
        Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        var all = await SettingsAsync();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return await CatalogApplication.StartAsync(all, seed, folder, configure);
    }

    /// <summary>Options for a new, empty store, for tests that build a provider's parts by hand.</summary>
    public async Task<StoreOptions> NewStoreOptionsAsync()
    {
        var options = new StoreOptions { Provider = Provider };
        if (IsPostgreSql)
            options.ConnectionString = await (await PostgreSqlServer.GetAsync()).CreateDatabaseAsync();
        else
            options.DatabasePath = Path.Combine(Directory.CreateTempSubdirectory("catalog-store-").FullName, "catalog.db");
        return options;
    }

    /// <summary>This provider's migration runner over the store <paramref name="options"/> name, and what to dispose after.</summary>
    public (IStoreMigrator Migrator, IDisposable Connections) NewMigrator(StoreOptions options)
    {
        if (IsPostgreSql)
        {
            var connections = new PostgreSqlConnectionFactory(Options.Create(options));
            return (new PostgreSqlMigrationRunner(connections, TimeProvider.System), connections);
        }
        return (new MigrationRunner(new SqliteConnectionFactory(Options.Create(options)), TimeProvider.System), new ClearSqlitePools());
    }

    public override string ToString() => Provider;

    private sealed class ClearSqlitePools : IDisposable
    {
        public void Dispose() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
