namespace Catalog.Schema.Publishing;

/// <summary>The operator's rows: a catalog item as stored, with the external key content refers to it by.</summary>
public sealed record MarketRow(long Id, string Key, string Name, string Slug);

public sealed record CategoryRow(int Id, string Key, string Name, string Slug, IReadOnlyList<int> Markets);

public sealed record CatalogRow(
    long Id, string Key, string Title, string Url, string Icon, string Description, long SelfContained, string DependenciesRepository,
    string WizardTitle, string WizardIcon, string TabsJson, string? NewsShortTitle, long? NewsPublished, string? NewsUrl);

public sealed record FeaturedRow(long Id, long ListingId, string ListingKey, long? MarketId, long? CategoryId, long Position, long Promoted);

public sealed record NewsRow(long Id, string ShortTitle, long Published, string Url);
