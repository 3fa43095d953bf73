namespace Catalog.Schema.Store;

/// <summary>
/// The listing entries of the change log after a change number, read at one moment: <see cref="Latest"/> is
/// the change number a view that applies every entry then reflects, so every change up to it is in
/// <see cref="Changes"/> (changes to anything but listings have no entry here).
/// </summary>
public sealed record ListingChanges(long Latest, IReadOnlyList<ListingChange> Changes)
{
    /// <summary>Every listing named, each once, in the order first named.</summary>
    public IReadOnlyList<int> ListingIds => Changes.SelectMany(c => c.ListingIds).Distinct().ToList();
}
