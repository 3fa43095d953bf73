using Catalog.Schema.Compatibility;

namespace Catalog.Tests.Compatibility;

public class ReleaseTableTests
{
    private static readonly ReleaseTable Table = ReleaseTable.Default;

    [Test]
    public void HoldsEveryShippedReleaseFromGalileoTo2026_06InOrder()
    {
        string[] expected =
        [
            "3.5", "3.6", "3.7", "3.8",
            "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10",
            "4.11", "4.12", "4.13", "4.14", "4.15", "4.16", "4.17", "4.18", "4.19", "4.20",
            "4.21", "4.22", "4.23", "4.24", "4.25", "4.26", "4.27", "4.28", "4.29", "4.30",
            "4.31", "4.32", "4.33", "4.34", "4.35", "4.36", "4.37", "4.38", "4.39", "4.40",
        ];

        Assert.That(Table.All.Select(release => release.Version), Is.EqualTo(expected));
    }

    [Test]
    public void IndexIsThePositionInTheTable()
    {
        Assert.That(Table.All.Select(release => release.Index), Is.EqualTo(Enumerable.Range(0, 43)));
    }

    [Test]
    public void NewestIsTheLastShippedReleaseNotTheStream()
    {
        Assert.That(Table.Newest, Is.EqualTo(new EclipseRelease(42, "4.40", "2026-06")));
    }

    [Test]
    public void DefaultIsOneSharedInstance()
    {
        Assert.That(ReleaseTable.Default, Is.SameAs(Table));
    }

    [TestCase("3.5", 0, "Galileo")]
    [TestCase("3.6", 1, "Helios")]
    [TestCase("3.7", 2, "Indigo")]
    [TestCase("3.8", 3, "Juno 3.x")]
    [TestCase("4.2", 4, "Juno")]
    [TestCase("4.3", 5, "Kepler")]
    [TestCase("4.4", 6, "Luna")]
    [TestCase("4.5", 7, "Mars")]
    [TestCase("4.6", 8, "Neon")]
    [TestCase("4.7", 9, "Oxygen")]
    [TestCase("4.8", 10, "Photon")]
    [TestCase("4.9", 11, "2018-09")]
    [TestCase("4.14", 16, "2019-12")]
    [TestCase("4.30", 32, "2023-12")]
    [TestCase("4.40", 42, "2026-06")]
    public void FindByVersionReturnsTheRelease(string version, int index, string name)
    {
        Assert.That(Table.FindByVersion(version), Is.EqualTo(new EclipseRelease(index, version, name)));
    }

    [TestCase("4.7.0", "4.7")]
    [TestCase("4.7.3", "4.7")]
    [TestCase("4.14.0.v20191210-0610", "4.14")]
    [TestCase(" 4.30 ", "4.30")]
    [TestCase("4.07", "4.7")]
    public void FindByVersionReadsLongerFormsByMajorMinor(string text, string expected)
    {
        Assert.That(Table.FindByVersion(text)?.Version, Is.EqualTo(expected));
    }

    [TestCase("4.0")]
    [TestCase("4.1")]
    [TestCase("3.4")]
    [TestCase("3.3")]
    [TestCase("3.9")]
    [TestCase("4.41")]
    [TestCase("5.0")]
    [TestCase("")]
    [TestCase("4")]
    [TestCase("4.x")]
    [TestCase("Oxygen")]
    public void FindByVersionIsExactAndReturnsNullForReleasesNotInTheTable(string text)
    {
        Assert.That(Table.FindByVersion(text), Is.Null);
    }

