using Catalog.Benchmarks.Generation;
using Catalog.Schema.Store;
using Catalog.Store.Sqlite;
using Dapper;

namespace Catalog.Benchmarks.Workload;

/// <summary>
/// One file of request paths per scenario (<c>*.paths</c>, a path and query a line), read by
/// <c>bench/lua/paths.lua</c>. Each carries the query the Eclipse client sends; ids, titles, terms and facets
/// come from the generated catalog, so every request names something that exists.
/// </summary>
public static class WorkloadFiles
{
    /// <summary>Enough distinct nodes that neither we nor nginx answer from one hot entry.</summary>
    public const int SampleSize = 2000;

    private const string Client = "client=org.eclipse.epp.mpc.core&os=linux";
    private static readonly string[] PlatformVersions = ["4.14", "4.30", "4.34", "4.38", "4.38"];

    public static async Task WriteAsync(SqliteConnectionFactory connections, Vocabulary vocabulary, int seed, string folder, CancellationToken ct)
    {
        var random = new Random(seed + 1);
        await using var c = await connections.OpenAsync(ct);
        var listings = (await c.QueryAsync<(long Id, string Title)>("SELECT id, url_title FROM listings ORDER BY id")).ToList();
        var pairs = (await c.QueryAsync<(long Category, long Market)>("""
            SELECT cm.category_id, cm.market_id FROM category_markets cm
            WHERE EXISTS (SELECT 1 FROM listing_categories lc JOIN listing_markets lm ON lm.listing_id = lc.listing_id
                          WHERE lc.category_id = cm.category_id AND lm.market_id = cm.market_id)
            ORDER BY cm.category_id, cm.market_id
            """)).ToList();
        var sample = listings.OrderBy(_ => random.Next()).Take(SampleSize).ToList();
        var terms = Terms(vocabulary, random);

        string Pv() => PlatformVersions[random.Next(PlatformVersions.Length)];
        string Term() => terms[random.Next(terms.Count)];
        string Facets() { var (cat, market) = pairs[random.Next(pairs.Count)]; return $"tid:{market}%20tid:{cat}"; }

        await Write(folder, "node-id", sample.Select(l => $"/node/{l.Id}/api/p?{Client}&platform.version={Pv()}"));
        await Write(folder, "node-title", sample.Select(l => $"/content/{l.Title}/api/p?{Client}&platform.version={Pv()}"));
        await Write(folder, "root", [$"/api/p?{Client}&platform.version=4.38"]);
        await Write(folder, "taxonomy", pairs.Select(p => $"/taxonomy/term/{p.Category},{p.Market}/api/p?{Client}&platform.version={Pv()}"));
        await Write(folder, "featured", [$"/featured/api/p?{Client}&platform.version=4.38"]);
        await Write(folder, "popular", [$"/popular/top/api/p?{Client}&platform.version=4.38"]);
        await Write(folder, "search", Enumerable.Range(0, SampleSize).Select(_ => $"/api/p/search/apachesolr_search/{Term()}?{Client}"));
        await Write(folder, "search-facets", Enumerable.Range(0, SampleSize)
            .Select(_ => $"/api/p/search/apachesolr_search/{Term()}?{Client}&platform.version={Pv()}&filters={Facets()}"));
        await Write(folder, "mixed", Enumerable.Range(0, SampleSize / 4).SelectMany(_ => Session(sample, random, Pv(), Term(), Facets())));
        await File.WriteAllLinesAsync(Path.Combine(folder, "terms.txt"), terms, ct);
    }

    /// <summary>
    /// What the Eclipse client asks when a user opens the Marketplace wizard, searches, opens two results and
    /// installs one (PROTOCOL.md): catalogs, markets, featured, a plain and a faceted search, node details, success.
    /// </summary>
    private static IEnumerable<string> Session(List<(long Id, string Title)> sample, Random random, string pv, string term, string facets)
    {
        var query = $"{Client}&platform.version={pv}";
        var first = sample[random.Next(sample.Count)];
        var second = sample[random.Next(sample.Count)];
        yield return $"/catalogs/api/p?{query}";
        yield return $"/api/p?{query}";
        yield return $"/featured/api/p?{query}";
        yield return $"/api/p/search/apachesolr_search/{term}?{query}";
        yield return $"/api/p/search/apachesolr_search/{term}?{query}&filters={facets}";
        yield return $"/node/{first.Id}/api/p?{query}";
        yield return $"/node/{second.Id}/api/p?{query}";
        yield return $"/node/{second.Id}/success?{query}";
    }

    /// <summary>Words of real names and single-word tags, as often as they occur, so common words are searched most.</summary>
    private static List<string> Terms(Vocabulary vocabulary, Random random)
    {
        var words = vocabulary.NameWords.Where(w => w.Length >= 4)
            .Concat(vocabulary.TagOccurrences.Where(t => t.Length >= 3 && t.All(char.IsAsciiLetterOrDigit)))
            .Select(w => w.ToLowerInvariant())
            .ToList();
        return [.. Enumerable.Range(0, SampleSize).Select(_ => words[random.Next(words.Count)])];
    }

    private static Task Write(string folder, string scenario, IEnumerable<string> paths) =>
        File.WriteAllLinesAsync(Path.Combine(folder, scenario + ".paths"), paths);
}
