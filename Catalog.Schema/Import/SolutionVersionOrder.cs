using Catalog.Schema.Content;

namespace Catalog.Schema.Import;

/// <summary>
/// The order of a listing's versions. The export keeps versions in a separate collection with no order, yet the
/// protocol picks the last version that supports the newest matching release, so the order decides which
/// version a client gets. Ascending by newest supported release, then by version string, then by the version's
/// own id puts the version reaching the newest release last, and stays the same on every read.
/// </summary>
internal static class SolutionVersionOrder
{
    private static readonly VersionStringComparer VersionStrings = new();

    public static IReadOnlyList<VersionSource> Apply(IEnumerable<LinkedVersion> versions) =>
        [.. versions
            .OrderBy(version => version.Newest.HasValue)
            .ThenBy(version => version.Newest ?? default)
            .ThenBy(version => version.Source.Version, VersionStrings)
            .ThenBy(version => version.Id, StringComparer.Ordinal)
            .Select(version => version.Source)];
}