    // Rule 1, every platform bundle value of ECLIPSE-RELEASES.md.
    [TestCase("3.3.200", "3.5")]
    [TestCase("3.3.201", "3.5")]
    [TestCase("3.3.202", "3.5")]
    [TestCase("3.6.0", "3.6")]
    [TestCase("3.6.1", "3.6")]
    [TestCase("3.6.2", "3.6")]
    [TestCase("3.7.0", "3.7")]
    [TestCase("3.7.1", "3.7")]
    [TestCase("3.7.2", "3.7")]
    [TestCase("3.8.0", "3.8")]
    [TestCase("4.2.0", "4.2")]
    [TestCase("4.3.0", "4.3")]
    [TestCase("4.3.2", "4.3")]
    [TestCase("4.4.0", "4.4")]
    [TestCase("4.5.0", "4.5")]
    [TestCase("4.5.1", "4.5")]
    [TestCase("4.6.0", "4.6")]
    [TestCase("4.7.0", "4.7")]
    [TestCase("4.8.0", "4.8")]
    [TestCase("4.9.0", "4.9")]
    [TestCase("4.10.0", "4.10")]
    [TestCase("4.11.0", "4.11")]
    [TestCase("4.12.0", "4.12")]
    [TestCase("4.13.0", "4.13")]
    [TestCase("4.14.0", "4.14")]
    [TestCase("4.15.0", "4.15")]
    [TestCase("4.16.0", "4.16")]
    [TestCase("4.17.0", "4.17")]
    [TestCase("4.18.0", "4.18")]
    [TestCase("4.19.0", "4.19")]
    [TestCase("4.20.0", "4.20")]
    [TestCase("4.21.0", "4.21")]
    [TestCase("4.22.0", "4.22")]
    [TestCase("4.23.0", "4.23")]
    [TestCase("4.24.0", "4.24")]
    [TestCase("4.25.0", "4.25")]
    [TestCase("4.26.0", "4.26")]
    [TestCase("4.27.0", "4.27")]
    [TestCase("4.28.0", "4.28")]
    [TestCase("4.29.0", "4.29")]
    [TestCase("4.30.0", "4.30")]
    [TestCase("4.31.100", "4.31")]
    [TestCase("4.32.0", "4.32")]
    [TestCase("4.33.0", "4.33")]
    [TestCase("4.34.0", "4.34")]
    [TestCase("4.35.0", "4.35")]
    [TestCase("4.36.0", "4.36")]
    [TestCase("4.37.0", "4.37")]
    [TestCase("4.38.0", "4.38")]
    [TestCase("4.39.0", "4.39")]
    [TestCase("4.40.0", "4.40")]
    public void FromPlatformVersionMapsEveryShippedPlatformBundle(string platformVersion, string expected)
    {
        Assert.That(Table.FromPlatformVersion(platformVersion)?.Version, Is.EqualTo(expected));
    }

    [TestCase("4.34", "4.34")]
    [TestCase("4.4.2.v20150204-1700", "4.4")]
    [TestCase("4.7.3.v20180330-0640", "4.7")]
    [TestCase("4.2.2.v20130129-1135", "4.2")]
    [TestCase("3.3.250", "3.5")]
    [TestCase("3.3.299", "3.5")]
    [TestCase("3.5", "3.5")]
    [TestCase("  4.30  ", "4.30")]
    public void FromPlatformVersionCountsMajorMinorOfAnyOsgiForm(string platformVersion, string expected)
    {
        Assert.That(Table.FromPlatformVersion(platformVersion)?.Version, Is.EqualTo(expected));
    }

    [TestCase("4.41")]
    [TestCase("4.41.0.I20260715-1800")]
    [TestCase("4.100")]
    [TestCase("5.0")]
    [TestCase("5.0.0")]
    [TestCase("10.1")]
    public void FromPlatformVersionNewerThanTheTableIsTheNewestRelease(string platformVersion)
    {
        Assert.That(Table.FromPlatformVersion(platformVersion), Is.SameAs(Table.Newest));
    }

