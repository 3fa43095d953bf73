namespace Catalog.Schema.Content;

/// <summary>
/// A whole catalog as a source describes it (seed files, the 2019 export), referring to things by their
/// external keys. The store turns keys into stable integer ids, so seeding and importing share one write path
/// and importing the same content twice changes nothing.
/// </summary>
public sealed record CatalogContent
{
    public IReadOnlyList<CatalogSource> Catalogs { get; init; } = [];
    public IReadOnlyList<MarketSource> Markets { get; init; } = [];
    public IReadOnlyList<CategorySource> Categories { get; init; } = [];
    public IReadOnlyList<ListingSource> Listings { get; init; } = [];
    public IReadOnlyList<FeaturedSource> Featured { get; init; } = [];
    public IReadOnlyList<NewsSource> News { get; init; } = [];

    /// <summary>
    /// The write only creates (an operator's POST): a market, category or news item whose key or url is already
    /// stored is a <see cref="Store.ContentConflictException"/> rather than an update. Not part of any hash.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool CreateOnly { get; init; }
}

public sealed record CatalogSource
{
    public required string Key { get; init; }
    public required string Title { get; init; }
    public string Url { get; init; } = "";
    public string Icon { get; init; } = "";
    public string Description { get; init; } = "";
    public bool SelfContained { get; init; }
    public string DependenciesRepository { get; init; } = "";
    public string WizardTitle { get; init; } = "";
    public string WizardIcon { get; init; } = "";
    public IReadOnlyList<TabSource> Tabs { get; init; } = [];
    public NewsSource? News { get; init; }
}

/// <summary>Kind: search, popular, recent, featuredmarket, related.</summary>
public sealed record TabSource(string Kind, bool Enabled, string Label);

public sealed record MarketSource(string Key, string Name, string Slug);

public sealed record CategorySource(string Key, string Name, string Slug)
{
    /// <summary>Markets the category sits in; a category may sit in several.</summary>
    public IReadOnlyList<string> Markets { get; init; } = [];
}

public sealed record ListingSource
{
    public required string Key { get; init; }

    /// <summary>
    /// The id a new listing gets (a publisher-API package's reserved id); ignored when the key is already stored.
    /// Not part of the content's hash.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int? Id { get; init; }
    public required string Name { get; init; }

    /// <summary>Unique url title; derived from the name when absent.</summary>
    public string? UrlTitle { get; init; }
    public string Type { get; init; } = "resource";
    public string Owner { get; init; } = "";
    public string CompanyName { get; init; } = "";
    public bool FoundationMember { get; init; }
    public string ShortDescription { get; init; } = "";
    public string Body { get; init; } = "";
    public string License { get; init; } = "";
    public string Status { get; init; } = "";
    public string HomepageUrl { get; init; } = "";
    public string SupportUrl { get; init; } = "";
    public string Image { get; init; } = "";
    public string Screenshot { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Markets the listing is offered in; when empty, the markets of its categories.</summary>
    public IReadOnlyList<string> Markets { get; init; } = [];
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset Changed { get; init; }
    public int Favorites { get; init; }
    public long Installs { get; init; }
    public IReadOnlyList<VersionSource> Versions { get; init; } = [];
}

public sealed record VersionSource
{
    public string Version { get; init; } = "";
    public string UpdateSite { get; init; } = "";
    public IReadOnlyList<string> Releases { get; init; } = [];
    public IReadOnlyList<string> Platforms { get; init; } = [];
    public string MinJava { get; init; } = "";
    public IReadOnlyList<FeatureSource> Features { get; init; } = [];

    public Model.SolutionVersion ToModel() => new()
    {
        Version = Version,
        UpdateSiteUrl = UpdateSite,
        Releases = Releases,
        Platforms = Platforms,
        MinJavaVersion = Compatibility.JavaVersion.CanonicalOrAsIs(MinJava),
        Features = Features.Select(f => new Model.Feature(f.Id, f.Required, f.Selected)).ToList(),
    };
}

public sealed record FeatureSource(string Id, bool Required = false, bool Selected = true);

/// <summary>Market and Category are keys; both absent means featured catalog-wide.</summary>
public sealed record FeaturedSource(string Listing, string? Market = null, string? Category = null, bool Promoted = false)
{
    /// <summary>Place in the operator's order; by default the entry's place in the content.</summary>
    public int? Position { get; init; }
}

public sealed record NewsSource(string ShortTitle, DateTimeOffset Published, string Url);
