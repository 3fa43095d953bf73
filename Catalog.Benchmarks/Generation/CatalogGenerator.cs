using Catalog.Schema.Compatibility;
using Catalog.Schema.Content;

namespace Catalog.Benchmarks.Generation;

/// <summary>
/// A catalog of any size made from the real 2019 one: every generated listing takes its texts, tags,
/// categories, markets, licence, status and feature layout from randomly drawn real listings, a coined word
/// that makes its name (and so its url title) unique, and 1 to 4 solution versions over consecutive Eclipse
/// releases. The same seed and size always give the same content.
/// </summary>
public sealed class CatalogGenerator(Vocabulary vocabulary, ReleaseTable releases)
{
    private static readonly string[] Platforms = ["Windows", "Mac", "Linux/GTK"];
    private static readonly string[] JavaVersions = ["1.8", "11", "17", "21"];
    private static readonly DateTimeOffset Newest = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public CatalogContent Generate(int size, int seed)
    {
        var random = new Random(seed);
        var listings = new List<ListingSource>(size);
        for (var i = 0; i < size; i++)
            listings.Add(Listing(i, seed, random));
        return new CatalogContent
        {
            Catalogs = vocabulary.Source.Catalogs,
            Markets = vocabulary.Source.Markets,
            Categories = vocabulary.Source.Categories,
            Listings = listings,
            Featured = Featured(listings, random),
            News = [new NewsSource("Benchmark catalog", new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero), "https://example.org/news/benchmark")],
        };
    }

    private ListingSource Listing(int index, int seed, Random random)
    {
        var template = Pick(vocabulary.Listings, random);
        var coined = CoinedWord.For(index, seed);
        var words = random.Next(1, 4);
        var name = coined + " " + string.Join(' ', Enumerable.Range(0, words).Select(_ => Pick(vocabulary.NameWords, random)));
        var created = template.Created.AddDays(random.Next(-700, 700));
        if (created > Newest)
            created = Newest.AddDays(-random.Next(1, 400));
        var changed = created.AddSeconds(random.NextDouble() * (Newest - created).TotalSeconds);
        return new ListingSource
        {
            Key = $"bench-{seed}-{index:D7}",
            Name = name,
            ShortDescription = Pick(vocabulary.Teasers, random),
            Body = random.Next(10) < 3 ? "" : Pick(vocabulary.Bodies, random),
            Owner = Pick(vocabulary.Listings, random).Owner,
            CompanyName = Pick(vocabulary.Listings, random).CompanyName,
            FoundationMember = Pick(vocabulary.Listings, random).FoundationMember,
            License = Pick(vocabulary.Listings, random).License,
            Status = Pick(vocabulary.Listings, random).Status,
            HomepageUrl = $"https://{coined.ToLowerInvariant()}.example.org/",
            SupportUrl = template.SupportUrl.Length > 0 ? $"https://{coined.ToLowerInvariant()}.example.org/support" : "",
            Screenshot = template.Screenshot,
            Tags = Tags(random),
            Categories = template.Categories,
            Markets = template.Markets,
            Created = created,
            Changed = changed,
            Favorites = template.Favorites + random.Next(0, 5),
            // Log-uniform from 1 to a million: a few listings hold most installs, as on the real site.
            Installs = (long)Math.Pow(10, random.NextDouble() * 6),
            Versions = Versions(coined.ToLowerInvariant(), random),
        };
    }

    private List<string> Tags(Random random)
    {
        var count = random.Next(0, 7);
        var tags = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var tag = Pick(vocabulary.TagOccurrences, random);
            if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
                tags.Add(tag);
        }
        return tags;
    }

    /// <summary>
    /// Oldest first, each version supporting a window of consecutive releases that ends where the next one's
    /// starts; two in five listings reach the newest release. Now and then two versions differ only by OS.
    /// </summary>
    private List<VersionSource> Versions(string slug, Random random)
    {
        var count = random.Next(100) switch { < 50 => 1, < 75 => 2, < 90 => 3, _ => 4 };
        var all = releases.All;
        var firstFourX = all.First(r => r.Version.StartsWith("4.", StringComparison.Ordinal)).Index;
        var end = random.Next(5) < 2 ? all.Count - 1 : random.Next(firstFourX + count * 2, all.Count);
        var template = Pick(vocabulary.Versions, random);
        var versions = new List<VersionSource>(count);
        var major = random.Next(1, 6);
        for (var v = count - 1; v >= 0; v--)
        {
            var span = random.Next(2, 9);
            var start = Math.Max(0, end - span + 1);
            var version = $"{major + v}.{random.Next(0, 10)}.{random.Next(0, 20)}";
            var windows = all.Skip(start).Take(end - start + 1).Select(r => r.Version).ToList();
            if (v == count - 1 && count > 1 && random.Next(10) == 0)
            {
                // One release line built per OS: the os parameter picks between them.
                versions.Add(Version(slug, version + ".win", windows, ["Windows"], template, random));
                versions.Add(Version(slug, version, windows, ["Mac", "Linux/GTK"], template, random));
                v--;
            }
            else
            {
                versions.Add(Version(slug, version, windows, PlatformsOf(random), template, random));
            }
            end = Math.Max(0, start - 1);
        }
        versions.Reverse();
        return versions;
    }

    private static VersionSource Version(string slug, string version, List<string> windows, IReadOnlyList<string> platforms, VersionSource template, Random random) => new()
    {
        Version = version,
        UpdateSite = $"https://download.{slug}.example.org/releases/{version}/",
        Releases = windows,
        Platforms = platforms,
        MinJava = Pick(JavaVersions, random),
        Features = [.. template.Features.Select(f => f with { Id = $"org.{slug}.{LastSegments(f.Id)}" })],
    };

    private static string[] PlatformsOf(Random random) =>
        random.Next(10) < 8 ? Platforms : [.. Platforms.Where(_ => random.Next(2) == 0).DefaultIfEmpty("Windows")];

    private static string LastSegments(string featureId)
    {
        var parts = featureId.Split('.');
        return string.Join('.', parts.Skip(Math.Max(0, parts.Length - 2)));
    }

    /// <summary>Twelve catalog-wide (two promoted) and ten per market, as an operator would pick them.</summary>
    private List<FeaturedSource> Featured(List<ListingSource> listings, Random random)
    {
        var featured = new List<FeaturedSource>();
        var picked = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(12, listings.Count); i++)
        {
            var listing = Pick(listings, random);
            if (picked.Add(listing.Key))
                featured.Add(new FeaturedSource(listing.Key, Promoted: i < 2));
        }
        foreach (var market in vocabulary.Source.Markets)
        {
            var inMarket = listings.Where(l => l.Markets.Contains(market.Key)).Take(2000).ToList();
            for (var i = 0; i < Math.Min(10, inMarket.Count); i++)
                featured.Add(new FeaturedSource(Pick(inMarket, random).Key, Market: market.Key));
        }
        return [.. featured.DistinctBy(f => (f.Listing, f.Market, f.Category))];
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}

/// <summary>A pronounceable made-up word, distinct for every index below 343,000 under one seed.</summary>
public static class CoinedWord
{
    private const string Consonants = "bdfgklmnprstvz";
    private const string Vowels = "aeiou";
    private const int Syllables = 70; // consonant-vowel pairs
    private const int Space = Syllables * Syllables * Syllables;

    public static string For(int index, int seed)
    {
        if (index < 0 || index >= Space)
            throw new ArgumentOutOfRangeException(nameof(index), $"At most {Space} distinct words.");
        // 7919 is prime and divides no factor of 343,000 (2³·5³·7³), so this permutes the word space.
        var n = (int)(((long)index * 7919 + (uint)seed) % Space);
        var chars = new char[6];
        for (var s = 0; s < 3; s++)
        {
            var syllable = n % Syllables;
            n /= Syllables;
            chars[s * 2] = Consonants[syllable / Vowels.Length];
            chars[s * 2 + 1] = Vowels[syllable % Vowels.Length];
        }
        chars[0] = char.ToUpperInvariant(chars[0]);
        return new string(chars);
    }
}
