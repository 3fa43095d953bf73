using Catalog.Schema.Content;

namespace Catalog.Schema.Import;

/// <summary>A converted solution version still carrying what it takes to group and order it.</summary>
/// <param name="Newest">The newest release it supports; null when it names none.</param>
internal sealed record LinkedVersion(string Id, string ListingKey, VersionSource Source, ReleaseNumber? Newest);
