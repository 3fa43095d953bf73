using Catalog.Schema.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Store.PostgreSql;

/// <summary>
/// One Npgsql data source (its pool) for the process; a connection per operation, as with SQLite. Npgsql reads
/// the standard libpq environment (<c>PGPASSWORD</c>, <c>PGPASSFILE</c>) for what the connection string leaves out.
/// </summary>
public sealed class PostgreSqlConnectionFactory : IDisposable, IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;

    public PostgreSqlConnectionFactory(IOptions<StoreOptions> options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        // A lock wait beyond the writer's budget fails the write rather than hanging the request.
        if (builder.CommandTimeout == new NpgsqlConnectionStringBuilder().CommandTimeout)
            builder.CommandTimeout = Math.Max(30, options.Value.BusyTimeoutMilliseconds / 1000);
        ConnectionString = builder.ConnectionString;
        dataSource = NpgsqlDataSource.Create(builder);
    }

    public string ConnectionString { get; }

    /// <summary>The database name, for messages (never the password).</summary>
    public string Database => new NpgsqlConnectionStringBuilder(ConnectionString).Database ?? "";

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct) =>
        await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);

    /// <summary>For callers that must stay synchronous (<see cref="IStoreVersionSource.Current"/>).</summary>
    public NpgsqlConnection Open() => dataSource.OpenConnection();

    public void Dispose() => dataSource.Dispose();

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
