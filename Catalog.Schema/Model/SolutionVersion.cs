namespace Catalog.Schema.Model;

/// <summary>One installable variant of a listing: an update site and the features to install from it.</summary>
public sealed record SolutionVersion
{
    public string Version { get; init; } = "";
    public string UpdateSiteUrl { get; init; } = "";

    /// <summary>Eclipse platform releases as major.minor strings (<c>4.7</c>, <c>4.30</c>).</summary>
    public IReadOnlyList<string> Releases { get; init; } = [];

    /// <summary>Wire names: <c>Windows</c>, <c>Mac</c>, <c>Linux/GTK</c>.</summary>
    public IReadOnlyList<string> Platforms { get; init; } = [];

    public string MinJavaVersion { get; init; } = "";
    public IReadOnlyList<Feature> Features { get; init; } = [];

    /// <summary>The client installs a version only with at least one feature and an update site that parses as a URL.</summary>
    public bool IsInstallable =>
        Features.Count > 0 && Uri.TryCreate(UpdateSiteUrl, UriKind.Absolute, out _);
}

/// <summary>An installable unit (feature id) of a solution version.</summary>
public sealed record Feature(string Id, bool Required, bool Selected);
