using Catalog.Schema.Content;

namespace Catalog.Schema.Import;

/// <summary>A market of the export with the listing ids it holds, kept until the listings are known.</summary>
internal sealed record ExportMarket(MarketSource Source, IReadOnlyList<string> ListingIds);