    [TestCase("3.9.0", "4.2", Description = "no 3.9 shipped; the next shipped platform is Juno 4.2")]
    [TestCase("4.0", "4.2", Description = "e4 4.0, not in the table")]
    [TestCase("4.0.3", "4.2")]
    [TestCase("4.1", "4.2", Description = "e4 4.1, not in the table")]
    [TestCase("4.1.2", "4.2")]
    [TestCase("4.1.0.v20110615", "4.2")]
    public void FromPlatformVersionBetweenShippedReleasesIsTheNextShippedOne(string platformVersion, string expected)
    {
        // ECLIPSE-RELEASES.md rule 4, as for runtime.version: an unknown value below the newest is a
        // development build of the next release.
        Assert.That(Table.FromPlatformVersion(platformVersion)?.Version, Is.EqualTo(expected));
    }

    [TestCase("3.3", Description = "no micro: cannot tell Galileo from Europa")]
    [TestCase("3.3.0", Description = "Europa")]
    [TestCase("3.3.100", Description = "Ganymede")]
    [TestCase("3.3.300")]
    [TestCase("3.4")]
    [TestCase("3.4.2")]
    [TestCase("2.1")]
    [TestCase("0.0.0")]
    public void FromPlatformVersionOlderThanTheTableIsNull(string platformVersion)
    {
        Assert.That(Table.FromPlatformVersion(platformVersion), Is.Null);
    }

    // Rule 2, every runtime bundle value of ECLIPSE-RELEASES.md; rule 3 for the shared ones.
    [TestCase("3.5.0.v20090525", "3.5")]
    [TestCase("3.6.0.v20100505", "3.6")]
    [TestCase("3.7.0.v20110110", "3.7")]
    [TestCase("3.8.0.v20120521-2346", "3.8", Description = "Juno 3.8 and 4.2 share it")]
    [TestCase("3.8.0.v20120912-155025", "3.8", Description = "4.2.2's rebuild, same micro")]
    [TestCase("3.9.0.v20130326-1255", "4.3")]
    [TestCase("3.9.100.v20131218-1515", "4.3", Description = "Kepler SR2")]
    [TestCase("3.10.0.v20140318-2214", "4.4")]
    [TestCase("3.11.0.v20150405-1723", "4.5")]
    [TestCase("3.11.1.v20150903-1804", "4.5", Description = "Mars.1")]
    [TestCase("3.12.0.v20160606-1342", "4.6")]
    [TestCase("3.13.0.v20170207-1030", "4.7")]
    [TestCase("3.14.0.v20180417-0825", "4.8")]
    [TestCase("3.15.0.v20180817-1401", "4.9")]
    [TestCase("3.15.100.v20181107-1343", "4.10")]
    [TestCase("3.15.200.v20190301-1641", "4.11")]
    [TestCase("3.15.300.v20190508-0543", "4.12")]
    [TestCase("3.16.0.v20190823-1314", "4.13")]
    [TestCase("3.17.0.v20191122-2104", "4.14")]
    [TestCase("3.17.100.v20200203-0917", "4.15")]
    [TestCase("3.18.0.v20200506-2143", "4.16")]
    [TestCase("3.19.0.v20200724-1004", "4.17")]
    [TestCase("3.20.0.v20201027-1526", "4.18")]
    [TestCase("3.20.100.v20210111-0815", "4.19")]
    [TestCase("3.22.0.v20210506-1025", "4.20")]
    [TestCase("3.23.0.v20210730-2035", "4.21")]
    [TestCase("3.24.0.v20210910-0750", "4.22")]
    [TestCase("3.24.100.v20220211-2001", "4.23")]
    [TestCase("3.25.0.v20220506-1157", "4.24")]
    [TestCase("3.26.0.v20220813-0916", "4.25")]
    [TestCase("3.26.100.v20221021-0005", "4.26", Description = "4.26 and 4.27 share it")]
    [TestCase("3.27.0.v20230515-1719", "4.28")]
    [TestCase("3.29.0.v20230726-0617", "4.29")]
    [TestCase("3.30.0.v20231102-0719", "4.30")]
    [TestCase("3.31.0.v20240215-1631", "4.31")]
    [TestCase("3.31.100.v20240524-2010", "4.32", Description = "4.32 and 4.33 share it")]
    [TestCase("3.32.0.v20241003-0436", "4.34")]
    [TestCase("3.33.0.v20250206-0919", "4.35")]
    [TestCase("3.33.100.v20250516-0931", "4.36")]
    [TestCase("3.34.0.v20250711-1249", "4.37")]
    [TestCase("3.34.100.v20251111-1421", "4.38")]
    [TestCase("3.34.200.v20251220-0953", "4.39", Description = "4.39 and 4.40 share it")]
    [TestCase("3.35.0", "4.40", Description = "the 4.41 stream, newer than every shipped value")]
    public void FromRuntimeVersionMapsEveryShippedRuntimeBundle(string runtimeVersion, string expected)
    {
        Assert.That(Table.FromRuntimeVersion(runtimeVersion)?.Version, Is.EqualTo(expected));
    }

