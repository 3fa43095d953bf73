namespace Catalog.Schema.Store;

/// <summary>
/// Where the store stands now, cheaply enough to ask on every request: answers cached for one
/// <see cref="StoreVersion"/> are valid exactly while it is current, whichever process wrote.
/// </summary>
public interface IStoreVersionSource
{
    StoreVersion Current();
}
