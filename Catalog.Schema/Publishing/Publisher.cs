namespace Catalog.Schema.Publishing;

/// <summary>Who publishes listings through the API; its profile is written into its live listings.</summary>
public sealed record Publisher
{
    public required int Id { get; init; }
    public required string DisplayName { get; init; }
    public string CompanyName { get; init; } = "";
    public string Email { get; init; } = "";
    public string HomepageUrl { get; init; } = "";

    /// <summary>Only the operator sets it; see <see cref="Model.Listing.IsCommercial"/> for what it changes.</summary>
    public bool FoundationMember { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
