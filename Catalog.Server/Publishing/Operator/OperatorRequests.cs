namespace Catalog.Server.Publishing.Operator;

// Partial bodies of the operator's endpoints: absent (null) fields are left alone.

public sealed record MarketRequest(string? Name, string? Slug);

public sealed record CategoryRequest(string? Name, string? Slug, List<int>? Markets);

public sealed record CatalogRequest(
    string? Title, string? Url, string? Icon, string? Description, bool? SelfContained, string? DependenciesRepository,
    string? WizardTitle, string? WizardIcon);

/// <summary>No market and no category: featured catalog-wide. Promoted entries come first in their list.</summary>
public sealed record FeaturedRequest(int? ListingId, int? MarketId, int? CategoryId, int? Position, bool? Promoted);

public sealed record NewsRequest(string? ShortTitle, string? Url, DateTimeOffset? Published);

public sealed record MarketView(int Id, string Key, string Name, string Slug);

public sealed record CategoryView(int Id, string Key, string Name, string Slug, IReadOnlyList<int> Markets);

public sealed record CatalogView(
    int Id, string Key, string Title, string Url, string Icon, string Description, bool SelfContained, string DependenciesRepository,
    string WizardTitle, string WizardIcon);

public sealed record FeaturedView(int Id, int ListingId, int? MarketId, int? CategoryId, int Position, bool Promoted);

public sealed record NewsView(int Id, string ShortTitle, string Url, DateTimeOffset Published);
