using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Catalog.Schema.Compatibility;

/// <summary>
/// The known Eclipse platform releases and the mapping of client-reported bundle versions onto them
/// (rules 1–4 of <c>ECLIPSE-RELEASES.md</c>). Immutable, so one instance serves every request.
/// </summary>
public sealed class ReleaseTable
{
    /// <summary>The 3.3.2xx platform bundle numbers belong to Galileo: the bundle kept its 3.3 number through 3.5.</summary>
    private const int GalileoPlatformMicroFloor = 200;
    private const int GalileoPlatformMicroCeiling = 300;

    private readonly FrozenDictionary<(int Major, int Minor), EclipseRelease> byMajorMinor;

    /// <summary>Each release's major.minor, oldest first, parallel to <see cref="All"/>.</summary>
    private readonly ImmutableArray<OsgiVersion> releaseVersions;
    private readonly OsgiVersion newestVersion;

    /// <summary>Sorted by runtime version, one row per version (the earliest release wins, rule 3).</summary>
    private readonly ImmutableArray<RuntimeBundleRow> runtimeRows;

    public static ReleaseTable Default { get; } = new(ReleaseTableData.Releases, ReleaseTableData.RuntimeBundles);

    private ReleaseTable(
        ImmutableArray<(string Version, string Name)> releases,
        ImmutableArray<(string Runtime, string Release)> runtimeBundles)
    {
        if (releases.Length is 0 or > ReleaseMask.Capacity)
            throw new ArgumentException($"A release table holds 1 to {ReleaseMask.Capacity} releases.", nameof(releases));

        var all = releases.Select((row, index) => new EclipseRelease(index, row.Version, row.Name)).ToImmutableArray();
        var keyed = new Dictionary<(int, int), EclipseRelease>();
        var versions = ImmutableArray.CreateBuilder<OsgiVersion>(all.Length);
        OsgiVersion? previous = null;
        foreach (var release in all)
        {
            var version = ParseStrict(release.Version);
            // Indexes are persisted as mask bits, so an out-of-order row would silently corrupt stored masks.
            if (previous is { } before && version <= before)
                throw new ArgumentException($"Release {release.Version} is out of order.", nameof(releases));
            keyed.Add((version.Major, version.Minor), release);
            versions.Add(version);
            previous = version;
        }

        All = all;
        byMajorMinor = keyed.ToFrozenDictionary();
        releaseVersions = versions.MoveToImmutable();
        newestVersion = previous!.Value;
        runtimeRows = BuildRuntimeRows(runtimeBundles, byMajorMinor);
    }

    /// <summary>Oldest first; <c>All[i].Index == i</c>.</summary>
    public IReadOnlyList<EclipseRelease> All { get; }

    public EclipseRelease Newest => All[^1];

    /// <summary>
    /// Looks up a release string as listings store it (<c>4.7</c>; <c>4.7.0</c> is read as 4.7).
    /// Exact only: a release missing from the table (<c>4.1</c>, <c>4.41</c>) is null.
    /// </summary>
    public EclipseRelease? FindByVersion(string majorMinor) =>
        OsgiVersion.TryParse(majorMinor, out var version) ? Find(version) : null;

    /// <summary>
    /// Rule 1: the release is the major.minor of the <c>org.eclipse.platform</c> bundle version, except that
    /// 3.3.2xx is Galileo. Rule 4 as for <c>runtime.version</c>: newer than the newest known release means "that
    /// release or later", so it maps to <see cref="Newest"/>; a major.minor between two shipped releases (the e4
    /// releases 4.0 and 4.1, never in the table) belongs to the next shipped one; older than the table, or
    /// unparsable, is null.
    /// </summary>
    public EclipseRelease? FromPlatformVersion(string? value)
    {
        if (!OsgiVersion.TryParse(value, out var version))
            return null;

        // 3.3.0 and 3.3.1xx were Europa and Ganymede, which the table does not cover.
        if (version is { Major: 3, Minor: 3 })
            return version.Micro is >= GalileoPlatformMicroFloor and < GalileoPlatformMicroCeiling ? Find(new OsgiVersion(3, 5, 0)) : null;

        if (Find(version) is { } exact)
            return exact;
        if (IsNewerThanNewest(version))
            return Newest;
        var majorMinor = new OsgiVersion(version.Major, version.Minor, 0);
        for (var next = 1; next < releaseVersions.Length; next++)
        {
            if (releaseVersions[next] > majorMinor)
                return releaseVersions[next - 1] < majorMinor ? All[next] : null;
        }
        return null;
    }

