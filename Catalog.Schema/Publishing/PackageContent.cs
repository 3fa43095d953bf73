using Catalog.Schema.Model;

namespace Catalog.Schema.Publishing;

/// <summary>
/// A listing as its publisher edits it: taxonomy by id, logo and screenshot as uploaded file ids. Stored as JSON
/// (the pending revision, and the approved content the live listing was written from).
/// </summary>
public sealed record PackageContent
{
    public required string Name { get; init; }
    public string ShortDescription { get; init; } = "";
    public string Body { get; init; } = "";
    public string Type { get; init; } = "resource";
    public IReadOnlyList<int> Categories { get; init; } = [];
    public IReadOnlyList<int> Markets { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string License { get; init; } = "";
    public string Status { get; init; } = "";
    public string HomepageUrl { get; init; } = "";
    public string SupportUrl { get; init; } = "";
    public int? LogoFileId { get; init; }
    public int? ScreenshotFileId { get; init; }

    /// <summary>Image and screenshot URLs of a seeded or imported listing, kept until files replace them.</summary>
    public string ImageUrl { get; init; } = "";
    public string ScreenshotUrl { get; init; } = "";

    /// <summary>Owner, company and foundation membership of a listing without a publisher; a publisher's come from its profile.</summary>
    public string Owner { get; init; } = "";
    public string CompanyName { get; init; } = "";
    public bool FoundationMember { get; init; }
    public IReadOnlyList<PackageVersion> Versions { get; init; } = [];

    /// <summary>Same content, comparing lists by their items (record equality compares list references).</summary>
    public bool SameAs(PackageContent? other) =>
        other is not null && System.Text.Json.JsonSerializer.Serialize(this) == System.Text.Json.JsonSerializer.Serialize(other);

    public IEnumerable<int> FileIds => new[] { LogoFileId, ScreenshotFileId }.OfType<int>();

    /// <summary>The content of a listing that has no package yet (seeded or imported).</summary>
    public static PackageContent FromListing(Listing listing) => new()
    {
        Name = listing.Name, ShortDescription = listing.ShortDescription, Body = listing.Body, Type = listing.Type,
        Categories = listing.CategoryIds, Markets = listing.MarketIds, Tags = listing.Tags.Select(t => t.Name).ToList(),
        License = listing.License, Status = listing.Status, HomepageUrl = listing.HomepageUrl, SupportUrl = listing.SupportUrl,
        ImageUrl = listing.ImageUrl, ScreenshotUrl = listing.ScreenshotUrl,
        Owner = listing.Owner, CompanyName = listing.CompanyName, FoundationMember = listing.FoundationMember,
        Versions = listing.Versions.Select(v => new PackageVersion
        {
            Version = v.Version, UpdateSiteUrl = v.UpdateSiteUrl, Releases = v.Releases, Platforms = v.Platforms,
            MinJavaVersion = v.MinJavaVersion,
            Features = v.Features.Select(f => new PackageFeature(f.Id, f.Required, f.Selected)).ToList(),
        }).ToList(),
    };
}

public sealed record PackageVersion
{
    public string Version { get; init; } = "";
    public string UpdateSiteUrl { get; init; } = "";

    /// <summary>Eclipse releases as major.minor, each known to the release table.</summary>
    public IReadOnlyList<string> Releases { get; init; } = [];

    /// <summary>Wire names: Windows, Mac, Linux/GTK.</summary>
    public IReadOnlyList<string> Platforms { get; init; } = [];
    public string MinJavaVersion { get; init; } = "";
    public IReadOnlyList<PackageFeature> Features { get; init; } = [];
}

/// <summary>A feature to install; not required means optional; selected means ticked by default.</summary>
public sealed record PackageFeature(string Id, bool Required = false, bool Selected = true);
