using System.Text.Json;
using Catalog.Schema.Content;

namespace Catalog.Schema.Seeding;

/// <summary>
/// Reads a seed folder: every <c>*.json</c> file is a partial <see cref="CatalogContent"/> (any of its lists),
/// and the files are concatenated in name order.
/// </summary>
public sealed class SeedLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public async Task<CatalogContent> LoadAsync(string directory, CancellationToken ct)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Seed folder '{Path.GetFullPath(directory)}' does not exist.");
        var parts = new List<CatalogContent>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            try
            {
                parts.Add(await JsonSerializer.DeserializeAsync<CatalogContent>(stream, Json, ct).ConfigureAwait(false)
                    ?? new CatalogContent());
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"Seed file '{file}' is not valid: {e.Message}", e);
            }
        }
        return new CatalogContent
        {
            Catalogs = parts.SelectMany(p => p.Catalogs).ToList(),
            Markets = parts.SelectMany(p => p.Markets).ToList(),
            Categories = parts.SelectMany(p => p.Categories).ToList(),
            Listings = parts.SelectMany(p => p.Listings).ToList(),
            Featured = parts.SelectMany(p => p.Featured).ToList(),
            News = parts.SelectMany(p => p.News).ToList(),
        };
    }
}
