namespace Catalog.Schema.Publishing;

/// <summary>Publisher-API keys (only salted hashes of their secrets) and the session tokens made from them.</summary>
public interface IAppKeyStore
{
    /// <summary>Adds the key unless its publisher already has <paramref name="maxPerPublisher"/> live keys.</summary>
    Task<bool> TryAddAsync(AppKey key, int maxPerPublisher, CancellationToken ct);

    Task<AppKey?> GetAsync(string appId, CancellationToken ct);

    /// <summary>Every key (of one publisher when given), revoked ones included, oldest first.</summary>
    Task<IReadOnlyList<AppKey>> ListAsync(int? publisherId, CancellationToken ct);

    /// <summary>Revokes the key and ends its live tokens in one transaction; false when unknown or already revoked.</summary>
    Task<bool> RevokeAsync(string appId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Stores a new token's hash and drops the key's expired ones.</summary>
    Task AddSessionAsync(string appId, byte[] tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>Who the token speaks for, when it is known, unexpired at <paramref name="now"/> and its key unrevoked.</summary>
    Task<SessionPrincipal?> FindSessionAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken ct);
}
