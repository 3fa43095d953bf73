namespace Catalog.Schema.Store;

/// <summary>
/// The database carries migrations this build does not know: a newer build migrated it. Serving it could
/// misread or corrupt what the newer schema means, so the process stops instead.
/// </summary>
public sealed class StoreSchemaTooNewException(IReadOnlyList<int> unknown, int newestKnown)
    : InvalidOperationException(
        $"The store's schema is newer than this build: it has migration{(unknown.Count == 1 ? "" : "s")} " +
        $"{string.Join(", ", unknown)} applied, and this build knows migrations up to {newestKnown}. " +
        "Run a build at least as new as the one that migrated it.")
{
    public IReadOnlyList<int> Unknown { get; } = unknown;
    public int NewestKnown { get; } = newestKnown;
}
