namespace Catalog.Schema.Model;

/// <summary>What the client posts to <c>/install/error/report</c> when an install fails.</summary>
public sealed record InstallErrorReport
{
    public string Client { get; init; } = "";
    public string Os { get; init; } = "";
    public string PlatformVersion { get; init; } = "";
    public int Status { get; init; }
    public string StatusMessage { get; init; } = "";
    public IReadOnlyList<int> NodeIds { get; init; } = [];
    public IReadOnlyList<string> InstallableUnits { get; init; } = [];
    public string DetailedMessage { get; init; } = "";
    public required DateTimeOffset ReportedAt { get; init; }
}
