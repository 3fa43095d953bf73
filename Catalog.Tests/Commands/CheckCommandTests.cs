using Catalog.Schema.Compatibility;
using Catalog.Search;
using Catalog.Server.Commands;
using Catalog.Tests.Support;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Catalog.Tests.Commands;

/// <summary>
/// <c>check</c> over a real SQLite file and a real Lucene index, each made by the commands themselves;
/// differences are planted behind the other's back and must be reported.
/// </summary>
public sealed class CheckCommandTests
{
    private string folder = null!;

    private string DatabasePath => Path.Combine(folder, "catalog.db");
    private string IndexPath => Path.Combine(folder, "index");

    [SetUp]
    public async Task SeedAndIndex()
    {
        folder = System.IO.Directory.CreateTempSubdirectory("catalog-check-").FullName;
        var seed = await CommandRun.InFolderAsync(folder, "seed");
        Assert.That(seed.ExitCode, Is.EqualTo(ExitCodes.Ok), seed.ToString);
        var reindex = await CommandRun.InFolderAsync(folder, "reindex");
        Assert.That(reindex.ExitCode, Is.EqualTo(ExitCodes.Ok), reindex.ToString);
    }

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Store_and_freshly_built_index_agree()
    {
        var run = await CommandRun.InFolderAsync(folder, "check");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString);
        Assert.That(run.Out, Does.Contain("Store and index agree."));
        Assert.That(run.Out, Does.Contain($"Store: {ListingIds().Count} listings"));
        Assert.That(run.Out, Does.Contain($"Index: {ListingIds().Count} listings"));
    }

    [Test]
    public async Task Document_deleted_from_the_index_is_reported_missing()
    {
        var victim = ListingIds()[1];
        await using (var index = OpenIndex())
            await index.DeleteAsync([victim], index.IndexedChangeNumber, CancellationToken.None);

        var run = await CommandRun.InFolderAsync(folder, "check");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Differences), run.ToString);
        Assert.That(DifferenceLines(run), Is.EqualTo(new[] { ("missing", victim) }));
        Assert.That(run.Out, Does.Contain("1 difference."));
    }

    [Test]
    public async Task Row_changed_in_sqlite_behind_the_index_is_reported_stale()
    {
        var victim = ListingIds()[0];
        Execute("UPDATE listings SET short_description = 'changed behind the index' WHERE id = @id", victim);

        var run = await CommandRun.InFolderAsync(folder, "check");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Differences), run.ToString);
        Assert.That(DifferenceLines(run), Is.EqualTo(new[] { ("stale", victim) }));
    }

    [Test]
    public async Task Tag_removed_in_sqlite_behind_the_index_is_reported_stale()
    {
        var tagged = Scalar("SELECT listing_id FROM listing_tags ORDER BY listing_id LIMIT 1");
        Execute("DELETE FROM listing_tags WHERE listing_id = @id", tagged);

        var run = await CommandRun.InFolderAsync(folder, "check");
        Assert.That(DifferenceLines(run), Is.EqualTo(new[] { ("stale", tagged) }), run.ToString);
    }

    [Test]
    public async Task Listing_deleted_from_sqlite_behind_the_index_is_reported_extra()
    {
        var victim = ListingIds()[^1];
        Execute("DELETE FROM featured WHERE listing_id = @id; DELETE FROM listings WHERE id = @id", victim);

        var run = await CommandRun.InFolderAsync(folder, "check");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Differences), run.ToString);
        Assert.That(DifferenceLines(run), Is.EqualTo(new[] { ("extra", victim) }));
    }

    [Test]
    public async Task Install_counts_do_not_make_the_index_stale()
    {
        Execute("UPDATE listings SET installs_total = installs_total + 1000 WHERE id = @id", ListingIds()[0]);
        var run = await CommandRun.InFolderAsync(folder, "check");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString);
    }

    [Test]
    public async Task Reindex_repairs_what_check_found()
    {
        await using (var index = OpenIndex())
            await index.DeleteAsync([ListingIds()[0]], index.IndexedChangeNumber, CancellationToken.None);
        Execute("UPDATE listings SET name = 'Renamed' WHERE id = @id", ListingIds()[1]);
        Assert.That((await CommandRun.InFolderAsync(folder, "check")).ExitCode, Is.EqualTo(ExitCodes.Differences));

        Assert.That((await CommandRun.InFolderAsync(folder, "reindex")).ExitCode, Is.EqualTo(ExitCodes.Ok));
        var run = await CommandRun.InFolderAsync(folder, "check");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString);
    }

    [Test]
    public async Task Missing_index_is_a_difference_and_check_does_not_create_one()
    {
        System.IO.Directory.Delete(IndexPath, recursive: true);
        var run = await CommandRun.InFolderAsync(folder, "check");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Differences), run.ToString);
        Assert.That(run.Out, Does.Contain("Index: unusable: there is no index"));
        Assert.That(System.IO.Directory.Exists(IndexPath), Is.False);
    }

    [Test]
    public async Task Index_of_an_older_format_is_a_difference_and_is_left_as_it_is()
    {
        using (var directory = FSDirectory.Open(IndexPath))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new StandardAnalyzer(LuceneVersion.LUCENE_48))))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["catalog.format"] = "1", ["catalog.change"] = "1" });
            writer.Commit();
        }
        var before = System.IO.Directory.GetFiles(IndexPath).Select(Path.GetFileName).Order().ToList();

        var run = await CommandRun.InFolderAsync(folder, "check");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Differences), run.ToString);
        Assert.That(run.Out, Does.Contain("its format version is 1"));
        Assert.That(System.IO.Directory.GetFiles(IndexPath).Select(Path.GetFileName).Order(), Is.EqualTo(before));
    }

    [Test]
    public async Task An_index_built_from_another_database_is_a_difference_and_a_server_rebuilds_it()
    {
        // The same seed in a second database: the same listings at the same change number, so only the
        // store's identity tells the index is not its own (changing only DatabasePath once paired them).
        var other = Path.Combine(folder, "other.db");
        var seed = await CommandRun.InFolderAsync(folder, "seed", $"--Catalog:Store:DatabasePath={other}");
        Assert.That(seed.ExitCode, Is.EqualTo(ExitCodes.Ok), seed.ToString);

        var run = await CommandRun.InFolderAsync(folder, "check", $"--Catalog:Store:DatabasePath={other}");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Differences), run.ToString);
        Assert.That(run.Out, Does.Contain("Index: built from another store"));

        await using (var app = await CatalogApplication.StartAsync(new Dictionary<string, string?>
                     {
                         ["Catalog:Store:DatabasePath"] = other,
                         ["Catalog:Search:IndexPath"] = IndexPath,
                     }, folder: folder))
        {
            Assert.That(app.Get<ISearchIndexer>().StoreId, Is.EqualTo(await app.Get<Catalog.Schema.Store.ICatalogStore>().GetStoreIdAsync(CancellationToken.None)));
        }
        var after = await CommandRun.InFolderAsync(folder, "check", $"--Catalog:Store:DatabasePath={other}");
        Assert.That(after.ExitCode, Is.EqualTo(ExitCodes.Ok), after.ToString);
        var own = await CommandRun.InFolderAsync(folder, "check");
        Assert.That(own.Out, Does.Contain("Index: built from another store"), "the first database's index is now the other's");
    }

    [Test]
    public async Task With_only_the_database_path_set_the_index_and_files_sit_beside_the_database()
    {
        var elsewhere = Path.Combine(folder, "elsewhere");
        var database = Path.Combine(elsewhere, "catalog.db");
        var seed = await CommandRun.RunAsync("seed", $"--Catalog:Store:DatabasePath={database}",
            $"--Catalog:Server:SeedDirectory={ReferenceData.SeedData}", "--Serilog:MinimumLevel:Default=Warning");
        Assert.That(seed.ExitCode, Is.EqualTo(ExitCodes.Ok), seed.ToString);
        var reindex = await CommandRun.RunAsync("reindex", $"--Catalog:Store:DatabasePath={database}", "--Serilog:MinimumLevel:Default=Warning");

        Assert.That(reindex.ExitCode, Is.EqualTo(ExitCodes.Ok), reindex.ToString);
        Assert.That(reindex.Out + reindex.Error, Does.Contain(Path.Combine(elsewhere, "index")));
        Assert.That(System.IO.Directory.Exists(Path.Combine(elsewhere, "index")), Is.True);
        Assert.That(System.IO.Directory.Exists(Path.Combine(Environment.CurrentDirectory, "data", "index")), Is.False, "nothing in the working folder");
    }

    [Test]
    public async Task No_database_is_a_failure_and_check_does_not_create_one()
    {
        var run = await CommandRun.InFolderAsync(folder, "check", $"--Catalog:Store:DatabasePath={Path.Combine(folder, "absent.db")}");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed), run.ToString);
        Assert.That(run.Error, Does.Contain("There is no database"));
        Assert.That(File.Exists(Path.Combine(folder, "absent.db")), Is.False);
    }

    [Test]
    public async Task Check_reads_the_index_of_a_running_server_and_sees_its_catch_up()
    {
        await using var app = await CatalogApplication.StartAsync(folder: folder);
        var run = await CommandRun.InFolderAsync(folder, "check");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString);
    }

    private LuceneSearchIndex OpenIndex() =>
        new(Options.Create(new SearchOptions { IndexPath = IndexPath }), ReleaseTable.Default);

    private static List<(string Kind, int Id)> DifferenceLines(CommandRun run) => run.Out
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Where(words => words.Length > 1 && words[0] is "missing" or "extra" or "stale" or "duplicate")
        .Select(words => (words[0], int.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();

    private List<int> ListingIds()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM listings ORDER BY id";
        using var reader = command.ExecuteReader();
        var ids = new List<int>();
        while (reader.Read())
            ids.Add(reader.GetInt32(0));
        return ids;
    }

    private int Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Execute(string sql, int id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@id", id);
        Assert.That(command.ExecuteNonQuery(), Is.GreaterThan(0), sql);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }
}