    /// <summary>
    /// Rules 2–4 for the <c>org.eclipse.core.runtime</c> bundle version: exact major.minor.micro lookup with
    /// the qualifier ignored; otherwise newer than the last row is <see cref="Newest"/>; a micro that is not a
    /// multiple of 100 is a backport of the shipped value below; any other unknown value is a development build
    /// of the shipped value above.
    /// </summary>
    /// <remarks>
    /// Two readings the rules leave open, decided here:
    /// "newer than the last row" is checked before the backport rule, so 3.34.201 is the newest release rather
    /// than the older of the two releases that shipped 3.34.200 — a fix released after the newest known release
    /// cannot predate it.
    /// A value older than the first row (3.4.0, 1.0.0, 0.0.0) maps nowhere: development builds of Galileo already
    /// carried 3.5.0, so anything below belongs to a release older than the table, and no filtering is safer than
    /// filtering such a client as Galileo.
    /// </remarks>
    public EclipseRelease? FromRuntimeVersion(string? value)
    {
        if (!OsgiVersion.TryParse(value, out var version))
            return null;

        var position = BinarySearch(version);
        if (position >= 0)
            return runtimeRows[position].Release;
        if (version > runtimeRows[^1].Runtime)
            return Newest;

        var above = ~position;
        if (above == 0)
            return null;
        return version.Micro % 100 != 0 ? runtimeRows[above - 1].Release : runtimeRows[above].Release;
    }

    /// <summary>
    /// The client's target release: <c>platform.version</c> when it resolves, else <c>runtime.version</c>.
    /// Null means the client gave nothing usable and must not be filtered.
    /// </summary>
    public EclipseRelease? Resolve(string? platformVersion, string? runtimeVersion) =>
        FromPlatformVersion(platformVersion) ?? FromRuntimeVersion(runtimeVersion);

    private EclipseRelease? Find(OsgiVersion version) =>
        byMajorMinor.GetValueOrDefault((version.Major, version.Minor));

    private bool IsNewerThanNewest(OsgiVersion version) =>
        version.Major > newestVersion.Major
        || (version.Major == newestVersion.Major && version.Minor > newestVersion.Minor);

    private int BinarySearch(OsgiVersion version)
    {
        int low = 0, high = runtimeRows.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var comparison = runtimeRows[middle].Runtime.CompareTo(version);
            if (comparison == 0)
                return middle;
            if (comparison < 0)
                low = middle + 1;
            else
                high = middle - 1;
        }
        return ~low;
    }

    private static ImmutableArray<RuntimeBundleRow> BuildRuntimeRows(
        ImmutableArray<(string Runtime, string Release)> runtimeBundles,
        FrozenDictionary<(int Major, int Minor), EclipseRelease> releases)
    {
        var rows = ImmutableArray.CreateBuilder<RuntimeBundleRow>();
        foreach (var (runtimeText, releaseText) in runtimeBundles)
        {
            var runtime = ParseStrict(runtimeText);
            var releaseVersion = ParseStrict(releaseText);
            if (!releases.TryGetValue((releaseVersion.Major, releaseVersion.Minor), out var release))
                throw new ArgumentException($"Runtime {runtimeText} names unknown release {releaseText}.", nameof(runtimeBundles));

            if (rows.Count > 0)
            {
                var last = rows[^1];
                // The binary search and the "just below / just above" rules rely on chronological order.
                if (runtime < last.Runtime || release.Index < last.Release.Index)
                    throw new ArgumentException($"Runtime {runtimeText} is out of order.", nameof(runtimeBundles));
                if (runtime == last.Runtime)
                    continue;
            }
            rows.Add(new RuntimeBundleRow(runtime, release));
        }

        if (rows.Count == 0)
            throw new ArgumentException("A release table needs runtime bundle rows.", nameof(runtimeBundles));
        return rows.ToImmutable();
    }

    private static OsgiVersion ParseStrict(string text) =>
        OsgiVersion.TryParse(text, out var version)
            ? version
            : throw new ArgumentException($"'{text}' is not a version.", nameof(text));
}
