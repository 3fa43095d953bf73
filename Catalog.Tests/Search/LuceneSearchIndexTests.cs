using Catalog.Schema.Compatibility;
using Catalog.Schema.Model;
using Catalog.Search;
using static Catalog.Tests.Search.SearchListings;

namespace Catalog.Tests.Search;

public sealed class LuceneSearchIndexTests
{
    private const int Tools = 10;
    private const int Languages = 11;
    private const int EclipseMarket = 100;

    private static readonly EclipseRelease Oxygen = ReleaseTable.Default.FindByVersion("4.7")!;
    private static readonly EclipseRelease Photon = ReleaseTable.Default.FindByVersion("4.8")!;

    private TemporarySearchIndex index = null!;

    private static IReadOnlyList<Listing> Fixtures() =>
    [
        Make(1, "Checkstyle Plug-in", "Checks <strong>Java</strong> code style", tags: ["java", "quality"],
            categories: [Tools], markets: [EclipseMarket], releases: ["4.7", "4.8"], installs: 500, favorites: 40),
        Make(2, "Style Helper", "Mentions checkstyle in its description only", categories: [Tools], markets: [EclipseMarket],
            releases: ["4.8"], installs: 900),
        Make(3, "YAML Editors", "Editing <em>YAML</em> files", body: "<p>Uses <strong>bold</strong> &amp; colour</p>",
            categories: [Languages], markets: [EclipseMarket], status: "Beta", license: "Apache 2.0", releases: ["4.7"], installs: 20),
        Make(4, "Éclair Tools", "Café utilities for the kitchen", categories: [Tools], license: "Apache 2.0", installs: 10),
        Make(5, "Markdown Editor", "An editor for markdown", categories: [Languages, Tools], markets: [EclipseMarket],
            status: "Beta", releases: ["4.8"], installs: 300, favorites: 5),
        Make(6, "Python Development", "Python IDE", categories: [Languages], license: "Commercial", installs: 800, favorites: 1),
    ];

    [SetUp]
    public async Task CreateIndex() => index = await TemporarySearchIndex.CreateAsync(Fixtures(), changeNumber: 7);

    [TearDown]
    public async Task DeleteIndex() => await index.DisposeAsync();

    [Test]
    public void Exact_name_comes_first()
    {
        var result = index.Search("checkstyle plug-in");
        Assert.That(result.ListingIds, Is.EqualTo(new[] { 1 }));
        Assert.That(index.Search("Markdown Editor").ListingIds[0], Is.EqualTo(5));
    }

