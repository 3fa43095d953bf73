namespace Catalog.Schema.Model;

/// <summary>A marketplace entry as the Eclipse protocol shows it (a Drupal "node" on the real site).</summary>
public sealed record Listing
{
    public required int Id { get; init; }

    /// <summary>Stable key from the source the listing came from (a uuid for the 2019 export, the seed id otherwise).</summary>
    public required string ExternalKey { get; init; }

    /// <summary>Unique path segment of <c>/content/{UrlTitle}</c>.</summary>
    public required string UrlTitle { get; init; }

    public required string Name { get; init; }
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
    public string ImageUrl { get; init; } = "";
    public string ScreenshotUrl { get; init; } = "";
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset Changed { get; init; }
    public int Favorites { get; init; }
    public long InstallsTotal { get; init; }
    public long InstallsRecent { get; init; }
    public IReadOnlyList<int> CategoryIds { get; init; } = [];
    public IReadOnlyList<int> MarketIds { get; init; } = [];
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>In the order the publisher gave them; the order matters to version selection.</summary>
    public IReadOnlyList<SolutionVersion> Versions { get; init; } = [];

    /// <summary>
    /// Commercial listings are hidden from the client's recent / favorites / popular lists
    /// unless a foundation member company owns them (PROTOCOL.md).
    /// </summary>
    public bool IsCommercial => IsCommercialLicense(License);

    public static bool IsCommercialLicense(string license) =>
        string.Equals(license, "Commercial", StringComparison.OrdinalIgnoreCase);
}
