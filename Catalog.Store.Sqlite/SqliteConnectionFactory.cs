using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Catalog.Store.Sqlite;

/// <summary>Opens one connection per operation; pooling makes that cheap.</summary>
public sealed class SqliteConnectionFactory
{
    private readonly string _connectionString;
    private readonly int _busyTimeout;

    public SqliteConnectionFactory(IOptions<StoreOptions> options)
    {
        var path = Path.GetFullPath(options.Value.DatabasePath);
        Directory.CreateDirectory(options.Value.DatabaseFolder);
        DatabasePath = path;
        _busyTimeout = options.Value.BusyTimeoutMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = Math.Max(1, _busyTimeout / 1000),
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>For callers that must stay synchronous (a lock held around a few microseconds of SQLite).</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeout}; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeout}; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return connection;
    }
}
