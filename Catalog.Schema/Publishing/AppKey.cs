namespace Catalog.Schema.Publishing;

/// <summary>An app key as stored: the secret only as a salted slow hash. Operator keys have no publisher.</summary>
public sealed record AppKey
{
    public required string AppId { get; init; }
    public int? PublisherId { get; init; }
    public bool IsOperator { get; init; }
    public required byte[] SecretSalt { get; init; }
    public required byte[] SecretHash { get; init; }
    public required int Iterations { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>Who a live bearer token speaks for.</summary>
public sealed record SessionPrincipal(string AppId, int? PublisherId, bool IsOperator, DateTimeOffset ExpiresAt);
