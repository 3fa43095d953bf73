namespace Catalog.Schema.Store;

/// <summary>
/// Where the store stands: the last change number (content) and when anything shown last changed, install
/// counters included (which move without a change number). Anything derived from the store and cached is
/// valid for exactly one of these.
/// </summary>
public readonly record struct StoreVersion(long ChangeNumber, long LastModifiedMilliseconds)
{
    public DateTimeOffset LastModified => DateTimeOffset.FromUnixTimeMilliseconds(LastModifiedMilliseconds);

    public override string ToString() => $"{ChangeNumber}.{LastModifiedMilliseconds}";
}
