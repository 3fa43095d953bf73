using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Catalog.Store.Sqlite;

/// <summary>A connection, its open transaction and the caller's token, so write steps read as plain SQL calls.</summary>
internal sealed class WriteSession(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
{
    public SqliteConnection Connection => connection;
    public SqliteTransaction Transaction => transaction;
    public CancellationToken Cancellation => ct;

    public Task<int> ExecuteAsync(string sql, object? args = null) =>
        connection.ExecuteAsync(Command(sql, args));

    public Task<T> ScalarAsync<T>(string sql, object? args = null) =>
        connection.ExecuteScalarAsync<T>(Command(sql, args))!;

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? args = null) =>
        connection.QuerySingleOrDefaultAsync<T>(Command(sql, args));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args = null) =>
        connection.QueryAsync<T>(Command(sql, args));

    private CommandDefinition Command(string sql, object? args) =>
        new(sql, args, transaction, cancellationToken: ct);
}
