using System.Net;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.PublisherApiClient;

namespace Catalog.Tests.Publishing;

/// <summary>
/// A market's or category's slug, and a news item's url, are unique. Operators creating the same one at once
/// (two consoles, a retried script) must get exactly one creation and a 409 for every other request: not a
/// 500 from the database's constraint, and not a second "201 Created" that silently rewrote the first.
/// </summary>
[NonParallelizable]
public sealed class OperatorUniquenessTests
{
    private const int Racers = 8;

    [TestCase("/rest/v1/markets")]
    [TestCase("/rest/v1/categories")]
    public async Task ConcurrentCreatesWithOneSlugCreateExactlyOne(string path)
    {
        await using var app = await CatalogApplication.StartAsync(Settings());
        var token = await OperatorTokenAsync(app);

        // Names differ (so each request is a different item), the slug is the same.
        var answers = await Race(i => SendAsync(app.Client, HttpMethod.Post, path, token, new { name = $"Racing {i}", slug = "racing-slug" }));

        AssertOneCreatedOthersConflict(answers, "slug");
        var created = answers.Single(a => a.Status == HttpStatusCode.Created).Json!;
        var listed = await GetAsync(app.Client, path, token);
        var withSlug = listed.Json!.AsArray().Where(m => m!["slug"]!.GetValue<string>() == "racing-slug").ToList();
        Assert.That(withSlug, Has.Count.EqualTo(1));
        Assert.That(withSlug[0]!["name"]!.GetValue<string>(), Is.EqualTo(created["name"]!.GetValue<string>()),
            "the item created is the one stored: a later request did not overwrite it");
    }

    [Test]
    public async Task ConcurrentRenamesToOneSlugLeaveItUnique()
    {
        await using var app = await CatalogApplication.StartAsync(Settings());
        var token = await OperatorTokenAsync(app);
        var ids = new List<int>();
        for (var i = 0; i < Racers; i++)
        {
            var made = await SendAsync(app.Client, HttpMethod.Post, "/rest/v1/markets", token, new { name = $"Renamed {i}", slug = $"renamed-{i}" });
            Assert.That(made.Status, Is.EqualTo(HttpStatusCode.Created), made.Text);
            ids.Add(made.Json!["id"]!.GetValue<int>());
        }

        var answers = await Race(i => SendAsync(app.Client, HttpMethod.Put, $"/rest/v1/markets/{ids[i]}", token, new { slug = "one-slug" }));

        Assert.That(answers.Count(a => a.Status == HttpStatusCode.OK), Is.EqualTo(1), string.Join("\n", answers.Select(a => a.Text)));
        Assert.That(answers.Where(a => a.Status != HttpStatusCode.OK).Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task ConcurrentNewsWithOneUrlCreateExactlyOne()
    {
        await using var app = await CatalogApplication.StartAsync(Settings());
        var token = await OperatorTokenAsync(app);

        var answers = await Race(i => SendAsync(app.Client, HttpMethod.Post, "/rest/v1/news", token,
            new { short_title = $"Racing news {i}", url = "https://news.example.org/racing" }));

        AssertOneCreatedOthersConflict(answers, "url");
        var created = answers.Single(a => a.Status == HttpStatusCode.Created).Json!;
        var stored = (await GetAsync(app.Client, "/rest/v1/news", token)).Json!.AsArray()
            .Single(n => n!["url"]!.GetValue<string>() == "https://news.example.org/racing")!;
        Assert.That(stored["short_title"]!.GetValue<string>(), Is.EqualTo(created["short_title"]!.GetValue<string>()));
    }

    private static async Task<ApiResponse[]> Race(Func<int, Task<ApiResponse>> request)
    {
        using var start = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, Racers).Select(async i =>
        {
            await start.WaitAsync();
            return await request(i);
        }).ToList();
        start.Release(Racers);
        return await Task.WhenAll(racers);
    }

    private static void AssertOneCreatedOthersConflict(ApiResponse[] answers, string field)
    {
        var all = string.Join("\n", answers.Select(a => $"{(int)a.Status} {a.Text}"));
        Assert.That(answers.Select(a => a.Status), Has.None.EqualTo(HttpStatusCode.InternalServerError), all);
        Assert.That(answers.Count(a => a.Status == HttpStatusCode.Created), Is.EqualTo(1), all);
        foreach (var refused in answers.Where(a => a.Status != HttpStatusCode.Created))
        {
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Conflict), all);
            Assert.That(refused.ErrorField, Is.EqualTo(field), refused.Text);
        }
    }
}