    [TestCase("3.10.0", "4.4")]
    [TestCase("3.10", "4.4")]
    [TestCase("3.10.0.20140604-fedora_rebuild", "4.4")]
    [TestCase("3.15.200.qualifier", "4.11")]
    [TestCase("3.26.100.v20230301-0000", "4.26")]
    public void FromRuntimeVersionIgnoresTheQualifier(string runtimeVersion, string expected)
    {
        Assert.That(Table.FromRuntimeVersion(runtimeVersion)?.Version, Is.EqualTo(expected));
    }

    [TestCase("3.15.0", "4.9")]
    [TestCase("3.15.100", "4.10")]
    [TestCase("3.15.200", "4.11")]
    [TestCase("3.15.300", "4.12")]
    public void FromRuntimeVersionNeedsTheMicroToTellReleasesApart(string runtimeVersion, string expected)
    {
        Assert.That(Table.FromRuntimeVersion(runtimeVersion)?.Version, Is.EqualTo(expected));
    }

    [TestCase("3.17.101", "4.15")]
    [TestCase("3.33.1", "4.35")]
    [TestCase("3.11.2", "4.5", Description = "below is Mars.1's 3.11.1")]
    [TestCase("3.9.101", "4.3")]
    [TestCase("3.8.1.v20121025", "3.8", Description = "below is the shared 3.8.0: earlier release")]
    [TestCase("3.26.101", "4.26", Description = "below is the shared 3.26.100: earlier release")]
    [TestCase("3.31.150", "4.32")]
    [TestCase("3.5.1", "3.5")]
    [TestCase("3.16.99", "4.13")]
    [TestCase("3.26.50.v20221001", "4.25")]
    public void FromRuntimeVersionOfABackportIsTheShippedValueBelow(string runtimeVersion, string expected)
    {
        Assert.That(Table.FromRuntimeVersion(runtimeVersion)?.Version, Is.EqualTo(expected));
    }

    [TestCase("3.21.0", "4.20")]
    [TestCase("3.28.0", "4.29")]
    [TestCase("3.15.400", "4.13")]
    [TestCase("3.9.200", "4.4")]
    [TestCase("3.23.100", "4.22")]
    [TestCase("3.31.200", "4.34")]
    [TestCase("3.6.100", "3.7")]
    [TestCase("3.7.100.v20111111", "3.8", Description = "above is the shared 3.8.0: earlier release")]
    public void FromRuntimeVersionOfADevelopmentBuildIsTheShippedValueAbove(string runtimeVersion, string expected)
    {
        Assert.That(Table.FromRuntimeVersion(runtimeVersion)?.Version, Is.EqualTo(expected));
    }

    [TestCase("3.34.300")]
    [TestCase("3.35.0.v20260801-1200")]
    [TestCase("3.36.0")]
    [TestCase("3.100.0")]
    [TestCase("4.0.0")]
    [TestCase("3.34.201", Description = "a backport released after the newest known release")]
    public void FromRuntimeVersionNewerThanTheTableIsTheNewestRelease(string runtimeVersion)
    {
        Assert.That(Table.FromRuntimeVersion(runtimeVersion), Is.SameAs(Table.Newest));
    }

