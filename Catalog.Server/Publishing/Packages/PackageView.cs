using Catalog.Schema.Wire;
using Catalog.Schema.Publishing;

namespace Catalog.Server.Publishing.Packages;

/// <summary>
/// A package as the API shows it: its workflow <c>state</c>, whether a listing is <c>live</c>, and the working
/// copy (the pending revision, else the live content). <c>status</c> is the listing's own field (Production/Stable…).
/// </summary>
public sealed record PackageView
{
    public required int Id { get; init; }
    public int? PublisherId { get; init; }
    public required string State { get; init; }
    public bool Live { get; init; }

    /// <summary>The operator's message on a rejection, or the submitter's note.</summary>
    public string Message { get; init; } = "";

    /// <summary>Where the live listing is served (relative to the server), when it is live.</summary>
    public string? NodeUrl { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public required string Name { get; init; }
    public string ShortDescription { get; init; } = "";
    public string Body { get; init; } = "";
    public string Type { get; init; } = "";
    public IReadOnlyList<int> Categories { get; init; } = [];
    public IReadOnlyList<int> Markets { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string License { get; init; } = "";
    public string Status { get; init; } = "";
    public string HomepageUrl { get; init; } = "";
    public string SupportUrl { get; init; } = "";
    public int? LogoFileId { get; init; }
    public int? ScreenshotFileId { get; init; }

    /// <summary>Where the logo and screenshot are served (from the file ids, or a seeded listing's own URLs).</summary>
    public string ImageUrl { get; init; } = "";
    public string ScreenshotUrl { get; init; } = "";
    public IReadOnlyList<VersionView> Versions { get; init; } = [];

    public static PackageView From(PackageRecord package)
    {
        var content = package.WorkingCopy ?? new PackageContent { Name = "" };
        return new PackageView
        {
            Id = package.Id, PublisherId = package.PublisherId, State = package.State, Live = package.Live,
            Message = package.PendingMessage, NodeUrl = package.Live ? CatalogPaths.NodeOf(package.Id) + CatalogPaths.Api : null,
            CreatedAt = package.CreatedAt, ChangedAt = package.ChangedAt,
            Name = content.Name, ShortDescription = content.ShortDescription, Body = content.Body, Type = content.Type,
            Categories = content.Categories, Markets = content.Markets, Tags = content.Tags, License = content.License,
            Status = content.Status, HomepageUrl = content.HomepageUrl, SupportUrl = content.SupportUrl,
            LogoFileId = content.LogoFileId, ScreenshotFileId = content.ScreenshotFileId,
            ImageUrl = content.LogoFileId is { } logo ? FilePaths.Of(logo) : content.ImageUrl,
            ScreenshotUrl = content.ScreenshotFileId is { } shot ? FilePaths.Of(shot) : content.ScreenshotUrl,
            Versions = content.Versions.Select(v => new VersionView(v.Version, v.UpdateSiteUrl, v.Releases, v.Platforms, v.MinJavaVersion,
                v.Features.Select(f => new FeatureView(f.Id, f.Required, f.Selected)).ToList())).ToList(),
        };
    }
}

public sealed record VersionView(
    string Version, string UpdateSiteUrl, IReadOnlyList<string> Releases, IReadOnlyList<string> Platforms, string MinJavaVersion,
    IReadOnlyList<FeatureView> Features);

public sealed record FeatureView(string Id, bool Required, bool Selected);

/// <summary><c>GET /products/packages/{id}/status</c>: the state now and every change with who and when.</summary>
public sealed record PackageStatusView(int Id, string State, bool Live, string Message, IReadOnlyList<HistoryView> History);

public sealed record HistoryView(string Action, string State, string Actor, DateTimeOffset At, string Message)
{
    public static HistoryView From(PackageHistoryEntry e) => new(e.Action, e.State, e.Actor, e.At, e.Message);
}
