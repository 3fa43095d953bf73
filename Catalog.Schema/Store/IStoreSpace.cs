namespace Catalog.Schema.Store;

/// <summary>
/// Whether the store's storage has run out of room: the provider knows which of its failures mean a full disk,
/// and how to check that a write would fit again, so the server can answer "storage full" instead of an error and
/// report recovery without a restart.
/// </summary>
public interface IStoreSpace
{
    /// <summary>True when <paramref name="failure"/> (or an inner one) means the storage is full.</summary>
    bool IsOutOfSpace(Exception failure);

    /// <summary>True when a write of a few pages would fit where the store writes now.</summary>
    Task<bool> HasRoomAsync(CancellationToken ct);
}
