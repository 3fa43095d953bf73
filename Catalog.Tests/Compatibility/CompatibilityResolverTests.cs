using Catalog.Schema.Compatibility;
using Catalog.Schema.Model;

namespace Catalog.Tests.Compatibility;

public class CompatibilityResolverTests
{
    private const string Incompatible = "incompatible";

    private static readonly ReleaseTable Table = ReleaseTable.Default;

    private static readonly string[] AllPlatforms = ["Windows", "Mac", "Linux/GTK"];

    /// <summary>v1 4.2–4.7 everywhere; v2 and v3 split 4.8–4.14 by OS.</summary>
    private static readonly IReadOnlyList<SolutionVersion> ThreeVersions =
    [
        Version("v1", Range(4, 2, 7), AllPlatforms),
        Version("v2", Range(4, 8, 14), ["Windows"]),
        Version("v3", Range(4, 8, 14), ["Mac", "Linux/GTK"]),
    ];

    private static SolutionVersion Version(string name, IReadOnlyList<string> releases, IReadOnlyList<string> platforms) =>
        new() { Version = name, Releases = releases, Platforms = platforms };

    private static string[] Range(int major, int firstMinor, int lastMinor) =>
        Enumerable.Range(firstMinor, lastMinor - firstMinor + 1).Select(minor => $"{major}.{minor}").ToArray();

    private static EclipseRelease Release(string version) =>
        Table.FindByVersion(version) ?? throw new InvalidOperationException(version + " is not in the table");

    private static string Describe(VersionChoice choice, IReadOnlyList<SolutionVersion> versions) =>
        !choice.IsCompatible ? Incompatible : choice.HasVersion ? versions[choice.Index].Version : "none";

    private static IEnumerable<TestCaseData> Matrix()
    {
        (string? Platform, string? Runtime, string? Os, string Expected, string Why)[] rows =
        [
            ("4.7", null, "linux", "v1", "only v1 has 4.7"),
            ("4.7", null, "win32", "v1", "only v1 has 4.7"),
            ("4.2", null, "macosx", "v1", "lower end of v1"),
            ("4.4.2.v20150204-1700", null, "win32", "v1", "full OSGi platform version"),
            ("4.8", null, "win32", "v2", "os picks the Windows build"),
            ("4.8", null, "linux", "v3", "os picks the Linux build"),
            ("4.14", null, "macosx", "v3", "os picks the Mac build"),
            ("4.14", null, "win32", "v2", "os picks the Windows build"),
            ("4.10", null, "solaris", "v3", "unknown os: v2 and v3 tie, last wins"),
            ("4.10", null, null, "v3", "no os: v2 and v3 tie, last wins"),
            ("4.10", null, "", "v3", "empty os is no os"),
            ("4.15", null, "win32", Incompatible, "no version has 4.15"),
            ("4.40", null, "linux", Incompatible, "newest release, none has it"),
            ("5.0", null, "linux", Incompatible, "newer than the table means newest, none has it"),
            ("3.8", null, "linux", Incompatible, "Juno 3.x is not Juno 4.2"),
            ("3.3.201", null, "linux", Incompatible, "Galileo"),
            (null, "3.13.0.v20170207-1030", "win32", "v1", "Oxygen by runtime"),
            (null, "3.14.0.v20180417-0825", "win32", "v2", "Photon by runtime"),
            (null, "3.14.0.v20180417-0825", "linux", "v3", "Photon by runtime"),
            (null, "3.8.0.v20120521-2346", "linux", Incompatible, "shared runtime reads as 3.8, not 4.2"),
            ("4.2", "3.8.0.v20120521-2346", "linux", "v1", "platform.version tells 4.2 apart"),
            ("4.20", "3.13.0.v20170207-1030", "linux", Incompatible, "platform.version wins over runtime"),
            ("garbage", "3.13.0.v20170207-1030", "linux", "v1", "unusable platform falls back to runtime"),
            ("3.4", "3.15.100.v20181107-1343", "linux", "v3", "platform older than the table maps nowhere, runtime is 4.10"),
            ("4.1", "3.15.100.v20181107-1343", "linux", "v1", "platform between releases is the next shipped (4.2) and wins"),
            (null, "3.17.101", "win32", Incompatible, "backport of 4.15"),
            (null, "3.16.50", "linux", "v3", "backport of 4.13"),
            (null, "3.15.400", "win32", "v2", "development build of 4.13"),
            (null, "3.12.100", "macosx", "v1", "development build of 4.7"),
            (null, "3.35.0", "win32", Incompatible, "stream build: newest release"),
            (null, null, "win32", "v2", "no filtering: v1 and v2 run on Windows, v2 is newer"),
            (null, null, "linux", "v3", "no filtering: v1 and v3 run on Linux, v3 is newer"),
            (null, null, "macosx", "v3", "no filtering: v1 and v3 run on Mac, v3 is newer"),
            (null, null, null, "v3", "no filtering, no os: v2 and v3 tie, last wins"),
            (null, null, "solaris", "v3", "no filtering, unknown os"),
            ("abc", "abc", "win32", "v2", "garbage versions: no filtering"),
            (null, "3.4.0", "linux", "v3", "runtime older than the table: no filtering"),
            ("3.4", null, "macosx", "v3", "platform older than the table: no filtering"),
            ("4.1", null, "macosx", "v1", "e4 4.1 is filtered as Juno 4.2, the next shipped release"),
            ("4.0.3", null, "win32", "v1", "e4 4.0 is filtered as Juno 4.2"),
        ];

        return rows.Select(row => new TestCaseData(row.Platform, row.Runtime, row.Os, row.Expected).SetDescription(row.Why));
    }

