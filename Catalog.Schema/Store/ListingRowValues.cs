using Catalog.Schema.Compatibility;
using Catalog.Schema.Model;

namespace Catalog.Schema.Store;

/// <summary>
/// Columns derived from a listing's versions so that lists filter by compatibility and installability
/// inside the query; masks are stored as the two halves of a <see cref="ReleaseMask"/>.
/// </summary>
internal readonly record struct ListingRowValues(ReleaseMask Supported, ReleaseMask Installable, bool InstallableAny)
{
    public static ListingRowValues Compute(IReadOnlyList<SolutionVersion> versions, ReleaseTable releases)
    {
        var installable = ReleaseMask.Empty;
        foreach (var release in releases.All)
        {
            var choice = CompatibilityResolver.Choose(versions, release, null, releases);
            if (choice.Index >= 0 && versions[choice.Index].IsInstallable)
                installable = installable.Union(ReleaseMask.For(release));
        }
        var unfiltered = CompatibilityResolver.Choose(versions, null, null, releases);
        var installableAny = unfiltered.Index >= 0 && versions[unfiltered.Index].IsInstallable;
        return new ListingRowValues(CompatibilityResolver.MaskOf(versions, releases), installable, installableAny);
    }
}
