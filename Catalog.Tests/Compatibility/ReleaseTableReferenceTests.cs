using Catalog.Schema.Compatibility;
using Catalog.Tests.Support;

namespace Catalog.Tests.Compatibility;

/// <summary>
/// Checks the typed-in table against ECLIPSE-RELEASES.md itself, so a row mistyped in both the table and the
/// hand-written test cases still gets caught.
/// </summary>
public class ReleaseTableReferenceTests
{
    private static readonly ReleaseTable Table = ReleaseTable.Default;

    private sealed record DocumentRow(string Release, string Name, string Runtime, IReadOnlyList<string> PlatformBundles)
    {
        public string MajorMinor => string.Join('.', Release.Split('.').Take(2));

        public string RuntimeMicroKey => string.Join('.', Runtime.Split('.').Take(3));

        public bool IsStream => PlatformBundles.Count == 0;
    }

    [Test]
    public void TableHoldsExactlyTheShippedReleasesOfTheDocument()
    {
        var rows = ReadRows();
        var shipped = rows.Where(row => !row.IsStream).Select(row => row.MajorMinor).Distinct();

        Assert.That(Table.All.Select(release => release.Version), Is.EqualTo(shipped));
        Assert.That(rows.Where(row => row.IsStream).Select(row => Table.FindByVersion(row.MajorMinor)), Is.All.Null);
    }

    [Test]
    public void NamesMatchTheDocument()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var row in ReadRows().Where(row => !row.IsStream))
                Assert.That(row.Name, Does.StartWith(Table.FindByVersion(row.MajorMinor)?.Name ?? "<missing>"), row.Release);
        }
    }

    [Test]
    public void EveryDocumentedPlatformBundleMapsToItsRelease()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var row in ReadRows())
            {
                foreach (var bundle in row.PlatformBundles)
                    Assert.That(Table.FromPlatformVersion(bundle)?.Version, Is.EqualTo(row.MajorMinor), bundle);
            }
        }
    }

    [Test]
    public void EveryDocumentedRuntimeBundleMapsToTheEarliestReleaseThatShippedIt()
    {
        var rows = ReadRows();
        using (Assert.EnterMultipleScope())
        {
            foreach (var row in rows)
            {
                var expected = row.IsStream
                    ? Table.Newest.Version
                    : rows.First(other => other.RuntimeMicroKey == row.RuntimeMicroKey).MajorMinor;
                Assert.That(Table.FromRuntimeVersion(row.Runtime)?.Version, Is.EqualTo(expected), row.Runtime);
            }
        }
    }

    [Test]
    public void DocumentHasTheRowsThisTestExpects()
    {
        var rows = ReadRows();

        Assert.That(rows, Has.Count.EqualTo(46));
        Assert.That((rows[0].Release, rows[0].Runtime), Is.EqualTo(("3.5", "3.5.0.v20090525")));
        Assert.That(rows[0].PlatformBundles, Is.EqualTo(new[] { "3.3.200", "3.3.201", "3.3.202" }));
        Assert.That(rows[^1].IsStream, Is.True);
    }

    private static List<DocumentRow> ReadRows()
    {
        var path = Path.Combine(ReferenceData.Directory, "ECLIPSE-RELEASES.md");
        return File.ReadLines(path)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length == 6 && cells[1].Length > 0 && char.IsAsciiDigit(cells[1][0]))
            .Select(cells => new DocumentRow(
                Release: cells[1],
                Name: cells[2],
                Runtime: cells[3].Split(' ')[0],
                PlatformBundles: cells[4] == "–" ? [] : cells[4].Split(" / ")))
            .ToList();
    }
}
