using System.Globalization;
using System.Text.Json;
using Catalog.Schema.Content;

namespace Catalog.Schema.Import;

/// <summary>
/// Turns the five files of the 2019 export into <see cref="CatalogContent"/>. One instance serves one import:
/// it holds that import's issue log. Every output list is sorted on keys or dates rather than left in file
/// order, so a re-export of the same data in another order still yields the same ids on an empty store.
/// </summary>
internal sealed class Marketplace2019Converter(bool keepCatalogUrls, CancellationToken ct)
{
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    private readonly ImportIssueLog log = new();

    public Marketplace2019Import Convert(Marketplace2019Export export)
    {
        var categories = ReadCategories(export.Categories);
        var markets = ReadMarkets(export.Markets);
        var (listings, skippedListings) = ReadListings(export.Listings, categories);
        var versions = ReadVersions(export.Versions, listings, skippedListings);
        var membership = InvertMarkets(export.Markets.Name, markets, listings, skippedListings);

        var finished = listings.Values
            .Select(listing => listing with
            {
                Versions = versions.TryGetValue(listing.Key, out var own) ? SolutionVersionOrder.Apply(own) : [],
                Markets = membership.TryGetValue(listing.Key, out var held) ? [.. held] : [],
            })
            .OrderBy(listing => listing.Created)
            .ThenBy(listing => listing.Key, StringComparer.Ordinal)
            .ToList();

        var content = new CatalogContent
        {
            Catalogs = ReadCatalogs(export.Catalogs),
            Markets = [.. markets.Values.Select(market => market.Source)],
            Categories = WithMarkets(categories, finished),
            Listings = finished,
        };
        return new Marketplace2019Import(content, log.ToReport());
    }

    private SortedDictionary<string, CategorySource> ReadCategories(ExportFile file)
    {
        var categories = new SortedDictionary<string, CategorySource>(StringComparer.Ordinal);
        foreach (var row in Rows(file))
        {
            if (Title(row) is not { } name)
                continue;
            categories.Add(row.Key, new CategorySource(row.Key, name, Slug(row, name)));
        }
        return categories;
    }

    private SortedDictionary<string, ExportMarket> ReadMarkets(ExportFile file)
    {
        var markets = new SortedDictionary<string, ExportMarket>(StringComparer.Ordinal);
        foreach (var row in Rows(file))
        {
            if (Title(row) is not { } name)
                continue;
            var listingIds = row.Strings("listing_ids").Select(id => id.Trim()).ToList();
            markets.Add(row.Key, new ExportMarket(new MarketSource(row.Key, name, Slug(row, name)), listingIds));
        }
        return markets;
    }