    [TestCase("3.4.0", Description = "Ganymede, older than the table")]
    [TestCase("3.4.2")]
    [TestCase("3.4.100")]
    [TestCase("3.3.0")]
    [TestCase("2.1.0")]
    [TestCase("1.0.0")]
    [TestCase("0.0.0")]
    public void FromRuntimeVersionOlderThanTheTableMapsNowhere(string runtimeVersion)
    {
        Assert.That(Table.FromRuntimeVersion(runtimeVersion), Is.Null);
    }

    [TestCaseSource(nameof(Garbage))]
    public void FromPlatformVersionOfGarbageIsNull(string? value)
    {
        Assert.That(Table.FromPlatformVersion(value), Is.Null);
    }

    [TestCaseSource(nameof(Garbage))]
    public void FromRuntimeVersionOfGarbageIsNull(string? value)
    {
        Assert.That(Table.FromRuntimeVersion(value), Is.Null);
    }

    [TestCaseSource(nameof(Garbage))]
    public void ResolveOfGarbageMeansNoFiltering(string? value)
    {
        Assert.That(Table.Resolve(value, value), Is.Null);
    }

    [TestCase("4.34", "3.10.0.v20140318-2214", "4.34")]
    [TestCase(null, "3.10.0.v20140318-2214", "4.4")]
    [TestCase("", "3.13.0.v20170207-1030", "4.7")]
    [TestCase("3.4", "3.10.0", "4.4", Description = "platform maps nowhere (older than the table): fall back")]
    [TestCase("4.1", "3.10.0", "4.2", Description = "platform between shipped releases maps to the next: it wins")]
    [TestCase("Oxygen", "3.15.100", "4.10")]
    [TestCase("4.2", "3.8.0.v20120521-2346", "4.2", Description = "only platform.version tells 4.2 from 3.8")]
    [TestCase("4.27.0", "3.26.100.v20221021-0005", "4.27")]
    [TestCase("4.40", "3.34.200.v20251220-0953", "4.40")]
    [TestCase("4.41", null, "4.40")]
    [TestCase("3.3.201", "3.5.0.v20090525", "3.5")]
    [TestCase(null, "3.4.0", null)]
    [TestCase(null, null, null)]
    [TestCase("abc", "abc", null)]
    public void ResolvePrefersPlatformVersionAndFallsBackToRuntimeVersion(string? platform, string? runtime, string? expected)
    {
        Assert.That(Table.Resolve(platform, runtime)?.Version, Is.EqualTo(expected));
    }

    private static IEnumerable<TestCaseData> Garbage()
    {
        yield return new TestCaseData(null).SetName("{m}(null)");
        foreach (var text in new[]
        {
            "", " ", "\t", "abc", "4", "4.", ".7", "4..7", "4.x", "x.4", "4.7.x", "4.7.0.", "4.7.0.v 2017",
            "4.7.0.v2017!", "-4.7", "4.-7", "4.7.-1", "+4.7", "4,7", "4.7e1", "४.७", "4.7\u0000",
            "99999999999.0", "4.99999999999", "3.10.99999999999",
        })
        {
            yield return new TestCaseData(text).SetName($"{{m}}(\"{Escape(text)}\")");
        }

        yield return new TestCaseData(new string('x', 100_000)).SetName("{m}(100k letters)");
        yield return new TestCaseData(new string('9', 100_000)).SetName("{m}(100k digits)");
        yield return new TestCaseData(new string('.', 100_000)).SetName("{m}(100k dots)");
        yield return new TestCaseData("4." + new string('7', 50_000)).SetName("{m}(4.<50k digits>)");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("4.7", 10_000))).SetName("{m}(4.7 repeated)");
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
