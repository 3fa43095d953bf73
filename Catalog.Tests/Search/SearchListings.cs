using Catalog.Schema.Model;

namespace Catalog.Tests.Search;

/// <summary>Small hand-made listings; only what a test names differs from a plain listing.</summary>
internal static class SearchListings
{
    private static readonly DateTimeOffset Created = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Listing Make(
        int id,
        string name,
        string shortDescription = "",
        string body = "",
        IReadOnlyList<string>? tags = null,
        IReadOnlyList<int>? categories = null,
        IReadOnlyList<int>? markets = null,
        string status = "Production/Stable",
        string license = "EPL",
        IReadOnlyList<string>? releases = null,
        long installs = 0,
        int favorites = 0,
        string owner = "") =>
        new()
        {
            Id = id,
            ExternalKey = $"key-{id}",
            UrlTitle = $"listing-{id}",
            Name = name,
            ShortDescription = shortDescription,
            Body = body,
            Owner = owner,
            Status = status,
            License = license,
            Tags = (tags ?? []).Select((tag, i) => new Tag(i + 1, tag)).ToList(),
            CategoryIds = categories ?? [],
            MarketIds = markets ?? [],
            Created = Created,
            Changed = Created,
            InstallsTotal = installs,
            Favorites = favorites,
            Versions = releases is null
                ? []
                : [new SolutionVersion { Version = "1.0.0", UpdateSiteUrl = "https://example.org/site", Releases = releases }],
        };
}
