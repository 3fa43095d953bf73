using System.Globalization;
using Catalog.Schema.Seeding;
using Catalog.Schema.Store;
using Catalog.Tests.Support;

namespace Catalog.Tests.Operations;

internal static class OperationsScenario
{
    /// <summary>The index follows only when a test says so.</summary>
    public static readonly Dictionary<string, string?> NoPolling = new() { ["Catalog:Indexing:PollMilliseconds"] = "3600000" };

    /// <summary>A real write through the content write path that the running server's index has not seen.</summary>
    public static async Task<long> WriteBehindTheIndexAsync(CatalogApplication app)
    {
        var content = await app.Get<SeedLoader>().LoadAsync(ReferenceData.SeedData, CancellationToken.None);
        var renamed = content with { Listings = [content.Listings[0] with { Name = "Renamed Behind The Index" }, .. content.Listings.Skip(1)] };
        var result = await app.Get<ICatalogContentWriter>().WriteAsync(renamed, CancellationToken.None);
        Assert.That(result.ListingsUpdated, Is.EqualTo(1));
        return result.ChangeNumber;
    }

    /// <summary>Samples of a Prometheus text answer, keyed by name and labels as written.</summary>
    public static async Task<Dictionary<string, double>> ScrapeAsync(CatalogApplication app)
    {
        var response = await app.Client.GetAsync("/metrics");
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Content.Headers.ContentType?.ToString(), Does.StartWith("text/plain; version=0.0.4"));
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
                continue;
            var space = line.LastIndexOf(' ');
            samples.Add(line[..space], line[(space + 1)..] == "+Inf" ? double.PositiveInfinity : double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture));
        }
        return samples;
    }

    /// <summary>
    /// ASP.NET Core records a request's duration once the response has gone, so a scrape right after a
    /// response may not count it yet: scrape until the condition holds, a bounded number of times.
    /// </summary>
    public static async Task<Dictionary<string, double>> ScrapeUntilAsync(CatalogApplication app, Func<Dictionary<string, double>, bool> condition)
    {
        var samples = await ScrapeAsync(app);
        for (var attempt = 0; attempt < 100 && !condition(samples); attempt++)
        {
            await Task.Delay(50);
            samples = await ScrapeAsync(app);
        }
        return samples;
    }

    public static double Value(Dictionary<string, double> samples, string key) => samples.GetValueOrDefault(key);
}
