using Catalog.Schema.Compatibility;
using Catalog.Schema.Import;
using Catalog.Schema.Model;
using Catalog.Schema.Store;
using Catalog.Tests.Support;

namespace Catalog.Tests.Compatibility;

/// <summary>
/// The verdict stored beside each listing (what SQL lists filter on) is the resolver's, for every real
/// multi-version listing of the 2019 export and every release of the table: one rule, computed two ways.
/// </summary>
public sealed class OneCompatibilityRuleTests
{
    private static IReadOnlyList<IReadOnlyList<SolutionVersion>> versionSets = [];

    [OneTimeSetUp]
    public async Task ReadTheRealExport()
    {
        var import = await new Marketplace2019Reader().ReadAsync(ReferenceData.Marketplace2019);
        versionSets = [.. import.Content.Listings.Select(l => (IReadOnlyList<SolutionVersion>)[.. l.Versions.Select(v => v.ToModel())])];
    }

    [Test]
    public void Stored_installability_is_the_resolvers_choice_for_every_release()
    {
        var table = ReleaseTable.Default;
        Assert.That(versionSets.Count(v => v.Count > 1), Is.GreaterThan(50), "the export has multi-version listings to compare");
        foreach (var versions in versionSets)
        {
            var stored = ListingRowValues.Compute(versions, table);
            foreach (var release in table.All)
            {
                var choice = CompatibilityResolver.Choose(versions, release, os: null, table);
                var installable = choice.IsCompatible && choice.Index >= 0 && versions[choice.Index].IsInstallable;
                Assert.That(stored.Installable.Contains(release), Is.EqualTo(installable), $"{release.Version} of {string.Join(" | ", versions.Select(v => v.Version))}");
                Assert.That(stored.Supported.Contains(release), Is.EqualTo(choice.IsCompatible));
            }
        }
    }

    [Test]
    public void A_mask_lists_its_release_indexes_oldest_first()
    {
        var table = ReleaseTable.Default;
        var mask = ReleaseMask.Of(["4.38", "4.2", "3.5", "not a release", "4.2"], table);

        Assert.That(mask.Indexes, Is.EqualTo(new[] { "3.5", "4.2", "4.38" }.Select(v => table.FindByVersion(v)!.Index)));
        Assert.That(ReleaseMask.Empty.Indexes, Is.Empty);
    }
}
