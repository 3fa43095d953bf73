namespace Catalog.Server.Publishing.Packages;

/// <summary>
/// One item of a batch POST (create) or PUT (update). Absent (null) fields are left alone; <c>versions</c>, when
/// present, replaces the whole list. <c>logo_file_id</c> or <c>screenshot_file_id</c> 0 clears it.
/// </summary>
public sealed record PackageRequest
{
    /// <summary>The package to update (PUT); not allowed in a create.</summary>
    public int? Id { get; init; }

    /// <summary>The publisher a new package belongs to; only the operator may name another than itself.</summary>
    public int? PublisherId { get; init; }
    public string? Name { get; init; }
    public string? ShortDescription { get; init; }
    public string? Body { get; init; }
    public string? Type { get; init; }
    public List<int>? Categories { get; init; }
    public List<int>? Markets { get; init; }
    public List<string>? Tags { get; init; }
    public string? License { get; init; }
    public string? Status { get; init; }
    public string? HomepageUrl { get; init; }
    public string? SupportUrl { get; init; }
    public int? LogoFileId { get; init; }
    public int? ScreenshotFileId { get; init; }
    public List<VersionRequest>? Versions { get; init; }

    /// <summary>submit, approve, reject, unpublish or remove; applied after the field changes.</summary>
    public string? Action { get; init; }

    /// <summary>Why (a rejection needs one).</summary>
    public string? Message { get; init; }

    public bool ChangesContent =>
        Name is not null || ShortDescription is not null || Body is not null || Type is not null || Categories is not null
        || Markets is not null || Tags is not null || License is not null || Status is not null || HomepageUrl is not null
        || SupportUrl is not null || LogoFileId is not null || ScreenshotFileId is not null || Versions is not null;
}

public sealed record VersionRequest
{
    public string? Version { get; init; }
    public string? UpdateSiteUrl { get; init; }
    public List<string>? Releases { get; init; }
    public List<string>? Platforms { get; init; }
    public string? MinJavaVersion { get; init; }
    public List<FeatureRequest>? Features { get; init; }
}

/// <summary>A feature (installable unit) id; <c>required</c> false means optional; <c>selected</c> ticked by default.</summary>
public sealed record FeatureRequest(string? Id, bool? Required, bool? Selected);
