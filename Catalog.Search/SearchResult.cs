namespace Catalog.Search;

/// <summary>A page of listing ids, best first, and how many listings match in all.</summary>
public sealed record SearchResult(int TotalCount, IReadOnlyList<int> ListingIds)
{
    public static SearchResult Empty { get; } = new(0, []);
}
