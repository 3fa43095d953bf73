using System.Net;
using System.Text.Json.Nodes;
using Catalog.Schema.Content;
using Catalog.Schema.Store;
using Catalog.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Catalog.Tests.Support.PublisherApiClient;

namespace Catalog.Tests.Publishing;

/// <summary>
/// Reports over HTTP, fed by the protocol's own install-success and install-error endpoints, on a clock the
/// test moves so that installs and errors age out of "recent".
/// </summary>
public sealed class ReportTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task InstallsAndErrorsMoveTotalsAndAgeOutOfRecentAfterThirtyDays()
    {
        var clock = new ManualClock(Start);
        await using var world = await World.StartAsync(clock);
        var (app, operatorToken, owner) = (world.App, world.OperatorToken, world.Owner);

        for (var i = 0; i < 3; i++)
            await Succeed(app, $"/node/{world.Alpha}/success");
        await Succeed(app, "/content/beta-tool/success");
        await ReportErrorAsync(app, world.Alpha, world.Beta);
        await ReportErrorAsync(app, world.Alpha);
        await ReportErrorAsync(app, world.Gamma);

        var fresh = await GetAsync(app.Client, $"/rest/v1/users/{owner.PublisherId}/reports/totals", owner.Token);
        clock.Advance(TimeSpan.FromDays(29));
        var token = await TokenAsync(app.Client, owner.AppId, owner.Secret); // the first one expired meanwhile
        var lastRecentDay = await GetAsync(app.Client, $"/rest/v1/users/{owner.PublisherId}/reports/totals", token);
        clock.Advance(TimeSpan.FromDays(1));
        token = await TokenAsync(app.Client, owner.AppId, owner.Secret);
        await Succeed(app, $"/node/{world.Alpha}/success");
        var aged = await GetAsync(app.Client, $"/rest/v1/users/{owner.PublisherId}/reports/totals", token);
        var alpha = await GetAsync(app.Client, $"/rest/v1/reports/listings/{world.Alpha}", token);

        Assert.That(fresh.Status, Is.EqualTo(HttpStatusCode.OK), fresh.Text);
        Assert.That(Figures(fresh.Json!), Is.EqualTo((4L + World.ShelvedInstalls, 4L + World.ShelvedInstalls, 2L, 2L)),
            "installs total and recent (the shelved listing's, made while it was live, too); errors total, recent (the report naming both listings once)");
        Assert.That(Figures(Row(fresh.Json!, world.Alpha)), Is.EqualTo((3L, 3L, 2L, 2L)));
        Assert.That(Figures(Row(fresh.Json!, world.Beta)), Is.EqualTo((1L, 1L, 1L, 1L)));
        Assert.That(fresh.Json!["listing_count"]!.GetValue<int>(), Is.EqualTo(3), "Alpha, Beta and Shelved; Gamma is another publisher's");
        Assert.That(fresh.Json!["recent_days"]!.GetValue<int>(), Is.EqualTo(30));
        Assert.That(Figures(lastRecentDay.Json!), Is.EqualTo((4L + World.ShelvedInstalls, 4L + World.ShelvedInstalls, 2L, 2L)), "29 days later is still recent");
        Assert.That(Figures(aged.Json!), Is.EqualTo((5L + World.ShelvedInstalls, 1L, 2L, 0L)), "30 days later only today's install is recent");
        Assert.That(Figures(alpha.Json!["listing"]!), Is.EqualTo((4L, 1L, 2L, 0L)));
        Assert.That(alpha.Json!["installs_by_day"]!.ToJsonString(), Is.EqualTo("""[{"day":"2026-03-31","installs":1}]"""));
        Assert.That(alpha.Json!["listing"]!["name"]!.GetValue<string>(), Is.EqualTo("Alpha Tool"));
        Assert.That(alpha.Json!["listing"]!["publisher_id"]!.GetValue<int>(), Is.EqualTo(owner.PublisherId));
    }

    [Test]
    public async Task MetricsCountTheWholeCatalog()
    {
        var clock = new ManualClock(Start);
        await using var world = await World.StartAsync(clock);
        var app = world.App;
        await Succeed(app, $"/node/{world.Alpha}/success");
        await Succeed(app, $"/node/{world.Gamma}/success");
        await Succeed(app, $"/node/{world.Seeded}/success");
        await ReportErrorAsync(app, world.Seeded);
        await FileUploadClient.UploadAsync(app.Client, world.Owner.Token, new UploadPart("a.png", TestFiles.Png), new UploadPart("b.png", TestFiles.Png));
        clock.Advance(TimeSpan.FromDays(40));
        await Succeed(app, $"/node/{world.Alpha}/success");

        var metrics = await GetAsync(app.Client, "/rest/v1/reports/metrics", await TokenAsync(app.Client, world.OperatorKey.AppId, world.OperatorKey.Secret));

        Assert.That(metrics.Status, Is.EqualTo(HttpStatusCode.OK), metrics.Text);
        var m = metrics.Json!;
        Assert.That(m["listings_live"]!.GetValue<long>(), Is.EqualTo(4));
        Assert.That(m["publishers"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(m["installs_total"]!.GetValue<long>(), Is.EqualTo(World.SeededInstalls + 4), "live listings' counters");
        Assert.That(m["installs_recent"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(m["favorites"]!.GetValue<long>(), Is.EqualTo(World.SeededFavorites));
        Assert.That(m["install_errors"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(m["install_errors_recent"]!.GetValue<long>(), Is.EqualTo(0));
        Assert.That(m["files"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(m["file_bytes"]!.GetValue<long>(), Is.EqualTo(TestFiles.Png.Length), "the same bytes are stored once");
        Assert.That(m["packages"]!.ToJsonString(), Is.EqualTo(
            """{"total":4,"live":3,"unpublished":1,"removed":0,"draft":1,"submitted":0,"rejected":0}"""));
    }

    [Test]
    public async Task UnpublishedPackageReportsItsKeptCountersAndName()
    {
        await using var world = await World.StartAsync(new ManualClock(Start));

        var shelved = await GetAsync(world.App.Client, $"/rest/v1/reports/listings/{world.Shelved}", world.Owner.Token);
        var totals = await GetAsync(world.App.Client, $"/rest/v1/users/{world.Owner.PublisherId}/reports/totals", world.Owner.Token);

        Assert.That(shelved.Status, Is.EqualTo(HttpStatusCode.OK), shelved.Text);
        Assert.That(shelved.Json!["listing"]!["live"]!.GetValue<bool>(), Is.False);
        Assert.That(shelved.Json!["listing"]!["name"]!.GetValue<string>(), Is.EqualTo("Shelved Tool"));
        Assert.That(shelved.Json!["listing"]!["publisher_id"]!.GetValue<int>(), Is.EqualTo(world.Owner.PublisherId));
        Assert.That(shelved.Json!["listing"]!["installs_total"]!.GetValue<long>(), Is.EqualTo(World.ShelvedInstalls), "kept when unpublished");
        Assert.That(shelved.Json!["listing"]!["installs_recent"]!.GetValue<long>(), Is.EqualTo(World.ShelvedInstalls));
        Assert.That(shelved.Json!["installs_by_day"]!.ToJsonString(), Is.EqualTo("""[{"day":"2026-03-01","installs":7}]"""));
        Assert.That(totals.Json!["listings"]!.AsArray().Select(r => r!["listing_id"]!.GetValue<int>()),
            Is.EqualTo(new[] { world.Alpha, world.Beta, world.Shelved }));
        Assert.That(Row(totals.Json!, world.Shelved)["name"]!.GetValue<string>(), Is.EqualTo("Shelved Tool"));
    }

    [Test]
    public async Task ReportsAreForTheOwnerAndTheOperator()
    {
        await using var world = await World.StartAsync(new ManualClock(Start));
        var owner = world.Owner;
        var other = world.Other;
        var cases = new (string Path, string Who, string? Token, HttpStatusCode Expected)[]
        {
            ("/rest/v1/reports/metrics", "anonymous", null, HttpStatusCode.Unauthorized),
            ("/rest/v1/reports/metrics", "other publisher", other.Token, HttpStatusCode.Forbidden),
            ("/rest/v1/reports/metrics", "owner", owner.Token, HttpStatusCode.Forbidden),
            ("/rest/v1/reports/metrics", "operator", world.OperatorToken, HttpStatusCode.OK),
            ($"/rest/v1/users/{owner.PublisherId}/reports/totals", "anonymous", null, HttpStatusCode.Unauthorized),
            ($"/rest/v1/users/{owner.PublisherId}/reports/totals", "other publisher", other.Token, HttpStatusCode.Forbidden),
            ($"/rest/v1/users/{owner.PublisherId}/reports/totals", "owner", owner.Token, HttpStatusCode.OK),
            ($"/rest/v1/users/{owner.PublisherId}/reports/totals", "operator", world.OperatorToken, HttpStatusCode.OK),
            ($"/rest/v1/reports/listings/{world.Alpha}", "anonymous", null, HttpStatusCode.Unauthorized),
            ($"/rest/v1/reports/listings/{world.Alpha}", "other publisher", other.Token, HttpStatusCode.Forbidden),
            ($"/rest/v1/reports/listings/{world.Alpha}", "owner", owner.Token, HttpStatusCode.OK),
            ($"/rest/v1/reports/listings/{world.Alpha}", "operator", world.OperatorToken, HttpStatusCode.OK),
            ($"/rest/v1/reports/listings/{world.Shelved}", "other publisher", other.Token, HttpStatusCode.Forbidden),
            ($"/rest/v1/reports/listings/{world.Shelved}", "owner", owner.Token, HttpStatusCode.OK),
            ($"/rest/v1/reports/listings/{world.Seeded}", "anonymous", null, HttpStatusCode.Unauthorized),
            ($"/rest/v1/reports/listings/{world.Seeded}", "other publisher", other.Token, HttpStatusCode.Forbidden),
            ($"/rest/v1/reports/listings/{world.Seeded}", "a publisher", owner.Token, HttpStatusCode.Forbidden),
            ($"/rest/v1/reports/listings/{world.Seeded}", "operator", world.OperatorToken, HttpStatusCode.OK),
            ("/rest/v1/reports/listings/99999", "operator", world.OperatorToken, HttpStatusCode.NotFound),
            ("/rest/v1/reports/listings/99999", "owner", owner.Token, HttpStatusCode.NotFound),
            ("/rest/v1/users/99999/reports/totals", "operator", world.OperatorToken, HttpStatusCode.NotFound),
        };

        var answers = new List<string>();
        foreach (var (path, who, token, _) in cases)
            answers.Add($"{path} as {who}: {(int)(await GetAsync(world.App.Client, path, token)).Status}");

        Assert.That(answers, Is.EqualTo(cases.Select(c => $"{c.Path} as {c.Who}: {(int)c.Expected}").ToList()));
    }

    private static (long InstallsTotal, long InstallsRecent, long Errors, long ErrorsRecent) Figures(JsonNode node) =>
        (node["installs_total"]!.GetValue<long>(), node["installs_recent"]!.GetValue<long>(),
         node["install_errors"]!.GetValue<long>(), node["install_errors_recent"]!.GetValue<long>());

    private static JsonNode Row(JsonNode totals, int listingId) =>
        totals["listings"]!.AsArray().Single(r => r!["listing_id"]!.GetValue<int>() == listingId)!;

    private static async Task Succeed(CatalogApplication app, string path)
    {
        var response = await ProtocolResponse.GetAsync(app.Client, path);
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), path);
    }

    private static async Task ReportErrorAsync(CatalogApplication app, params int[] nodes)
    {
        var fields = new List<KeyValuePair<string, string>> { new("status", "4"), new("statusMessage", "Cannot complete the install") };
        fields.AddRange(nodes.Select(n => new KeyValuePair<string, string>("node", n.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        using var response = await app.Client.PostAsync("/install/error/report", new FormUrlEncodedContent(fields));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>
    /// A server with two publishers, their listings made through the packages API: Owner has Alpha, Beta and
    /// Shelved (installed while live, then unpublished, now reworked as a draft); Other has Gamma. Seeded has no
    /// publisher, as seeded and imported listings.
    /// </summary>
    private sealed class World : IAsyncDisposable
    {
        private const string Packages = "/rest/v1/products/packages";
        public const long SeededInstalls = 50;
        public const long SeededFavorites = 6;
        public const long ShelvedInstalls = 7;

        public required CatalogApplication App { get; init; }
        public required Catalog.Server.Publishing.Apps.CreatedAppKey OperatorKey { get; init; }
        public required string OperatorToken { get; init; }
        public required PublisherSession Owner { get; init; }
        public required PublisherSession Other { get; init; }
        public required int Alpha { get; init; }
        public required int Beta { get; init; }
        public required int Gamma { get; init; }
        public required int Shelved { get; init; }
        public required int Seeded { get; init; }

        public static async Task<World> StartAsync(ManualClock clock)
        {
            var app = await CatalogApplication.StartAsync(Settings(), seed: false, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
            var operatorKey = await CreateOperatorKeyAsync(app);
            var operatorToken = await TokenAsync(app.Client, operatorKey.AppId, operatorKey.Secret);
            var owner = await NewPublisherAsync(app, operatorToken, "Owner");
            var other = await NewPublisherAsync(app, operatorToken, "Other");
            var when = Start.AddYears(-1);
            await app.Get<ICatalogContentWriter>().WriteAsync(new CatalogContent
            {
                Listings =
                [
                    new ListingSource
                    {
                        Key = "seeded", Name = "Seeded Tool", UrlTitle = "seeded-tool", Created = when, Changed = when,
                        Installs = SeededInstalls, Favorites = (int)SeededFavorites,
                    },
                ],
            }, CancellationToken.None);
            var seeded = (await app.Get<ICatalogStore>().GetListingByUrlTitleAsync("seeded-tool", CancellationToken.None))!.Id;

            var alpha = await PublishAsync(app, owner, operatorToken, "Alpha Tool");
            var beta = await PublishAsync(app, owner, operatorToken, "Beta Tool");
            var gamma = await PublishAsync(app, other, operatorToken, "Gamma Tool");
            var shelved = await PublishAsync(app, owner, operatorToken, "Shelved Tool");
            for (var i = 0; i < ShelvedInstalls; i++)
                await Succeed(app, $"/node/{shelved}/success");
            await PutAsync(app, owner.Token, new { id = shelved, action = "unpublish" }, "unpublished");
            await PutAsync(app, owner.Token, new { id = shelved, body = "Being reworked." }, "draft");

            return new World
            {
                App = app, OperatorKey = operatorKey, OperatorToken = operatorToken, Owner = owner, Other = other,
                Alpha = alpha, Beta = beta, Gamma = gamma, Shelved = shelved, Seeded = seeded,
            };
        }

        /// <summary>Draft, versions, submission and the operator's approval, as a publisher's script goes.</summary>
        private static async Task<int> PublishAsync(CatalogApplication app, PublisherSession publisher, string operatorToken, string name)
        {
            var created = await SendAsync(app.Client, HttpMethod.Post, Packages, publisher.Token,
                new[] { new { name, short_description = $"{name} does one thing well." } });
            Assert.That(created.Json![0]!["code"]!.GetValue<int>(), Is.EqualTo(201), created.Text);
            var id = created.Json![0]!["id"]!.GetValue<int>();
            await PutAsync(app, publisher.Token, new
            {
                id,
                versions = new[]
                {
                    new
                    {
                        update_site_url = $"https://example.com/{id}/updates", releases = new[] { "4.31" },
                        features = new[] { new { id = "com.example.feature.group" } },
                    },
                },
            }, "draft");
            await PutAsync(app, publisher.Token, new { id, action = "submit" }, "submitted");
            await PutAsync(app, operatorToken, new { id, action = "approve" }, "published");
            return id;
        }

        private static async Task PutAsync(CatalogApplication app, string token, object item, string state)
        {
            var response = await SendAsync(app.Client, HttpMethod.Put, Packages, token, new[] { item });
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
            Assert.That(response.Json![0]!["state"]?.GetValue<string>(), Is.EqualTo(state), response.Text);
        }

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
