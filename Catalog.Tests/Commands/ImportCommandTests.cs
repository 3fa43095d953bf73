using Catalog.Server.Commands;
using Catalog.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Catalog.Tests.Commands;

public sealed class ImportCommandTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("catalog-import-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Imports_the_2019_export_with_progress_and_a_summary_then_changes_nothing_the_second_time()
    {
        var first = await CommandRun.InFolderAsync(folder, "import", ReferenceData.Marketplace2019);

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.ToString);
        var read = System.Text.RegularExpressions.Regex.Match(first.Out, @"Read (\d+) listings");
        Assert.That(read.Success, first.ToString);
        var count = read.Groups[1].Value;
        Assert.That(first.Out, Does.Contain($"Listings: {count} added, 0 updated, 0 unchanged"));
        Assert.That(first.Out, Does.Match($@"Imported {count} listings in \d+\.\d s"));
        Assert.That(first.Error.TrimEnd().Split('\n')[^1], Is.EqualTo($"written {count}/{count} listings (100%)"));
        Assert.That(first.Out, Does.Contain("CatalogUrlReplaced catalogs.jsonl.gz 45b993c8-d1a3-48ad-8103-88f202e40bd5: url 'http://marketplace.eclipse.org' replaced"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(first.Out, @"UnusableIconHost catalogs\.jsonl\.gz .*php55\.dev\.docker").Count, Is.EqualTo(3), first.Out);

        var second = await CommandRun.InFolderAsync(folder, "import", ReferenceData.Marketplace2019);
        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Ok), second.ToString);
        Assert.That(second.Out, Does.Contain($"Listings: 0 added, 0 updated, {count} unchanged"));
        Assert.That(second.Out, Does.Contain("Nothing changed."));

        // The index follows the store once something builds it, and then agrees with it.
        Assert.That((await CommandRun.InFolderAsync(folder, "reindex")).ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That((await CommandRun.InFolderAsync(folder, "check")).ExitCode, Is.EqualTo(ExitCodes.Ok));
    }

    [Test]
    public async Task Imports_beside_the_demo_seed_giving_taken_slugs_the_next_free_one()
    {
        var seeded = await CommandRun.InFolderAsync(folder, "seed", ReferenceData.SeedData);
        Assert.That(seeded.ExitCode, Is.EqualTo(ExitCodes.Ok), seeded.ToString);

        var imported = await CommandRun.InFolderAsync(folder, "import", ReferenceData.Marketplace2019);

        Assert.That(imported.ExitCode, Is.EqualTo(ExitCodes.Ok), imported.ToString);
        Assert.That(imported.Error, Does.Not.Contain("Exception").And.Not.Contain("UNIQUE"), imported.ToString);
        Assert.That(imported.Out, Does.Match(@"warning: market \S+: slug '([a-z0-9-]+)' is taken, using '\1-2'"), imported.ToString);
        var again = await CommandRun.InFolderAsync(folder, "import", ReferenceData.Marketplace2019);
        Assert.That(again.Out, Does.Contain("Nothing changed."), again.ToString);
        Assert.That(again.Out, Does.Not.Contain("is taken"), "an unchanged term is not written, so not warned about again");
        Assert.That((await CommandRun.InFolderAsync(folder, "reindex")).ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That((await CommandRun.InFolderAsync(folder, "check")).ExitCode, Is.EqualTo(ExitCodes.Ok));
    }

    [Test]
    public async Task Unreadable_export_folder_is_a_failure()
    {
        var run = await CommandRun.InFolderAsync(folder, "import", Path.Combine(folder, "no-such-export"));
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed), run.ToString);
        Assert.That(run.Error, Does.Contain("Cannot read the export"));
    }
}
