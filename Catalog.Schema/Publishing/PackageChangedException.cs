namespace Catalog.Schema.Publishing;

/// <summary>
/// The package changed between the moment a request read it and the moment it wrote: the write was not made.
/// Two operators approving at once, or a publisher's edit racing an approval, must not both land.
/// </summary>
public sealed class PackageChangedException(int packageId)
    : Exception($"Package {packageId} changed while this request was handled; nothing was written. Read it again and retry.")
{
    public int PackageId { get; } = packageId;
}