    [Test]
    public void Name_match_ranks_above_description_match_despite_fewer_installs()
    {
        Assert.That(index.Search("checkstyle").ListingIds, Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Plural_finds_singular_through_stemming()
    {
        Assert.That(index.Search("editors").ListingIds, Is.EquivalentTo(new[] { 3, 5 }));
        Assert.That(index.Search("editor").ListingIds, Is.EquivalentTo(new[] { 3, 5 }));
    }

    [Test]
    public void Accents_are_folded_both_ways()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.Search("eclair").ListingIds, Is.EqualTo(new[] { 4 }));
            Assert.That(index.Search("ÉCLAIR").ListingIds, Is.EqualTo(new[] { 4 }));
            Assert.That(index.Search("cafe").ListingIds, Is.EqualTo(new[] { 4 }));
        }
    }

    [Test]
    public void Html_markup_is_not_searchable_but_its_text_is()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.Search("strong").TotalCount, Is.Zero);
            Assert.That(index.Search("em").TotalCount, Is.Zero);
            Assert.That(index.Search("bold").ListingIds, Is.EqualTo(new[] { 3 }));
            Assert.That(index.Search("colour").ListingIds, Is.EqualTo(new[] { 3 }));
            Assert.That(index.Search("amp").TotalCount, Is.Zero);
        }
    }

    [Test]
    public void Every_word_must_match_somewhere()
    {
        Assert.That(index.Search("markdown editor").ListingIds, Is.EqualTo(new[] { 5 }));
        Assert.That(index.Search("markdown python").TotalCount, Is.Zero);
    }

    [Test]
    public async Task Name_made_of_stop_words_is_found_by_its_exact_name()
    {
        await index.Index.IndexAsync([Make(7, "To Be")], 8, CancellationToken.None);
        Assert.That(index.Search("to be").ListingIds, Is.EqualTo(new[] { 7 }));
        Assert.That(index.Search("the").TotalCount, Is.Zero);
    }

    [Test]
    public void Misspelled_name_falls_back_to_fuzzy_matching()
    {
        Assert.That(index.Search("chekstyle").ListingIds, Does.Contain(1));
        Assert.That(index.Search("pyhton").ListingIds, Is.EqualTo(new[] { 6 }));
    }

    [Test]
    public void Typo_tolerance_can_be_turned_off_for_exact_counts()
    {
        var exact = index.Index.Search(new SearchRequest("chekstyle", [], [], [], null, null, 0, 0) { TypoTolerant = false });

        Assert.That(exact.TotalCount, Is.Zero);
        Assert.That(index.Index.Search(new SearchRequest("checkstyle", [], [], [], null, null, 0, 0) { TypoTolerant = false }).TotalCount, Is.EqualTo(2));
    }

    [Test]
    public void Misspelled_word_matches_in_every_field_and_again_when_its_automata_are_reused()
    {
        // One word's automata are built for the name field and reused for the description and tags, then
        // reused whole by the second search.
        var first = index.Search("chekstyle").ListingIds;
        var second = index.Search("chekstyle").ListingIds;
        var shorter = index.Search("pyhton").ListingIds;

        Assert.That(first, Is.EquivalentTo(new[] { 1, 2 }), "the name of 1, the description of 2");
        Assert.That(second, Is.EqualTo(first));
        Assert.That(shorter, Is.EqualTo(new[] { 6 }), "another word gets automata of its own");
    }

    [Test]
    public void Partly_typed_name_falls_back_to_prefix_matching()
    {
        Assert.That(index.Search("markd").ListingIds, Is.EqualTo(new[] { 5 }));
    }

    [Test]
    public void Empty_text_browses_by_installs_then_favorites()
    {
        var result = index.Search("");
        Assert.That(result.ListingIds, Is.EqualTo(new[] { 2, 6, 1, 5, 3, 4 }));
        Assert.That(result.TotalCount, Is.EqualTo(6));
    }

    [Test]
    public void Equally_good_name_matches_are_ordered_by_installs()
    {
        // Both names hold "editor" once; the longer description of 3 must not matter.
        Assert.That(index.Search("editor").ListingIds, Is.EqualTo(new[] { 5, 3 }));
    }

    [Test]
    public void Browsing_a_facet_orders_by_installs()
    {
        Assert.That(index.Search("", terms: [Languages]).ListingIds, Is.EqualTo(new[] { 6, 5, 3 }));
    }

    [Test]
    public void Tid_facet_alone_filters_by_category_or_market()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.Search("", terms: [Tools]).ListingIds, Is.EquivalentTo(new[] { 1, 2, 4, 5 }));
            Assert.That(index.Search("", terms: [EclipseMarket]).ListingIds, Is.EquivalentTo(new[] { 1, 2, 3, 5 }));
        }
    }

    [Test]
    public void Two_tids_narrow_to_listings_in_both()
    {
        Assert.That(index.Search("", terms: [Languages, Tools]).ListingIds, Is.EqualTo(new[] { 5 }));
        Assert.That(index.Search("", terms: [Languages, EclipseMarket]).ListingIds, Is.EquivalentTo(new[] { 3, 5 }));
    }

    [Test]
    public void Status_facet_matches_exact_values_any_of()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.Search("", statuses: ["Beta"]).ListingIds, Is.EquivalentTo(new[] { 3, 5 }));
            Assert.That(index.Search("", statuses: ["beta"]).TotalCount, Is.Zero);
            Assert.That(index.Search("", statuses: ["Beta", "Production/Stable"]).TotalCount, Is.EqualTo(6));
        }
    }

    [Test]
    public void License_facet_matches_exact_values()
    {
        Assert.That(index.Search("", licenses: ["Apache 2.0"]).ListingIds, Is.EquivalentTo(new[] { 3, 4 }));
        Assert.That(index.Search("", licenses: ["Commercial", "EPL"]).ListingIds, Is.EquivalentTo(new[] { 1, 2, 5, 6 }));
    }

    [Test]
    public void Facets_and_text_combine()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.Search("editor", terms: [Languages], statuses: ["Beta"], licenses: ["Apache 2.0"]).ListingIds, Is.EqualTo(new[] { 3 }));
            Assert.That(index.Search("editor", terms: [Tools], statuses: ["Beta"]).ListingIds, Is.EqualTo(new[] { 5 }));
            Assert.That(index.Search("editor", terms: [Tools], licenses: ["Apache 2.0"]).TotalCount, Is.Zero);
        }
    }

    [Test]
    public void Facets_do_not_change_the_order_of_matches()
    {
        var plain = index.Search("checkstyle").ListingIds;
        var faceted = index.Search("checkstyle", terms: [Tools], statuses: ["Production/Stable"]).ListingIds;
        Assert.That(faceted, Is.EqualTo(plain));
    }

    [Test]
    public void Release_filter_leaves_out_listings_without_a_version_for_it()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.Search("", release: Oxygen).ListingIds, Is.EquivalentTo(new[] { 1, 3 }));
            Assert.That(index.Search("", release: Photon).ListingIds, Is.EquivalentTo(new[] { 1, 2, 5 }));
            Assert.That(index.Search("checkstyle", release: Oxygen).ListingIds, Is.EqualTo(new[] { 1 }));
            Assert.That(index.Search("checkstyle", release: Oxygen).TotalCount, Is.EqualTo(1));
            Assert.That(index.Search("", release: ReleaseTable.Default.Newest).TotalCount, Is.Zero);
        }
    }

    [Test]
    public void Paging_walks_through_all_matches_without_overlap()
    {
        var first = index.Search("", offset: 0, limit: 4);
        var second = index.Search("", offset: 4, limit: 4);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.ListingIds, Has.Count.EqualTo(4));
            Assert.That(second.ListingIds, Has.Count.EqualTo(2));
            Assert.That(first.ListingIds.Concat(second.ListingIds), Is.EqualTo(index.Search("").ListingIds));
            Assert.That(second.TotalCount, Is.EqualTo(6));
        }
    }

    [Test]
    public void Offset_past_the_end_gives_no_ids_but_the_full_count()
    {
        var result = index.Search("", offset: 100, limit: 10);
        Assert.That(result.ListingIds, Is.Empty);
        Assert.That(result.TotalCount, Is.EqualTo(6));
        Assert.That(index.Search("editor", offset: int.MaxValue - 5, limit: 10).TotalCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Index_replaces_a_listing_with_the_same_id()
    {
        await index.Index.IndexAsync([Make(1, "Renamed Thing")], 8, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.Search("checkstyle").ListingIds, Is.EqualTo(new[] { 2 }));
            Assert.That(index.Search("renamed").ListingIds, Is.EqualTo(new[] { 1 }));
            Assert.That(index.Search("").TotalCount, Is.EqualTo(6));
            Assert.That(index.Index.IndexedChangeNumber, Is.EqualTo(8));
        }
    }

    [Test]
    public async Task Delete_removes_listings_and_ignores_unknown_ids()
    {
        await index.Index.DeleteAsync([1, 99], 9, CancellationToken.None);
        Assert.That(index.Search("checkstyle").ListingIds, Is.EqualTo(new[] { 2 }));
        Assert.That(index.Index.IndexedChangeNumber, Is.EqualTo(9));
    }

    [Test]
    public async Task Rebuild_replaces_everything()
    {
        await index.Index.RebuildAsync(new[] { Make(42, "Only One") }.ToAsyncEnumerable(), 50, "test-store", CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.Search("").ListingIds, Is.EqualTo(new[] { 42 }));
            Assert.That(index.Index.IndexedChangeNumber, Is.EqualTo(50));
        }
    }

    [Test]
    public async Task Failed_rebuild_drops_the_change_number_to_zero()
    {
        Assert.That(
            async () => await index.Index.RebuildAsync(Failing(), 50, "test-store", CancellationToken.None),
            Throws.InvalidOperationException);
        Assert.That(index.Index.IndexedChangeNumber, Is.Zero);
        await index.ReopenAsync();
        Assert.That(index.Index.IndexedChangeNumber, Is.Zero);

        static async IAsyncEnumerable<Listing> Failing()
        {
            yield return Make(42, "Half");
            await Task.Yield();
            throw new InvalidOperationException("store went away");
        }
    }

    [Test]
    public async Task Reopening_keeps_documents_and_change_number()
    {
        await index.ReopenAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.Index.IndexedChangeNumber, Is.EqualTo(7));
            Assert.That(index.Index.RecreatedBecause, Is.Null);
            Assert.That(index.Search("checkstyle").ListingIds, Is.EqualTo(new[] { 1, 2 }));
        }
    }

    [Test]
    public async Task Corrupt_index_is_recreated_empty()
    {
        await index.ReopenAsync(path =>
        {
            foreach (var file in Directory.GetFiles(path, "segments*"))
                File.WriteAllBytes(file, "this is not a Lucene index"u8.ToArray());
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.Index.IndexedChangeNumber, Is.Zero);
            Assert.That(index.Index.RecreatedBecause, Does.StartWith("unreadable"));
            Assert.That(index.Search("").TotalCount, Is.Zero);
        }
        await index.Index.IndexAsync(Fixtures(), 3, CancellationToken.None);
        Assert.That(index.Search("").TotalCount, Is.EqualTo(6));
    }

    [Test]
    public async Task Damaged_segment_data_is_recreated_empty()
    {
        await index.ReopenAsync(path =>
        {
            foreach (var file in Directory.GetFiles(path, "_*"))
                File.WriteAllBytes(file, new byte[64]);
        });
        Assert.That(index.Index.IndexedChangeNumber, Is.Zero);
        Assert.That(index.Search("").TotalCount, Is.Zero);
    }

    [Test]
    public async Task Index_without_a_current_format_version_is_recreated_empty()
    {
        await index.ReopenAsync(path =>
        {
            using var directory = Lucene.Net.Store.FSDirectory.Open(path);
            using var writer = new Lucene.Net.Index.IndexWriter(directory,
                new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer()));
            writer.SetCommitData(new Dictionary<string, string> { ["catalog.format"] = "0", ["catalog.change"] = "7" });
            writer.Commit();
        });
        Assert.That(index.Index.IndexedChangeNumber, Is.Zero);
        Assert.That(index.Index.RecreatedBecause, Does.Contain("format version is 0"));
        Assert.That(index.Search("").TotalCount, Is.Zero);
    }

    [Test]
    public async Task Searches_run_safely_while_the_index_is_written()
    {
        var more = Enumerable.Range(100, 200).Select(id => Make(id, $"Generated Tool {id}", "generated editor")).ToList();
        var writes = Task.Run(async () =>
        {
            foreach (var batch in more.Chunk(10))
                await index.Index.IndexAsync(batch, 10 + batch[0].Id, CancellationToken.None);
        });
        var reads = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            var last = 0;
            for (var i = 0; i < 200; i++)
            {
                var count = index.Search("generated").TotalCount;
                // Commits only add, so a later search never sees fewer.
                Assert.That(count, Is.GreaterThanOrEqualTo(last));
                last = count;
                index.Search("editor", terms: [Tools], offset: i % 3);
            }
        }));
        await Task.WhenAll(reads.Append(writes));
        Assert.That(index.Search("generated").TotalCount, Is.EqualTo(200));
        Assert.That(index.Search("").TotalCount, Is.EqualTo(206));
        Assert.That(index.Index.IndexedChangeNumber, Is.EqualTo(10 + 290));
    }

    [Test]
    public void Search_after_dispose_throws_object_disposed()
    {
        index.Index.Dispose();
        index.Index.Dispose();
        Assert.That(() => index.Search("x"), Throws.TypeOf<ObjectDisposedException>());
    }
}
