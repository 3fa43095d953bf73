using Catalog.Schema.Compatibility;
using Catalog.Schema.Model;

namespace Catalog.Schema.Store;

/// <summary>
/// Columns derived from a listing's versions so that lists filter by compatibility and installability
/// inside the query; masks are stored as the two halves of a <see cref="ReleaseMask"/>.
/// </summary>
public readonly record struct ListingRowValues(ReleaseMask Supported, ReleaseMask Installable, bool InstallableAny)
{
    /// <summary>
    /// <see cref="CompatibilityResolver.Choose"/> without an os, for every release of the table: each version's
    /// release strings are resolved once into a mask rather than once per release (an import of 100,000
    /// listings spent a third of its time re-parsing them).
    /// </summary>
    public static ListingRowValues Compute(IReadOnlyList<SolutionVersion> versions, ReleaseTable releases)
    {
        var masks = new ReleaseMask[versions.Count];
        var installableVersion = new bool[versions.Count];
        var supported = ReleaseMask.Empty;
        for (var i = 0; i < versions.Count; i++)
        {
            masks[i] = ReleaseMask.Of(versions[i].Releases, releases);
            installableVersion[i] = versions[i].IsInstallable;
            supported = supported.Union(masks[i]);
        }

        var installable = ReleaseMask.Empty;
        foreach (var release in releases.All)
        {
            var chosen = CompatibilityResolver.NewestOf(Enumerable.Range(0, versions.Count).Where(i => masks[i].Contains(release)), masks);
            if (chosen >= 0 && installableVersion[chosen])
                installable = installable.Union(ReleaseMask.For(release));
        }
        var unfiltered = CompatibilityResolver.NewestOf(Enumerable.Range(0, versions.Count), masks);
        return new ListingRowValues(supported, installable, unfiltered >= 0 && installableVersion[unfiltered]);
    }
}
