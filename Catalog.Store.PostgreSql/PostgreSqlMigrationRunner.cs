using Catalog.Schema.Store;
using Dapper;
using Npgsql;

namespace Catalog.Store.PostgreSql;

/// <summary>
/// Applies the numbered scripts in <c>Migrations</c> that the database has not seen, each in its own
/// transaction, under a session-level advisory lock: replicas starting at once on an empty database wait
/// for the first, then find nothing left to do. A database carrying a migration this build does not know
/// is refused (<see cref="StoreSchemaTooNewException"/>).
/// </summary>
public sealed class PostgreSqlMigrationRunner(PostgreSqlConnectionFactory connections, TimeProvider clock) : IStoreMigrator
{
    private static readonly MigrationScripts Scripts = new(typeof(PostgreSqlMigrationRunner).Assembly, "Catalog.Store.PostgreSql.Migrations.");

    public IReadOnlyList<int> Known => Scripts.Known;

    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_lock(@key)", new { key = AdvisoryLocks.Migrations }, cancellationToken: ct)).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS schema_migrations (number integer PRIMARY KEY, applied_at bigint NOT NULL)",
                cancellationToken: ct)).ConfigureAwait(false);
            var applied = (await connection.QueryAsync<int>(new CommandDefinition(
                "SELECT number FROM schema_migrations", cancellationToken: ct)).ConfigureAwait(false)).ToHashSet();
            Scripts.RefuseNewer(applied);

            var newlyApplied = new List<int>();
            foreach (var (number, name) in Scripts.Available)
            {
                if (applied.Contains(number))
                    continue;
                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(Scripts.Read(name), transaction: transaction, cancellationToken: ct)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (number, applied_at) VALUES (@number, @now)",
                    new { number, now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
                    transaction: transaction, cancellationToken: ct)).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                newlyApplied.Add(number);
            }
            return newlyApplied;
        }
        finally
        {
            // Also released when the connection closes; unlocking keeps the pooled connection clean.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLocks.Migrations }, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<int>> GetPendingAsync(CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct).ConfigureAwait(false);
        var hasTable = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('schema_migrations') IS NOT NULL", cancellationToken: ct)).ConfigureAwait(false);
        var applied = !hasTable ? [] : (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT number FROM schema_migrations", cancellationToken: ct)).ConfigureAwait(false)).ToHashSet();
        return Known.Where(n => !applied.Contains(n)).ToList();
    }
}
