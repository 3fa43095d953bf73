namespace Catalog.Schema.Import;

/// <summary>The five files of the 2019 export, read but not yet interpreted.</summary>
internal sealed record Marketplace2019Export(
    ExportFile Listings,
    ExportFile Versions,
    ExportFile Categories,
    ExportFile Markets,
    ExportFile Catalogs);