    private (Dictionary<string, ListingSource> Listings, HashSet<string> Skipped) ReadListings(
        ExportFile file, IReadOnlyDictionary<string, CategorySource> categories)
    {
        var listings = new Dictionary<string, ListingSource>(StringComparer.Ordinal);
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in Rows(file))
        {
            if (Title(row) is not { } name)
            {
                skipped.Add(row.Key);
                continue;
            }
            var (created, changed) = Dates(row);
            var company = row.Object("organization")?.String("name")?.Trim() ?? "";
            listings.Add(row.Key, new ListingSource
            {
                Key = row.Key,
                Name = name,
                ShortDescription = row.String("teaser") ?? "",
                Body = row.String("body") ?? "",
                License = row.String("license_type")?.Trim() ?? "",
                Status = row.String("status")?.Trim() ?? "",
                Created = created,
                Changed = changed,
                Favorites = row.Int("favorite_count") ?? 0,
                FoundationMember = row.Bool("member_company") ?? false,
                HomepageUrl = row.String("homepage_url")?.Trim() ?? "",
                SupportUrl = row.String("support_url")?.Trim() ?? "",
                Categories = CategoryKeys(row, categories),
                Tags = Tags(row),
                Screenshot = row.Strings("screenshots").Select(url => url.Trim()).FirstOrDefault(url => url.Length > 0) ?? "",
                Owner = row.Objects("authors").Select(author => author.String("full_name")?.Trim()).FirstOrDefault() ?? "",
                // The anonymised export replaced every organisation by "unknown", which is no company name.
                CompanyName = company.Equals("unknown", StringComparison.OrdinalIgnoreCase) ? "" : company,
            });
        }
        return (listings, skipped);
    }

    private Dictionary<string, List<LinkedVersion>> ReadVersions(
        ExportFile file, IReadOnlyDictionary<string, ListingSource> listings, IReadOnlySet<string> skippedListings)
    {
        var byListing = new Dictionary<string, List<LinkedVersion>>(StringComparer.Ordinal);
        foreach (var row in Rows(file))
        {
            var listingKey = row.String("listing_id")?.Trim();
            if (string.IsNullOrEmpty(listingKey))
            {
                row.Report(ImportIssueKind.OrphanVersion, "listing_id is null: the version belongs to no listing");
                continue;
            }
            if (!listings.ContainsKey(listingKey))
            {
                row.Report(ImportIssueKind.UnknownListing, MissingListingReason(listingKey, skippedListings));
                continue;
            }
            var (releases, newest) = Releases(row);
            var source = new VersionSource
            {
                Version = row.String("version")?.Trim() ?? "",
                UpdateSite = row.String("update_site_url")?.Trim() ?? "",
                Releases = releases,
                Platforms = [.. row.Strings("platforms").Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)],
                MinJava = row.String("min_java_version")?.Trim() ?? "",
                Features = Features(row),
            };
            if (!byListing.TryGetValue(listingKey, out var own))
                byListing.Add(listingKey, own = []);
            own.Add(new LinkedVersion(row.Key, listingKey, source, newest));
        }
        return byListing;
    }

    /// <summary>
    /// The export records market membership on the markets (<c>listing_ids</c>); the listings' own
    /// <c>market_ids</c> are all empty, so membership is turned around here.
    /// </summary>
    private Dictionary<string, SortedSet<string>> InvertMarkets(
        string source,
        SortedDictionary<string, ExportMarket> markets,
        IReadOnlyDictionary<string, ListingSource> listings,
        IReadOnlySet<string> skippedListings)
    {
        var membership = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (marketKey, market) in markets)
        {
            foreach (var group in market.ListingIds.GroupBy(id => id, StringComparer.Ordinal))
            {
                var listingKey = group.Key;
                var times = group.Count();
                if (times > 1)
                    log.Add(ImportIssueKind.DuplicateMarketListing, source, marketKey, $"listing {listingKey} is named {times} times; kept once");
                if (!listings.ContainsKey(listingKey))
                {
                    log.Add(ImportIssueKind.UnknownListing, source, marketKey, MissingListingReason(listingKey, skippedListings));
                    continue;
                }
                if (!membership.TryGetValue(listingKey, out var held))
                    membership.Add(listingKey, held = new SortedSet<string>(StringComparer.Ordinal));
                held.Add(marketKey);
            }
        }
        return membership;
    }

    /// <summary>
    /// The export ties categories to markets only through listings, so a category sits in every market that
    /// holds at least one of its listings; a category no listed listing uses sits in none.
    /// </summary>
    private static List<CategorySource> WithMarkets(
        SortedDictionary<string, CategorySource> categories, IReadOnlyList<ListingSource> listings)
    {
        var marketsOf = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var listing in listings)
        {
            foreach (var category in listing.Categories)
            {
                if (!marketsOf.TryGetValue(category, out var markets))
                    marketsOf.Add(category, markets = new SortedSet<string>(StringComparer.Ordinal));
                markets.UnionWith(listing.Markets);
            }
        }
        return [.. categories.Values.Select(category =>
            category with { Markets = marketsOf.TryGetValue(category.Key, out var markets) ? [.. markets] : [] })];
    }

    private List<CatalogSource> ReadCatalogs(ExportFile file)
    {
        var catalogs = new List<CatalogSource>();
        foreach (var row in Rows(file))
        {
            if (Title(row) is not { } title)
                continue;
            var icon = row.String("icon")?.Trim() ?? "";
            if (icon.Length > 0 && UnusableHost.Why(icon) is { } why)
                row.Report(ImportIssueKind.UnusableIconHost, $"icon '{icon}' {why}");
            catalogs.Add(new CatalogSource
            {
                Key = row.Key,
                Title = title,
                Url = CatalogUrl(row),
                Icon = icon,
                SelfContained = row.Bool("self_contained") ?? false,
                DependenciesRepository = row.String("dependencies_repository")?.Trim() ?? "",
                WizardTitle = title,
                Tabs = Tabs(row),
            });
        }
        return [.. catalogs.OrderBy(catalog => catalog.Key, StringComparer.Ordinal)];
    }

    /// <summary>An imported catalog is this server's catalog: empty means our public base URL.</summary>
    private string CatalogUrl(JsonRow row)
    {
        var url = row.String("url")?.Trim() ?? "";
        if (keepCatalogUrls || url.Length == 0)
            return url;
        row.Report(ImportIssueKind.CatalogUrlReplaced, $"url '{url}' replaced by this server's public base URL (import --keep-catalog-urls keeps it)");
        return "";
    }

    /// <summary>
    /// The protocol knows search, popular and recent tabs (and featured-market and related ones the export does not
    /// have). The export's "embeded" tabs show a web page inside the client, which the protocol cannot express.
    /// </summary>
    private static List<TabSource> Tabs(JsonRow row)
    {
        var searchEnabled = row.Bool("search_enabled") ?? true;
        var tabs = new List<TabSource>();
        foreach (var tab in row.Objects("tabs"))
        {
            var type = tab.String("type")?.Trim() ?? "";
            var label = tab.String("title")?.Trim() ?? "";
            var kind = type.ToLowerInvariant() switch
            {
                "search" => "search",
                "default" when label.Equals("Popular", StringComparison.OrdinalIgnoreCase) => "popular",
                "default" when label.Equals("Recent", StringComparison.OrdinalIgnoreCase) => "recent",
                _ => null,
            };
            if (kind is null)
            {
                row.Report(ImportIssueKind.UnsupportedTab, $"tab '{label}' of type '{type}' has no counterpart in the catalog protocol; dropped");
                continue;
            }
            tabs.Add(new TabSource(kind, kind != "search" || searchEnabled, label));
        }
        return tabs;
    }

    private static List<string> CategoryKeys(JsonRow row, IReadOnlyDictionary<string, CategorySource> categories)
    {
        var keys = new List<string>();
        foreach (var key in row.Strings("category_ids").Select(id => id.Trim()).Distinct(StringComparer.Ordinal))
        {
            if (categories.ContainsKey(key))
                keys.Add(key);
            else
                row.Report(ImportIssueKind.UnknownCategory, $"category {key} is not in categories.jsonl.gz (or was skipped); reference dropped");
        }
        return keys;
    }

    private static List<string> Tags(JsonRow row)
    {
        var tags = new List<string>();
        foreach (var tag in row.Objects("tags"))
        {
            var name = tag.String("name")?.Trim();
            if (string.IsNullOrEmpty(name))
                row.Report(ImportIssueKind.EmptyTag, $"tag {tag.String("id") ?? "without id"} has no name; dropped");
            else if (!tags.Contains(name, StringComparer.Ordinal))
                tags.Add(name);
        }
        return tags;
    }

    private static (List<string> Releases, ReleaseNumber? Newest) Releases(JsonRow row)
    {
        var releases = new Dictionary<string, ReleaseNumber>(StringComparer.Ordinal);
        foreach (var text in row.Strings("compatible_versions"))
        {
            if (ReleaseNumber.TryParse(text, out var release))
                releases.TryAdd(release.ToString(), release);
            else
                row.Report(ImportIssueKind.UnparseableRelease, $"compatible version '{text}' is not major.minor; dropped");
        }
        var ordered = releases.Values.Order().ToList();
        return ([.. ordered.Select(release => release.ToString())], ordered.Count > 0 ? ordered[^1] : null);
    }

    private static List<FeatureSource> Features(JsonRow row)
    {
        var features = new List<FeatureSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in row.Objects("feature_ids"))
        {
            var id = item.String("feature_id")?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                row.Report(ImportIssueKind.MissingFeatureId, "a feature has no feature_id; dropped");
                continue;
            }
            if (!seen.Add(id))
            {
                row.Report(ImportIssueKind.DuplicateFeature, $"feature {id} is listed more than once; the first one is kept");
                continue;
            }
            var state = item.Scalar("install_state");
            var feature = InstallState.ToFeature(id, state);
            if (feature is null)
            {
                row.Report(ImportIssueKind.UnknownInstallState, $"feature {id} has install_state '{state}'; imported as optional and selected");
                feature = InstallState.Fallback(id);
            }
            features.Add(feature);
        }
        return features;
    }

    /// <summary>A bad date is replaced by the listing's other date, since the two are usually close.</summary>
    private static (DateTimeOffset Created, DateTimeOffset Changed) Dates(JsonRow row)
    {
        var createdText = row.String("created");
        var changedText = row.String("changed");
        var created = ParseDate(createdText);
        var changed = ParseDate(changedText);
        if (created is null)
        {
            var substitute = changed is null ? "the Unix epoch" : "'changed'";
            row.Report(ImportIssueKind.UnparseableDate, $"created '{createdText}' is not {DateFormat}; used {substitute}");
            created = changed ?? DateTimeOffset.UnixEpoch;
        }
        if (changed is null)
        {
            row.Report(ImportIssueKind.UnparseableDate, $"changed '{changedText}' is not {DateFormat}; used 'created'");
            changed = created;
        }
        return (created.Value, changed.Value);
    }

    private static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParseExact(
            text?.Trim(), DateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;

    private static string? Title(JsonRow row)
    {
        var title = row.String("title")?.Trim();
        if (!string.IsNullOrEmpty(title))
            return title;
        row.Report(ImportIssueKind.MissingTitle, "no title; skipped");
        return null;
    }

    private static string Slug(JsonRow row, string name)
    {
        var url = row.String("url");
        var slug = UrlSlug.LastSegment(url);
        if (slug.Length > 0)
            return slug;
        slug = UrlSlug.FromName(name);
        row.Report(ImportIssueKind.MissingSlug, $"url '{url}' has no path segment; slug '{slug}' derived from the title");
        return slug;
    }

    private static string MissingListingReason(string listingKey, IReadOnlySet<string> skippedListings) =>
        skippedListings.Contains(listingKey)
            ? $"listing {listingKey} was skipped (see its own entry); reference dropped"
            : $"listing {listingKey} is not in listings.jsonl.gz; reference dropped";

    /// <summary>
    /// The documents of a file that are JSON objects with an <c>_id</c> not seen before in that file.
    /// Each row is only valid until the next one is requested, as its document is then disposed.
    /// </summary>
    private IEnumerable<JsonRow> Rows(ExportFile file)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < file.Lines.Count; index++)
        {
            ct.ThrowIfCancellationRequested();
            var line = file.Lines[index];
            var position = $"line {index + 1}";
            if (string.IsNullOrWhiteSpace(line))
                continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                log.Add(ImportIssueKind.InvalidJson, file.Name, position, e.Message);
                continue;
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    log.Add(ImportIssueKind.InvalidJson, file.Name, position, $"the line is a JSON {root.ValueKind}, not an object");
                    continue;
                }
                var key = new JsonRow(root, file.Name, position, log).String("_id")?.Trim();
                if (string.IsNullOrEmpty(key))
                {
                    log.Add(ImportIssueKind.MissingKey, file.Name, position, "no _id; skipped");
                    continue;
                }
                if (!keys.Add(key))
                {
                    log.Add(ImportIssueKind.DuplicateKey, file.Name, key, $"_id seen before ({position}); skipped");
                    continue;
                }
                yield return new JsonRow(root, file.Name, key, log);
            }
        }
    }
}
