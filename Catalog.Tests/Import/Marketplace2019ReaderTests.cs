using System.Globalization;
using System.Text.Json;
using Catalog.Schema.Content;
using Catalog.Schema.Import;
using Catalog.Tests.Support;

namespace Catalog.Tests.Import;

public sealed class Marketplace2019ReaderTests
{
    // Known rows of the real export, picked for what they exercise.
    private const string VagrantTooling = "af8ffb77-423e-4d1b-a84f-812f1f85c67f"; // 9 versions, two ending at 4.7
    private const string EcoreDocGen = "a73911b9-c2e4-4049-a22a-a35c5c5c20a8"; // install states "0" and "2"
    private const string AsmetaListing = "9c59d58a-d008-401f-88bd-161eb492f01f"; // install states "0" and "1"
    private const string ColaTestsConnector = "f73d87f6-cead-4100-801a-e3e82cad44b5"; // in three markets
    private const string InNoMarket = "a454627a-a95b-4630-b84f-657797bb09a4";
    private const string IotMarket = "2aa00a61-5759-4465-b25f-258e049f3bce";
    private const string EclipseProjectMarket = "49258050-fa70-4830-a843-8ea26ce21db6";
    private const string TrainingMarket = "58e61e47-e68d-4427-ac25-2c96d69c6731";

    private Marketplace2019Import real = null!;

    [OneTimeSetUp]
    public void ReadRealExport() => real = new Marketplace2019Reader().Read(ReferenceData.Marketplace2019);

    private CatalogContent Content => real.Content;

    private ListingSource RealListing(string key) => Content.Listings.Single(listing => listing.Key == key);

    private string MarketKey(string name) => Content.Markets.Single(market => market.Name == name).Key;

