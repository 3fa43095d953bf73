using Catalog.Schema.Content;

namespace Catalog.Schema.Import;

/// <summary>
/// The export's <c>install_state</c> of a feature. The source never defines its values; this importer reads them
/// as the three ways the catalog protocol can offer a feature:
/// <c>"0"</c> required (installed, cannot be deselected), <c>"1"</c> optional and selected,
/// <c>"2"</c> optional and not selected. The real data fits that reading: most versions mark exactly one feature
/// <c>"0"</c> (their main one), and <c>"2"</c> is the rarest state.
/// </summary>
internal static class InstallState
{
    public const string Required = "0";
    public const string OptionalSelected = "1";
    public const string OptionalUnselected = "2";

    /// <summary>The feature for <paramref name="state"/>, or null when the state is none of the known values.</summary>
    public static FeatureSource? ToFeature(string id, string? state) => state?.Trim() switch
    {
        Required => new FeatureSource(id, Required: true, Selected: true),
        OptionalSelected => new FeatureSource(id, Required: false, Selected: true),
        OptionalUnselected => new FeatureSource(id, Required: false, Selected: false),
        _ => null,
    };

    /// <summary>What an unknown state is imported as: what the protocol assumes when a feature says nothing.</summary>
    public static FeatureSource Fallback(string id) => new(id, Required: false, Selected: true);
}
