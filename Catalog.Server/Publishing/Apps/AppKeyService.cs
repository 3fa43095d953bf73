using Catalog.Schema.Publishing;
using Catalog.Server.Publishing.Auth;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Publishing.Apps;

/// <summary>Creates, verifies and revokes app keys and issues session tokens; shared by the API and the command line.</summary>
public sealed class AppKeyService(IAppKeyStore keys, IPublisherStore publishers, TimeProvider clock, IOptions<PublishingOptions> options)
{
    public const int MaxKeysPerPublisher = 3;

    /// <summary>A publisher key when <paramref name="publisherId"/> is given, else an operator key. The secret is in the result only.</summary>
    public async Task<CreatedAppKey> CreateAsync(int? publisherId, CancellationToken ct)
    {
        if (publisherId is { } id && await publishers.GetAsync(id, ct) is null)
            throw ApiException.Invalid("publisher_id", $"No publisher {id}.");
        var secret = AppSecretHasher.NewSecret();
        var (salt, hash) = AppSecretHasher.Hash(secret);
        var key = new AppKey
        {
            AppId = AppSecretHasher.NewAppId(), PublisherId = publisherId, IsOperator = publisherId is null,
            SecretSalt = salt, SecretHash = hash, Iterations = AppSecretHasher.Iterations, CreatedAt = clock.GetUtcNow(),
        };
        if (!await keys.TryAddAsync(key, MaxKeysPerPublisher, ct))
            throw ApiException.Conflict($"Publisher {publisherId} already has {MaxKeysPerPublisher} keys; revoke one first.", "publisher_id");
        return new CreatedAppKey(key.AppId, secret, key.PublisherId, key.IsOperator, key.CreatedAt);
    }

    public Task<bool> RevokeAsync(string appId, CancellationToken ct) => keys.RevokeAsync(appId, clock.GetUtcNow(), ct);

    /// <summary>The key when the id and secret match an unrevoked key; null otherwise, after the same work either way.</summary>
    public async Task<AppKey?> VerifyAsync(string appId, string secret, CancellationToken ct)
    {
        var key = await keys.GetAsync(appId, ct);
        if (key is null || key.RevokedAt is not null)
        {
            AppSecretHasher.VerifyDecoy(secret);
            return null;
        }
        return AppSecretHasher.Verify(secret, key.SecretSalt, key.SecretHash, key.Iterations) ? key : null;
    }

    /// <summary>A new bearer token for the key; the lifetime asked for is capped by configuration.</summary>
    public async Task<IssuedToken> IssueTokenAsync(AppKey key, int? requestedSeconds, CancellationToken ct)
    {
        var settings = options.Value;
        var seconds = Math.Min(requestedSeconds ?? settings.DefaultTokenLifetimeSeconds, settings.MaxTokenLifetimeSeconds);
        var token = SessionTokens.NewToken();
        var now = clock.GetUtcNow();
        await keys.AddSessionAsync(key.AppId, SessionTokens.Hash(token), now, now.AddSeconds(seconds), ct);
        return new IssuedToken(key.PublisherId, token, seconds);
    }
}

public sealed record CreatedAppKey(string AppId, string Secret, int? PublisherId, bool IsOperator, DateTimeOffset CreatedAt);

public sealed record IssuedToken(int? PublisherId, string Ust, int ExpiresIn);
