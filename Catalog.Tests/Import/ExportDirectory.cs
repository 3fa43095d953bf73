using System.IO.Compression;
using System.Text;
using Catalog.Schema.Import;

namespace Catalog.Tests.Import;

/// <summary>
/// A throw-away directory holding a tiny 2019-style export, written line by line so tests can break single rows.
/// Starts as a consistent one-listing export; tests overwrite the file they want to break.
/// </summary>
public sealed class ExportDirectory : IDisposable
{
    public const string ListingKey = "listing-1";
    public const string CategoryKey = "category-1";
    public const string MarketKey = "market-1";
    public const string CatalogKey = "catalog-1";

    public ExportDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mp2019-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Write(Marketplace2019Reader.ListingsFile, Listing(ListingKey, "A Listing"));
        Write(Marketplace2019Reader.VersionsFile, Version("version-1", ListingKey));
        Write(Marketplace2019Reader.CategoriesFile,
            $$"""{"_id": "{{CategoryKey}}", "title": "Tools", "url": "https://example.org/category/categories/tools"}""");
        Write(Marketplace2019Reader.MarketsFile,
            $$"""{"_id": "{{MarketKey}}", "title": "Tools", "url": "https://example.org/category/markets/tools", "listing_ids": ["{{ListingKey}}"]}""");
        Write(Marketplace2019Reader.CatalogsFile,
            $$"""{"_id": "{{CatalogKey}}", "title": "Test", "url": "", "icon": "", "self_contained": false, "search_enabled": true, "dependencies_repository": "", "tabs": [{"title": "Search", "type": "search", "url": ""}]}""");
    }

    public string Path { get; }

    public static string Listing(string key, string? title, string categoryIds = $"\"{CategoryKey}\"", string created = "2015-03-04 05:06:07") =>
        $$"""{"_id": "{{key}}", "title": {{(title is null ? "null" : $"\"{title}\"")}}, "teaser": "t", "body": "b", "favorite_count": 3, "license_type": "EPL", "status": "Beta", "changed": "2016-01-01 00:00:00", "created": "{{created}}", "member_company": false, "homepage_url": "", "support_url": "", "category_ids": [{{categoryIds}}], "screenshots": [], "market_ids": [], "organization": {"name": "unknown", "id": "1"}, "authors": [{"full_name": "Ann", "username": "ann"}], "tags": []}""";

    public static string Version(string key, string? listingKey, string features = """{"feature_id": "f.main", "install_state": "0"}""") =>
        $$"""{"_id": "{{key}}", "listing_id": {{(listingKey is null ? "null" : $"\"{listingKey}\"")}}, "compatible_versions": ["4.14", "4.7"], "platforms": ["Windows"], "min_java_version": "java_8", "update_site_url": "https://example.org/site", "version": "1.0", "feature_ids": [{{features}}]}""";

    public void Write(string fileName, params string[] lines)
    {
        using var file = File.Create(System.IO.Path.Combine(Path, fileName));
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        foreach (var line in lines)
            writer.Write(line + "\n");
    }

    public void WriteRaw(string fileName, byte[] bytes) => File.WriteAllBytes(System.IO.Path.Combine(Path, fileName), bytes);

    public void Delete(string fileName) => File.Delete(System.IO.Path.Combine(Path, fileName));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
