using Catalog.Schema.Model;

namespace Catalog.Schema.Compatibility;

/// <summary>
/// Decides whether a listing is compatible with the client's Eclipse release and which of its solution
/// versions the client gets (PROTOCOL.md, "Compatibility filtering and multi-version solutions").
/// </summary>
public static class CompatibilityResolver
{
    /// <summary>
    /// Candidates are the versions supporting <paramref name="target"/> (all of them when it is null). The
    /// client's <paramref name="os"/> narrows them to versions for that platform or for any platform, but only
    /// when one remains: os picks between versions, it never hides a listing. Of the rest, the version
    /// supporting the newest release wins; on a tie the last one in list order, as the protocol prescribes.
    /// </summary>
    public static VersionChoice Choose(IReadOnlyList<SolutionVersion> versions, EclipseRelease? target, string? os, ReleaseTable table)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(table);

        var masks = versions.Select(v => ReleaseMask.Of(v.Releases, table)).ToArray();
        var candidates = Enumerable.Range(0, versions.Count)
            .Where(i => target is null || masks[i].Contains(target))
            .ToList();
        if (candidates.Count == 0)
            return target is null ? VersionChoice.NoVersion : VersionChoice.Incompatible;

        if (ClientOs.ToPlatform(os) is { } platform)
        {
            var forPlatform = candidates.Where(i => RunsOn(versions[i], platform)).ToList();
            if (forPlatform.Count > 0)
                candidates = forPlatform;
        }
        return new VersionChoice(NewestOf(candidates, masks), true);
    }

    /// <summary>
    /// The protocol's rule between compatible versions, the one place it is written: of the candidate indexes
    /// into <paramref name="masks"/> (each version's supported releases), the version supporting the newest
    /// release; on a tie the last one in list order. -1 when there is no candidate.
    /// </summary>
    public static int NewestOf(IEnumerable<int> candidates, IReadOnlyList<ReleaseMask> masks)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(masks);
        var chosen = -1;
        var chosenNewest = int.MinValue;
        foreach (var index in candidates)
        {
            var newest = masks[index].NewestIndex ?? -1;
            // >= rather than > so that a later version with an equally new release replaces an earlier one.
            if (newest >= chosenNewest)
            {
                chosen = index;
                chosenNewest = newest;
            }
        }
        return chosen;
    }

    /// <summary>The SQL-side counterpart of <see cref="Choose"/>'s compatibility verdict.</summary>
    public static bool IsCompatible(ReleaseMask listingMask, EclipseRelease? target) =>
        target is null || listingMask.Contains(target);

    /// <summary>The releases any of a listing's versions supports, for storing beside the listing.</summary>
    public static ReleaseMask MaskOf(IEnumerable<SolutionVersion> versions, ReleaseTable table)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return ReleaseMask.Of(versions.SelectMany(version => version.Releases), table);
    }

    // A version that names no platform was published for all of them.
    private static bool RunsOn(SolutionVersion version, string platform) =>
        version.Platforms.Count == 0
        || version.Platforms.Any(name => string.Equals(name.Trim(), platform, StringComparison.OrdinalIgnoreCase));
}