    [TestCaseSource(nameof(Matrix))]
    public void ChoosesTheVersionForTheClient(string? platformVersion, string? runtimeVersion, string? os, string expected)
    {
        var target = Table.Resolve(platformVersion, runtimeVersion);

        var choice = CompatibilityResolver.Choose(ThreeVersions, target, os, Table);

        Assert.That(Describe(choice, ThreeVersions), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Matrix))]
    public void MaskVerdictAgreesWithTheChoice(string? platformVersion, string? runtimeVersion, string? os, string expected)
    {
        var target = Table.Resolve(platformVersion, runtimeVersion);
        var mask = CompatibilityResolver.MaskOf(ThreeVersions, Table);

        Assert.That(CompatibilityResolver.IsCompatible(mask, target), Is.EqualTo(expected != Incompatible));
    }

    [Test]
    public void MaskOfCoversEveryReleaseOfEveryVersion()
    {
        Assert.That(CompatibilityResolver.MaskOf(ThreeVersions, Table), Is.EqualTo(ReleaseMask.Of(Range(4, 2, 14), Table)));
    }

    [Test]
    public void IncompatibleChoiceHasNoVersion()
    {
        var choice = CompatibilityResolver.Choose(ThreeVersions, Release("4.30"), "linux", Table);

        Assert.That(choice, Is.EqualTo(new VersionChoice(-1, false)));
        Assert.That(choice.HasVersion, Is.False);
    }

    [Test]
    public void CompatibleChoiceCarriesTheIndex()
    {
        var choice = CompatibilityResolver.Choose(ThreeVersions, Release("4.9"), "win32", Table);

        Assert.That(choice, Is.EqualTo(new VersionChoice(1, true)));
        Assert.That(choice.HasVersion, Is.True);
    }

    [Test]
    public void ZeroVersionsWithoutFilteringIsCompatibleWithoutAVersion()
    {
        var choice = CompatibilityResolver.Choose([], null, "linux", Table);

        Assert.That(choice, Is.EqualTo(new VersionChoice(-1, true)));
    }

    [Test]
    public void ZeroVersionsWithATargetIsIncompatible()
    {
        var choice = CompatibilityResolver.Choose([], Release("4.7"), "linux", Table);

        Assert.That(choice, Is.EqualTo(VersionChoice.Incompatible));
        Assert.That(CompatibilityResolver.IsCompatible(CompatibilityResolver.MaskOf([], Table), Release("4.7")), Is.False);
    }

    [Test]
    public void WithoutATargetAnyMaskIsCompatibleEvenAnEmptyOne()
    {
        Assert.That(CompatibilityResolver.IsCompatible(ReleaseMask.Empty, null), Is.True);
    }

    [Test]
    public void EqualVersionsTieToTheLastInListOrder()
    {
        IReadOnlyList<SolutionVersion> versions =
        [
            Version("a", ["4.7", "4.8"], []),
            Version("b", ["4.7", "4.8"], []),
            Version("c", ["4.7", "4.8"], []),
        ];

        var choice = CompatibilityResolver.Choose(versions, Release("4.7"), null, Table);

        Assert.That(choice, Is.EqualTo(new VersionChoice(2, true)));
    }

    [Test]
    public void TieOnNewestReleaseSkipsAnOlderVersionInBetween()
    {
        IReadOnlyList<SolutionVersion> versions =
        [
            Version("a", ["4.6", "4.10"], []),
            Version("b", ["4.6", "4.7"], []),
            Version("c", ["4.6", "4.10"], []),
            Version("d", ["4.5", "4.6"], []),
        ];

        var choice = CompatibilityResolver.Choose(versions, Release("4.6"), null, Table);

        Assert.That(Describe(choice, versions), Is.EqualTo("c"));
    }

    [Test]
    public void NewestReleaseBeatsListOrder()
    {
        IReadOnlyList<SolutionVersion> versions =
        [
            Version("new", ["4.30", "4.7"], []),
            Version("old", ["4.6", "4.7"], []),
        ];

        var choice = CompatibilityResolver.Choose(versions, Release("4.7"), null, Table);

        Assert.That(Describe(choice, versions), Is.EqualTo("new"));
    }

    [Test]
    public void NewestIsJudgedByTableOrderNotByStringOrder()
    {
        IReadOnlyList<SolutionVersion> versions =
        [
            Version("4.10", ["4.10"], []),
            Version("4.9", ["4.9"], []),
        ];

        var choice = CompatibilityResolver.Choose(versions, null, null, Table);

        Assert.That(Describe(choice, versions), Is.EqualTo("4.10"));
    }

    [Test]
    public void VersionWithNoKnownReleaseLosesToAnyKnownOneWithoutFiltering()
    {
        IReadOnlyList<SolutionVersion> versions =
        [
            Version("known", ["3.5"], []),
            Version("unknown", ["4.41", "nonsense"], []),
            Version("empty", [], []),
        ];

        var choice = CompatibilityResolver.Choose(versions, null, null, Table);

        Assert.That(Describe(choice, versions), Is.EqualTo("known"));
    }

    [Test]
    public void VersionsWithoutKnownReleasesTieToTheLastWithoutFiltering()
    {
        IReadOnlyList<SolutionVersion> versions =
        [
            Version("a", [], []),
            Version("b", ["nonsense"], []),
        ];

        var choice = CompatibilityResolver.Choose(versions, null, null, Table);

        Assert.That(choice, Is.EqualTo(new VersionChoice(1, true)));
    }

    [Test]
    public void VersionWithNoKnownReleaseIsIncompatibleWithAnyTarget()
    {
        IReadOnlyList<SolutionVersion> versions = [Version("unknown", ["4.41", "4.1"], [])];

        var choice = CompatibilityResolver.Choose(versions, Table.Newest, null, Table);

        Assert.That(choice, Is.EqualTo(VersionChoice.Incompatible));
    }

    [Test]
    public void StoredReleasesInLongerFormStillMatch()
    {
        IReadOnlyList<SolutionVersion> versions = [Version("long", ["4.7.0", "4.8.0"], [])];

        var choice = CompatibilityResolver.Choose(versions, Release("4.8"), null, Table);

        Assert.That(choice, Is.EqualTo(new VersionChoice(0, true)));
    }

    [Test]
    public void VersionWithoutPlatformsCountsForEveryOs()
    {
        IReadOnlyList<SolutionVersion> versions =
        [
            Version("windows", ["4.14"], ["Windows"]),
            Version("any", ["4.8", "4.14"], []),
            Version("windows-old", ["4.8"], ["Windows"]),
        ];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Describe(CompatibilityResolver.Choose(versions, null, "linux", Table), versions), Is.EqualTo("any"));
            Assert.That(Describe(CompatibilityResolver.Choose(versions, null, "win32", Table), versions), Is.EqualTo("any"));
            Assert.That(Describe(CompatibilityResolver.Choose(versions, Release("4.8"), "linux", Table), versions), Is.EqualTo("any"));
            Assert.That(Describe(CompatibilityResolver.Choose(versions, Release("4.8"), "win32", Table), versions), Is.EqualTo("any"));
        }
    }

    [Test]
    public void OsPrefersTheMatchingPlatformEvenWhenAnotherVersionIsNewer()
    {
        IReadOnlyList<SolutionVersion> versions =
        [
            Version("mac-new", ["4.7", "4.30"], ["Mac"]),
            Version("linux-old", ["4.7"], ["Linux/GTK"]),
        ];

        var choice = CompatibilityResolver.Choose(versions, Release("4.7"), "linux", Table);

        Assert.That(Describe(choice, versions), Is.EqualTo("linux-old"));
    }

    [Test]
    public void OsMatchingNoCandidateNeverMakesTheListingIncompatible()
    {
        IReadOnlyList<SolutionVersion> versions =
        [
            Version("win-a", ["4.8"], ["Windows"]),
            Version("win-b", ["4.8"], ["Windows"]),
        ];

        var choice = CompatibilityResolver.Choose(versions, Release("4.8"), "linux", Table);

        Assert.That(choice, Is.EqualTo(new VersionChoice(1, true)));
    }

    [Test]
    public void OsOnlyNarrowsAmongVersionsThatSupportTheTarget()
    {
        IReadOnlyList<SolutionVersion> versions =
        [
            Version("linux-other-release", ["4.20"], ["Linux/GTK"]),
            Version("windows", ["4.8"], ["Windows"]),
        ];

        var choice = CompatibilityResolver.Choose(versions, Release("4.8"), "linux", Table);

        Assert.That(Describe(choice, versions), Is.EqualTo("windows"));
    }

    [TestCase("LINUX")]
    [TestCase("linux")]
    public void PlatformNamesCompareWithoutCase(string os)
    {
        IReadOnlyList<SolutionVersion> versions =
        [
            Version("linux", ["4.8"], ["linux/gtk"]),
            Version("windows", ["4.8"], ["WINDOWS"]),
        ];

        var choice = CompatibilityResolver.Choose(versions, Release("4.8"), os, Table);

        Assert.That(Describe(choice, versions), Is.EqualTo("linux"));
    }
}
