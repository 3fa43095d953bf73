using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Catalog.Store.Sqlite;
using Dapper;

namespace Catalog.Store.Sqlite.Publishing;

/// <summary>App keys and the session tokens issued for them; both kept only as hashes.</summary>
public sealed class AppKeyStore(SqliteConnectionFactory connections) : IAppKeyStore
{
    private const string Columns = """
        app_id AS AppId, publisher_id AS PublisherId, is_operator AS IsOperator, secret_salt AS SecretSalt,
        secret_hash AS SecretHash, iterations AS Iterations, created_at AS CreatedAt, revoked_at AS RevokedAt
        """;

    /// <summary>
    /// Stores the key unless its publisher already has <paramref name="maxPerPublisher"/> unrevoked keys; one
    /// statement, so two concurrent requests cannot both slip under the limit.
    /// </summary>
    public async Task<bool> TryAddAsync(AppKey key, int maxPerPublisher, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO app_keys (app_id, publisher_id, is_operator, secret_salt, secret_hash, iterations, created_at)
            SELECT @AppId, @PublisherId, @IsOperator, @SecretSalt, @SecretHash, @Iterations, @CreatedAt
            WHERE @IsOperator = 1
               OR (SELECT COUNT(*) FROM app_keys WHERE publisher_id = @PublisherId AND revoked_at IS NULL) < @maxPerPublisher
            """, new
        {
            key.AppId, key.PublisherId, IsOperator = key.IsOperator ? 1 : 0, key.SecretSalt, key.SecretHash, key.Iterations,
            CreatedAt = StoreTime.ToText(key.CreatedAt), maxPerPublisher,
        }, cancellationToken: ct)).ConfigureAwait(false);
        return inserted == 1;
    }

    public async Task<AppKey?> GetAsync(string appId, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var row = await c.QuerySingleOrDefaultAsync<AppKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM app_keys WHERE app_id = @appId", new { appId }, cancellationToken: ct)).ConfigureAwait(false);
        return row?.ToModel();
    }

    /// <summary>Every key (of one publisher when given), revoked ones included, oldest first.</summary>
    public async Task<IReadOnlyList<AppKey>> ListAsync(int? publisherId, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = await c.QueryAsync<AppKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM app_keys WHERE @publisherId IS NULL OR publisher_id = @publisherId ORDER BY created_at, app_id",
            new { publisherId }, cancellationToken: ct)).ConfigureAwait(false);
        return rows.Select(r => r.ToModel()).ToList();
    }

    /// <summary>Revokes the key and ends its live tokens in one transaction; false when unknown or already revoked.</summary>
    public async Task<bool> RevokeAsync(string appId, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var revoked = await c.ExecuteAsync(new CommandDefinition(
            "UPDATE app_keys SET revoked_at = @at WHERE app_id = @appId AND revoked_at IS NULL",
            new { appId, at = StoreTime.ToText(at) }, tx, cancellationToken: ct)).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM session_tokens WHERE app_id = @appId", new { appId }, tx, cancellationToken: ct)).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return revoked == 1;
    }

    /// <summary>Stores a new token's hash and drops the key's expired ones.</summary>
    public async Task AddSessionAsync(string appId, byte[] tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition("""
            DELETE FROM session_tokens WHERE app_id = @appId AND expires_at <= @created;
            INSERT INTO session_tokens (token_hash, app_id, created_at, expires_at) VALUES (@tokenHash, @appId, @created, @expires);
            """, new { appId, tokenHash, created = StoreTime.ToText(createdAt), expires = StoreTime.ToText(expiresAt) },
            cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>Who the token speaks for, when it is known, unexpired at <paramref name="now"/> and its key unrevoked.</summary>
    public async Task<SessionPrincipal?> FindSessionAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct).ConfigureAwait(false);
        var row = await c.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition("""
            SELECT k.app_id AS AppId, k.publisher_id AS PublisherId, k.is_operator AS IsOperator, t.expires_at AS ExpiresAt
            FROM session_tokens t JOIN app_keys k ON k.app_id = t.app_id
            WHERE t.token_hash = @tokenHash AND t.expires_at > @now AND k.revoked_at IS NULL
            """, new { tokenHash, now = StoreTime.ToText(now) }, cancellationToken: ct)).ConfigureAwait(false);
        return row is null ? null : new SessionPrincipal(row.AppId, (int?)row.PublisherId, row.IsOperator != 0, StoreTime.Parse(row.ExpiresAt));
    }

    private sealed record SessionRow(string AppId, long? PublisherId, long IsOperator, string ExpiresAt);

    private sealed record AppKeyRow(
        string AppId, long? PublisherId, long IsOperator, byte[] SecretSalt, byte[] SecretHash, long Iterations, string CreatedAt, string? RevokedAt)
    {
        public AppKey ToModel() => new()
        {
            AppId = AppId, PublisherId = (int?)PublisherId, IsOperator = IsOperator != 0, SecretSalt = SecretSalt, SecretHash = SecretHash,
            Iterations = (int)Iterations, CreatedAt = StoreTime.Parse(CreatedAt),
            RevokedAt = RevokedAt is null ? null : StoreTime.Parse(RevokedAt),
        };
    }
}
