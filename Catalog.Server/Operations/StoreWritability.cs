using Catalog.Schema.Store;

namespace Catalog.Server.Operations;

/// <summary>
/// Whether the store can take writes, as the last write that ran out of space left it: a full disk is logged at
/// Error once when it starts (not once per refused request) and at Information when room is back; readiness asks
/// <see cref="CheckAsync"/>, which looks for room again while the store is full, so recovery needs no restart.
/// </summary>
public sealed class StoreWritability(IStoreSpace space, ILogger<StoreWritability> logger)
{
    private int _full;

    public bool IsFull => Volatile.Read(ref _full) == 1;

    /// <summary>True when <paramref name="failure"/> is the storage being full; then it is recorded (and logged once).</summary>
    public bool Observe(Exception failure)
    {
        if (!space.IsOutOfSpace(failure))
            return false;
        if (Interlocked.Exchange(ref _full, 1) == 0)
            logger.LogError(failure, "The store's storage is full: writes are refused with 507 until space is freed; reads go on");
        return true;
    }

    /// <summary>Writable now? While full, checks for room and clears the state when a write would fit again.</summary>
    public async Task<bool> CheckAsync(CancellationToken ct)
    {
        if (!IsFull)
            return true;
        if (!await space.HasRoomAsync(ct))
            return false;
        if (Interlocked.Exchange(ref _full, 0) == 1)
            logger.LogInformation("The store's storage has room again: writes are accepted");
        return true;
    }

    public const string Message =
        "The catalog's storage is full, so this request could not be completed; nothing acknowledged before was lost. Retry once space is freed.";
}
