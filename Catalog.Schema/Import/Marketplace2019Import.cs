using Catalog.Schema.Content;

namespace Catalog.Schema.Import;

/// <summary>The 2019 export as catalog content, with what had to be skipped or repaired to get there.</summary>
public sealed record Marketplace2019Import(CatalogContent Content, ImportReport Report);
