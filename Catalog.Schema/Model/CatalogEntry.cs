namespace Catalog.Schema.Model;

/// <summary>A marketplace offered in the IDE's catalog list (<c>/catalogs/api/p</c>), with its wizard branding.</summary>
public sealed record CatalogEntry
{
    public required int Id { get; init; }
    public required string Title { get; init; }

    /// <summary>Absolute URL of the marketplace; empty means this server's own public base URL.</summary>
    public string Url { get; init; } = "";
    public string Icon { get; init; } = "";
    public string Description { get; init; } = "";
    public bool SelfContained { get; init; }
    public string DependenciesRepository { get; init; } = "";
    public string WizardTitle { get; init; } = "";
    public string WizardIcon { get; init; } = "";
    public IReadOnlyList<WizardTab> Tabs { get; init; } = [];
    public NewsItem? News { get; init; }
}

/// <summary>Kind is the wire element name: searchtab, populartab, recenttab, featuredmarkettab, relatedtab.</summary>
public sealed record WizardTab(string Kind, bool Enabled, string Label);
