using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Dapper;

namespace Catalog.Store.Sqlite;

/// <summary>
/// Applies the numbered scripts in <c>Store/Migrations</c> that the database has not seen, each in its own
/// transaction, and switches the file to WAL so readers never wait for the writer. A file carrying a migration
/// this build does not know is refused (<see cref="StoreSchemaTooNewException"/>).
/// </summary>
public sealed class MigrationRunner(SqliteConnectionFactory connections, TimeProvider clock) : IStoreMigrator
{
    private static readonly MigrationScripts Scripts = new(typeof(MigrationRunner).Assembly, "Catalog.Store.Sqlite.Migrations.");

    public IReadOnlyList<int> Known => Scripts.Known;

    /// <returns>The numbers of the migrations applied now.</returns>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: ct)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL);",
            cancellationToken: ct)).ConfigureAwait(false);

        var applied = (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT number FROM schema_migrations", cancellationToken: ct)).ConfigureAwait(false)).ToHashSet();
        Scripts.RefuseNewer(applied);
        var newlyApplied = new List<int>();
        foreach (var (number, name) in Scripts.Available)
        {
            if (applied.Contains(number))
                continue;
            var sql = Scripts.Read(name);
            // BEGIN IMMEDIATE takes the write lock; another process that started with this one may have applied
            // the migration while this one waited for it, so it is checked again under the lock.
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM schema_migrations WHERE number = @number", new { number },
                    transaction: transaction, cancellationToken: ct)).ConfigureAwait(false) > 0)
                continue;
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: ct)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (number, applied_at) VALUES (@number, @now)",
                new { number, now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
                transaction: transaction, cancellationToken: ct)).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            newlyApplied.Add(number);
        }
        return newlyApplied;
    }

    /// <summary>The numbers of the migrations this build has and the database has not applied; changes nothing.</summary>
    public async Task<IReadOnlyList<int>> GetPendingAsync(CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct).ConfigureAwait(false);
        var hasTable = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", cancellationToken: ct)).ConfigureAwait(false);
        var applied = hasTable == 0 ? [] : (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT number FROM schema_migrations", cancellationToken: ct)).ConfigureAwait(false)).ToHashSet();
        return Known.Where(n => !applied.Contains(n)).ToList();
    }
}
