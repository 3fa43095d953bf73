using Catalog.Schema.Compatibility;
using Catalog.Schema.Model;

namespace Catalog.Schema.Store;

/// <summary>
/// Columns derived from a listing's versions so that lists filter by compatibility and installability
/// inside the query (bit i = release table index i; bits 0..62 in the low column, 63.. in the high one,
/// so both stay non-negative 64-bit integers).
/// </summary>
internal readonly record struct ListingRowValues(long MaskLo, long MaskHi, long InstallableLo, long InstallableHi, bool InstallableAny)
{
    public const int BitsPerColumn = 63;

    public static ListingRowValues Compute(IReadOnlyList<SolutionVersion> versions, ReleaseTable releases)
    {
        long maskLo = 0, maskHi = 0, instLo = 0, instHi = 0;
        foreach (var version in versions)
        {
            foreach (var release in version.Releases)
            {
                if (releases.FindByVersion(release) is { } known)
                    SetBit(known.Index, ref maskLo, ref maskHi);
            }
        }
        foreach (var release in releases.All)
        {
            var choice = CompatibilityResolver.Choose(versions, release, null, releases);
            if (choice.Index >= 0 && versions[choice.Index].IsInstallable)
                SetBit(release.Index, ref instLo, ref instHi);
        }
        var unfiltered = CompatibilityResolver.Choose(versions, null, null, releases);
        var installableAny = unfiltered.Index >= 0 && versions[unfiltered.Index].IsInstallable;
        return new ListingRowValues(maskLo, maskHi, instLo, instHi, installableAny);
    }

    /// <summary>The (lo, hi) pair with only the given release's bit set.</summary>
    public static (long Lo, long Hi) BitOf(int releaseIndex)
    {
        long lo = 0, hi = 0;
        SetBit(releaseIndex, ref lo, ref hi);
        return (lo, hi);
    }

    private static void SetBit(int index, ref long lo, ref long hi)
    {
        if (index < BitsPerColumn)
            lo |= 1L << index;
        else if (index < 2 * BitsPerColumn)
            hi |= 1L << (index - BitsPerColumn);
        else
            throw new InvalidOperationException($"Release index {index} does not fit the release mask columns.");
    }
}
