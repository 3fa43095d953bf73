using Catalog.Schema.Content;

namespace Catalog.Benchmarks.Generation;

/// <summary>
/// What the generator draws from: the real 2019 listings' words, texts, tags, categories, markets, licences,
/// statuses and versions. Drawing a whole listing's value keeps the real distribution (a licence common in
/// 2019 stays common here) without modelling it.
/// </summary>
public sealed class Vocabulary
{
    private Vocabulary(CatalogContent source)
    {
        Source = source;
        Listings = [.. source.Listings.Where(l => l.Categories.Count > 0)];
        NameWords = [.. source.Listings
            .SelectMany(l => l.Name.Split([' ', '-', '_', '.', '(', ')', ',', '/', ':'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 3 && w.All(char.IsLetter))];
        TagOccurrences = [.. source.Listings.SelectMany(l => l.Tags)];
        Versions = [.. source.Listings.SelectMany(l => l.Versions).Where(v => v.Features.Count > 0)];
        Teasers = [.. source.Listings.Select(l => l.ShortDescription).Where(t => t.Length > 0)];
        Bodies = [.. source.Listings.Select(l => l.Body).Where(b => b.Length > 0)];
    }

    public CatalogContent Source { get; }

    /// <summary>Listings with at least one category: the templates of generated ones.</summary>
    public IReadOnlyList<ListingSource> Listings { get; }

    /// <summary>Every word of every real name, repeated as often as it occurs, so common words stay common.</summary>
    public IReadOnlyList<string> NameWords { get; }

    public IReadOnlyList<string> TagOccurrences { get; }
    public IReadOnlyList<VersionSource> Versions { get; }
    public IReadOnlyList<string> Teasers { get; }
    public IReadOnlyList<string> Bodies { get; }

    public static async Task<Vocabulary> LoadAsync(string exportDirectory, CancellationToken ct)
    {
        var import = await new Catalog.Schema.Import.Marketplace2019Reader().ReadAsync(exportDirectory, ct);
        return new Vocabulary(import.Content);
    }
}
