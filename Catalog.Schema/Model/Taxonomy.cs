namespace Catalog.Schema.Model;

public sealed record Market(int Id, string Name, string Slug);

/// <summary>A category may sit in several markets.</summary>
public sealed record Category(int Id, string Name, string Slug, IReadOnlyList<int> MarketIds);