    [Test]
    public void Real_export_yields_every_listing_market_category_and_catalog()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Content.Listings, Has.Count.EqualTo(1664));
            Assert.That(Content.Markets, Has.Count.EqualTo(5));
            Assert.That(Content.Categories, Has.Count.EqualTo(52));
            Assert.That(Content.Catalogs, Has.Count.EqualTo(3));
            Assert.That(Content.Featured, Is.Empty);
            Assert.That(Content.News, Is.Empty);
        }
    }

    [Test]
    public void Real_export_keeps_every_version_that_names_its_listing()
    {
        Assert.That(Content.Listings.Sum(listing => listing.Versions.Count), Is.EqualTo(1967 - 364));
    }

    [Test]
    public void Real_export_reports_each_orphan_version_with_its_reason()
    {
        var orphans = real.Report.Of(ImportIssueKind.OrphanVersion).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(orphans, Has.Count.EqualTo(364));
            Assert.That(orphans.Select(issue => issue.Key).Distinct().Count(), Is.EqualTo(364));
            Assert.That(orphans, Has.All.Property(nameof(ImportIssue.Source)).EqualTo(Marketplace2019Reader.VersionsFile));
            Assert.That(orphans, Has.All.Property(nameof(ImportIssue.Reason)).Contains("listing_id is null"));
        }
    }

    [Test]
    public void Real_export_report_holds_only_the_known_quirks()
    {
        // The quirks of the December 2019 snapshot: orphans, ten listings named twice by the Eclipse Project
        // market, the three "embeded" catalog tabs, twelve nameless tags, and three doubled features.
        var expected = new Dictionary<ImportIssueKind, int>
        {
            [ImportIssueKind.OrphanVersion] = 364,
            [ImportIssueKind.DuplicateMarketListing] = 10,
            [ImportIssueKind.DuplicateFeature] = 3,
            [ImportIssueKind.EmptyTag] = 12,
            [ImportIssueKind.UnsupportedTab] = 3,
            [ImportIssueKind.CatalogUrlReplaced] = 1,
            [ImportIssueKind.UnusableIconHost] = 3,
        };
        Assert.That(real.Report.CountsByKind(), Is.EquivalentTo(expected));
    }

    [Test]
    public void Imported_catalogs_are_this_servers_and_the_report_says_what_was_replaced()
    {
        var replaced = real.Report.Of(ImportIssueKind.CatalogUrlReplaced).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Content.Catalogs.Select(catalog => catalog.Url), Has.All.Empty, "empty is this server's public base URL");
            Assert.That(replaced.Source, Is.EqualTo(Marketplace2019Reader.CatalogsFile));
            Assert.That(replaced.Key, Is.EqualTo("45b993c8-d1a3-48ad-8103-88f202e40bd5"));
            Assert.That(replaced.Reason, Does.Contain("'http://marketplace.eclipse.org'"));
        }
    }

    [Test]
    public void Imported_catalog_icons_on_a_development_host_are_reported_and_kept()
    {
        var icons = real.Report.Of(ImportIssueKind.UnusableIconHost).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(icons.Select(issue => issue.Key), Is.EquivalentTo(Content.Catalogs.Select(catalog => catalog.Key)));
            Assert.That(icons.Select(issue => issue.Reason), Has.All.Contains("marketplace.php55.dev.docker"));
            Assert.That(icons.Select(issue => issue.Reason), Has.All.Contains("'.docker'"));
            Assert.That(Content.Catalogs.Select(catalog => catalog.Icon), Has.All.StartsWith("https://marketplace.php55.dev.docker/"));
        }
    }

    [Test]
    public void The_operator_can_keep_the_exports_catalog_urls()
    {
        var kept = new Marketplace2019Reader { KeepCatalogUrls = true }.Read(ReferenceData.Marketplace2019);
        Assert.That(kept.Content.Catalogs.Select(catalog => catalog.Url), Has.One.EqualTo("http://marketplace.eclipse.org"));
        Assert.That(kept.Report.Count(ImportIssueKind.CatalogUrlReplaced), Is.Zero);
    }

    [Test]
    public void Real_export_maps_listing_fields()
    {
        var listing = RealListing("006bde91-fdb3-4120-9839-c487bb8a8fe2");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(listing.Name, Is.EqualTo("Simple Properties Editor"));
            Assert.That(listing.UrlTitle, Is.Null);
            Assert.That(listing.License, Is.EqualTo("MIT"));
            Assert.That(listing.Status, Is.EqualTo("Production/Stable"));
            Assert.That(listing.Favorites, Is.EqualTo(43));
            Assert.That(listing.Created, Is.EqualTo(new DateTimeOffset(2010, 12, 19, 23, 20, 12, TimeSpan.Zero)));
            Assert.That(listing.Changed, Is.EqualTo(new DateTimeOffset(2019, 2, 4, 18, 52, 25, TimeSpan.Zero)));
            Assert.That(listing.HomepageUrl, Is.EqualTo("https://github.com/gildur/SimplePropertiesEditor"));
            Assert.That(listing.Owner, Is.EqualTo("webdev"));
            Assert.That(listing.CompanyName, Is.Empty, "the anonymised organisation 'unknown' is no company");
            Assert.That(listing.Tags, Is.EqualTo(new[] { "unicode", "properties", "ASCII", "editor" }));
            Assert.That(listing.Categories, Is.EqualTo(new[] { "93690cbe-cbb7-407a-a4ab-bf4feaf854e6" }));
        }
    }

    [Test]
    public void Real_export_trims_titles_and_takes_the_first_screenshot()
    {
        var cmake = RealListing("00906a59-d448-4068-b7e7-f3e704964a65");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cmake.Screenshot, Is.EqualTo("https://marketplace.php55.dev.docker/sites/default/files/CommandCompletion_0.png"));
            Assert.That(RealListing(ColaTestsConnector).Name, Is.EqualTo("COLA Tests m2e Connector"));
            Assert.That(Content.Listings, Has.None.Matches<ListingSource?>(listing => listing!.Name != listing.Name.Trim()));
        }
    }

    [Test]
    public void Real_export_orders_listings_by_creation_then_key()
    {
        var expected = Content.Listings
            .OrderBy(listing => listing.Created)
            .ThenBy(listing => listing.Key, StringComparer.Ordinal)
            .Select(listing => listing.Key);
        Assert.That(Content.Listings.Select(listing => listing.Key), Is.EqualTo(expected));
    }

    [Test]
    public void Multi_version_listing_keeps_all_versions_broadest_newest_last()
    {
        var versions = RealListing(VagrantTooling).Versions;
        // Two versions end at 4.7; the version string breaks the tie, compared numerically.
        Assert.That(versions.Select(version => version.Version), Is.EqualTo(new[]
        {
            "2.1.0", "2.3.1", "3.2.1.201803061555", "4.0.0.201806122135", "4.0.1.201809121533",
            "4.1.0.201812121718", "4.2.0.201903121920", "4.3.0.201906121603", "4.4.0.201909110158",
        }));
    }

    [Test]
    public void Versions_order_by_newest_release_compared_numerically()
    {
        var versions = RealListing("d25b6cd5-bbd2-4ffa-8861-b32c26da8366").Versions; // Eclipse XML Editors and Tools
        using (Assert.EnterMultipleScope())
        {
            Assert.That(versions, Has.Count.EqualTo(13));
            Assert.That(versions[0].Version, Is.EqualTo("3.4.2"));
            Assert.That(versions[^1].Version, Is.EqualTo("3.16"));
            Assert.That(versions[^1].Releases[^1], Is.EqualTo("4.14"));
        }
    }

    [Test]
    public void Versions_ending_at_the_same_release_order_by_numeric_version_then_id()
    {
        using var export = new ExportDirectory();
        export.Write(Marketplace2019Reader.VersionsFile,
            ExportDirectory.Version("b", ExportDirectory.ListingKey).Replace("\"1.0\"", "\"1.10\"").Replace("/site", "/b"),
            ExportDirectory.Version("c", ExportDirectory.ListingKey).Replace("\"1.0\"", "\"1.9\""),
            ExportDirectory.Version("a", ExportDirectory.ListingKey).Replace("\"1.0\"", "\"1.10\"").Replace("/site", "/a"),
            ExportDirectory.Version("d", ExportDirectory.ListingKey).Replace("\"4.14\", ", ""));
        var versions = new Marketplace2019Reader().Read(export.Path).Content.Listings.Single().Versions;
        Assert.That(versions.Select(version => (version.Version, version.Releases[^1], version.UpdateSite)), Is.EqualTo(new[]
        {
            ("1.0", "4.7", "https://example.org/site"),
            ("1.9", "4.14", "https://example.org/site"),
            ("1.10", "4.14", "https://example.org/a"),
            ("1.10", "4.14", "https://example.org/b"),
        }));
    }

    [Test]
    public void Releases_are_sorted_numerically_and_distinct()
    {
        var version = RealListing(AsmetaListing).Versions.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(version.Releases, Is.EqualTo(new[] { "4.7", "4.8", "4.9", "4.10", "4.11", "4.12", "4.13", "4.14" }));
            Assert.That(Content.Listings.SelectMany(listing => listing.Versions), Has.All.Matches<VersionSource?>(version => ReleasesAscend(version!)));
        }
    }

    [Test]
    public void Null_version_string_becomes_empty()
    {
        var version = RealListing(AsmetaListing).Versions.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(version.Version, Is.Empty);
            Assert.That(version.UpdateSite, Is.EqualTo("http://svn.code.sf.net/p/asmeta/code/code/stable/asmeta_update/"));
            Assert.That(version.MinJava, Is.EqualTo("java_8"));
            Assert.That(version.Platforms, Is.EqualTo(new[] { "Windows", "Mac", "Linux/GTK" }));
        }
    }

    [Test]
    public void Install_state_0_is_required_1_optional_selected_2_optional_unselected()
    {
        var ecore = RealListing(EcoreDocGen).Versions
            .Single(version => version.UpdateSite == "http://static.incquerylabs.com/projects/ecoredocgen/release/");
        var asmeta = RealListing(AsmetaListing).Versions.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ecore.Features, Is.EqualTo(new[]
            {
                new FeatureSource("hu.bme.mit.ecoredocgen.feature", Required: true, Selected: true),
                new FeatureSource("hu.bme.mit.ecoredocgen.validation.feature", Required: false, Selected: false),
            }));
            Assert.That(asmeta.Features[0], Is.EqualTo(new FeatureSource("org.asmeta.asmee.feature", Required: true, Selected: true)));
            Assert.That(asmeta.Features[1], Is.EqualTo(new FeatureSource("org.asmeta.asmetasmv.feature", Required: false, Selected: true)));
        }
    }

    [Test]
    public void Market_membership_is_read_from_the_markets()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RealListing(ColaTestsConnector).Markets,
                Is.EquivalentTo(new[] { TrainingMarket, MarketKey("RCP Applications"), MarketKey("Tools") }));
            Assert.That(RealListing(InNoMarket).Markets, Is.Empty);
            Assert.That(MembersOf(IotMarket), Is.EqualTo(5));
            Assert.That(MembersOf(EclipseProjectMarket), Is.EqualTo(31), "41 ids of which 10 repeated");
            Assert.That(MembersOf(TrainingMarket), Is.EqualTo(14));
            Assert.That(MembersOf(MarketKey("RCP Applications")), Is.EqualTo(81));
            Assert.That(MembersOf(MarketKey("Tools")), Is.EqualTo(1593));
        }
    }

    [Test]
    public void Markets_take_their_slug_from_the_url()
    {
        Assert.That(Content.Markets.Select(market => market.Slug),
            Is.EquivalentTo(new[] { "iot", "eclipse-project", "training-consulting", "rcp-applications", "tools" }));
    }

    [Test]
    public void Categories_sit_in_the_markets_of_their_listings()
    {
        CategorySource Category(string name) => Content.Categories.Single(category => category.Name == name);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Category("Eclipse Kura").Markets, Is.EqualTo(new[] { IotMarket }));
            Assert.That(Category("Network").Markets, Is.EqualTo(new[] { MarketKey("Tools") }));
            Assert.That(Category("J2ME").Markets, Is.EquivalentTo(new[] { EclipseProjectMarket, MarketKey("Tools") }));
            Assert.That(Category("Eclipse SmartHome").Markets, Is.Empty, "no listing uses it");
            Assert.That(Category("Testing").Slug, Is.EqualTo("testing"));
        }
    }

    [Test]
    public void Catalog_tabs_map_to_protocol_kinds_and_embedded_tabs_are_reported()
    {
        var eclipse = Content.Catalogs.Single(catalog => catalog.Title == "Eclipse Marketplace");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(eclipse.Tabs, Is.EqualTo(new[]
            {
                new TabSource("popular", true, "Popular"),
                new TabSource("recent", true, "Recent"),
                new TabSource("search", true, "Search"),
            }));
            Assert.That(eclipse.WizardTitle, Is.EqualTo("Eclipse Marketplace"));
            Assert.That(eclipse.Url, Is.Empty, "an imported catalog is this server's");
            Assert.That(eclipse.SelfContained, Is.False);
            Assert.That(real.Report.Of(ImportIssueKind.UnsupportedTab).Select(issue => issue.Reason),
                Has.Some.Contains("Giving IoT an Edge"));
        }
    }

    [Test]
    public void Reading_twice_yields_identical_content()
    {
        var again = new Marketplace2019Reader().Read(ReferenceData.Marketplace2019);
        Assert.That(Canonical(again.Content), Is.EqualTo(Canonical(Content)));
    }

    [Test]
    public async Task Async_read_yields_the_same_content_and_report()
    {
        var viaAsync = await new Marketplace2019Reader().ReadAsync(ReferenceData.Marketplace2019);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Canonical(viaAsync.Content), Is.EqualTo(Canonical(Content)));
            Assert.That(viaAsync.Report.Issues, Is.EqualTo(real.Report.Issues));
        }
    }

    [Test]
    public void Small_export_imports_cleanly()
    {
        using var export = new ExportDirectory();
        var import = new Marketplace2019Reader().Read(export.Path);
        var listing = import.Content.Listings.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(import.Report.IsClean, Is.True, import.Report.ToString());
            Assert.That(listing.Markets, Is.EqualTo(new[] { ExportDirectory.MarketKey }));
            Assert.That(listing.Versions.Single().Releases, Is.EqualTo(new[] { "4.7", "4.14" }));
            Assert.That(import.Content.Categories.Single().Markets, Is.EqualTo(new[] { ExportDirectory.MarketKey }));
        }
    }

    [Test]
    public void Line_that_is_not_json_is_reported_and_the_rest_is_read()
    {
        using var export = new ExportDirectory();
        export.Write(Marketplace2019Reader.ListingsFile,
            ExportDirectory.Listing(ExportDirectory.ListingKey, "A Listing"),
            """{"_id": "broken", "title": """,
            "[1, 2]",
            ExportDirectory.Listing("listing-2", "Another"));
        var import = new Marketplace2019Reader().Read(export.Path);
        var invalid = import.Report.Of(ImportIssueKind.InvalidJson).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(import.Content.Listings.Select(listing => listing.Key), Is.EquivalentTo(new[] { ExportDirectory.ListingKey, "listing-2" }));
            Assert.That(invalid.Select(issue => issue.Key), Is.EqualTo(new[] { "line 2", "line 3" }));
            Assert.That(invalid, Has.All.Property(nameof(ImportIssue.Source)).EqualTo(Marketplace2019Reader.ListingsFile));
        }
    }

    [Test]
    public void Listing_without_title_is_skipped_and_so_are_its_versions()
    {
        using var export = new ExportDirectory();
        export.Write(Marketplace2019Reader.ListingsFile,
            ExportDirectory.Listing(ExportDirectory.ListingKey, "A Listing"),
            ExportDirectory.Listing("untitled", "  "),
            ExportDirectory.Listing("null-title", null));
        export.Write(Marketplace2019Reader.VersionsFile, ExportDirectory.Version("v-untitled", "untitled"));
        var import = new Marketplace2019Reader().Read(export.Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(import.Content.Listings.Select(listing => listing.Key), Is.EqualTo(new[] { ExportDirectory.ListingKey }));
            Assert.That(import.Report.Of(ImportIssueKind.MissingTitle).Select(issue => issue.Key), Is.EqualTo(new[] { "untitled", "null-title" }));
            Assert.That(import.Report.Of(ImportIssueKind.UnknownListing).Single(),
                Has.Property(nameof(ImportIssue.Key)).EqualTo("v-untitled").And.Property(nameof(ImportIssue.Reason)).Contains("was skipped"));
        }
    }

    [Test]
    public void Orphan_version_is_reported_and_left_out()
    {
        using var export = new ExportDirectory();
        export.Write(Marketplace2019Reader.VersionsFile,
            ExportDirectory.Version("version-1", ExportDirectory.ListingKey),
            ExportDirectory.Version("orphan", null));
        var import = new Marketplace2019Reader().Read(export.Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(import.Content.Listings.Single().Versions, Has.Count.EqualTo(1));
            Assert.That(import.Report.Issues, Is.EqualTo(new[]
            {
                new ImportIssue(ImportIssueKind.OrphanVersion, Marketplace2019Reader.VersionsFile, "orphan",
                    "listing_id is null: the version belongs to no listing"),
            }));
        }
    }

    [Test]
    public void Version_pointing_to_an_unknown_listing_is_reported_and_left_out()
    {
        using var export = new ExportDirectory();
        export.Write(Marketplace2019Reader.VersionsFile, ExportDirectory.Version("stray", "nowhere"));
        var import = new Marketplace2019Reader().Read(export.Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(import.Content.Listings.Single().Versions, Is.Empty);
            Assert.That(import.Report.Of(ImportIssueKind.UnknownListing).Single().Reason, Does.Contain("nowhere"));
        }
    }

    [Test]
    public void Unknown_category_reference_is_dropped_and_reported()
    {
        using var export = new ExportDirectory();
        export.Write(Marketplace2019Reader.ListingsFile,
            ExportDirectory.Listing(ExportDirectory.ListingKey, "A Listing", $"\"{ExportDirectory.CategoryKey}\", \"ghost\""));
        var import = new Marketplace2019Reader().Read(export.Path);
        var issue = import.Report.Of(ImportIssueKind.UnknownCategory).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(import.Content.Listings.Single().Categories, Is.EqualTo(new[] { ExportDirectory.CategoryKey }));
            Assert.That(issue.Key, Is.EqualTo(ExportDirectory.ListingKey));
            Assert.That(issue.Reason, Does.Contain("ghost"));
        }
    }

    [Test]
    public void Repeated_market_listing_counts_once_and_is_reported()
    {
        using var export = new ExportDirectory();
        export.Write(Marketplace2019Reader.MarketsFile,
            $$"""{"_id": "{{ExportDirectory.MarketKey}}", "title": "Tools", "url": "https://example.org/markets/tools", "listing_ids": ["{{ExportDirectory.ListingKey}}", "{{ExportDirectory.ListingKey}}", "gone"]}""");
        var import = new Marketplace2019Reader().Read(export.Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(import.Content.Listings.Single().Markets, Is.EqualTo(new[] { ExportDirectory.MarketKey }));
            Assert.That(import.Report.Count(ImportIssueKind.DuplicateMarketListing), Is.EqualTo(1));
            Assert.That(import.Report.Of(ImportIssueKind.UnknownListing).Single().Reason, Does.Contain("gone"));
        }
    }

    [Test]
    public void Unparseable_date_is_repaired_from_the_other_date_and_reported()
    {
        using var export = new ExportDirectory();
        export.Write(Marketplace2019Reader.ListingsFile,
            ExportDirectory.Listing(ExportDirectory.ListingKey, "A Listing", created: "yesterday"));
        var import = new Marketplace2019Reader().Read(export.Path);
        var listing = import.Content.Listings.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(listing.Created, Is.EqualTo(DateTimeOffset.Parse("2016-01-01T00:00:00Z", CultureInfo.InvariantCulture)));
            Assert.That(import.Report.Of(ImportIssueKind.UnparseableDate).Single().Reason, Does.Contain("yesterday"));
        }
    }

    [Test]
    public void Unknown_install_state_becomes_optional_selected_and_is_reported()
    {
        using var export = new ExportDirectory();
        export.Write(Marketplace2019Reader.VersionsFile, ExportDirectory.Version("version-1", ExportDirectory.ListingKey,
            """{"feature_id": "f.main", "install_state": "7"}, {"feature_id": "f.num", "install_state": 2}"""));
        var import = new Marketplace2019Reader().Read(export.Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(import.Content.Listings.Single().Versions.Single().Features, Is.EqualTo(new[]
            {
                new FeatureSource("f.main", Required: false, Selected: true),
                new FeatureSource("f.num", Required: false, Selected: false),
            }));
            Assert.That(import.Report.Of(ImportIssueKind.UnknownInstallState).Single().Reason, Does.Contain("'7'"));
        }
    }

    [Test]
    public void Field_of_the_wrong_type_falls_back_to_its_default_and_is_reported()
    {
        using var export = new ExportDirectory();
        export.Write(Marketplace2019Reader.ListingsFile,
            ExportDirectory.Listing(ExportDirectory.ListingKey, "A Listing").Replace("\"favorite_count\": 3", "\"favorite_count\": \"many\""));
        var import = new Marketplace2019Reader().Read(export.Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(import.Content.Listings.Single().Favorites, Is.Zero);
            Assert.That(import.Report.Of(ImportIssueKind.InvalidField).Single().Reason, Does.Contain("favorite_count"));
        }
    }

    [Test]
    public void Disabled_search_and_embedded_tabs_are_honoured()
    {
        using var export = new ExportDirectory();
        export.Write(Marketplace2019Reader.CatalogsFile,
            $$"""{"_id": "{{ExportDirectory.CatalogKey}}", "title": "Test", "search_enabled": false, "tabs": [{"title": "Search", "type": "search"}, {"title": "News", "type": "embeded"}, {"title": "Popular", "type": "default"}]}""");
        var import = new Marketplace2019Reader().Read(export.Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(import.Content.Catalogs.Single().Tabs, Is.EqualTo(new[]
            {
                new TabSource("search", false, "Search"),
                new TabSource("popular", true, "Popular"),
            }));
            Assert.That(import.Report.Of(ImportIssueKind.UnsupportedTab).Single().Key, Is.EqualTo(ExportDirectory.CatalogKey));
        }
    }

    [TestCase(Marketplace2019Reader.ListingsFile)]
    [TestCase(Marketplace2019Reader.VersionsFile)]
    [TestCase(Marketplace2019Reader.CatalogsFile)]
    public void Missing_file_fails_naming_the_file(string fileName)
    {
        using var export = new ExportDirectory();
        export.Delete(fileName);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new Marketplace2019Reader().Read(export.Path),
                Throws.TypeOf<FileNotFoundException>().With.Message.Contains(fileName));
            Assert.That(async () => await new Marketplace2019Reader().ReadAsync(export.Path),
                Throws.TypeOf<FileNotFoundException>().With.Message.Contains(fileName));
        }
    }

    [Test]
    public void Missing_directory_fails_naming_the_directory()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), "mp2019-absent-" + Guid.NewGuid().ToString("N"));
        Assert.That(() => new Marketplace2019Reader().Read(nowhere),
            Throws.TypeOf<DirectoryNotFoundException>().With.Message.Contains(nowhere));
    }

    [Test]
    public void File_that_is_not_gzip_fails_naming_the_file()
    {
        using var export = new ExportDirectory();
        export.WriteRaw(Marketplace2019Reader.MarketsFile, "{\"_id\": \"plain json\"}\n"u8.ToArray());
        Assert.That(() => new Marketplace2019Reader().Read(export.Path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains(Marketplace2019Reader.MarketsFile));
    }

    private int MembersOf(string marketKey) => Content.Listings.Count(listing => listing.Markets.Contains(marketKey));

    private static bool ReleasesAscend(VersionSource version)
    {
        var releases = version.Releases
            .Select(release => release.Split('.').Select(part => int.Parse(part, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
        return releases.Zip(releases.Skip(1)).All(pair =>
            pair.First[0] < pair.Second[0] || (pair.First[0] == pair.Second[0] && pair.First[1] < pair.Second[1]));
    }

    private static string Canonical(CatalogContent content) => JsonSerializer.Serialize(content);
}
