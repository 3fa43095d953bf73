using System.Net;
using Catalog.Schema.Store;
using Catalog.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using static Catalog.Tests.Support.PublisherApiClient;

namespace Catalog.Tests.Publishing;

/// <summary>The submission workflow as the Eclipse protocol sees it: what is live, when, and in which form.</summary>
public sealed class PackageWorkflowTests
{
    private const string Packages = "/rest/v1/products/packages";
    private static readonly DateTimeOffset Later = new(2030, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private CatalogApplication _app = null!;
    private string _operator = null!;
    private PublisherSession _publisher = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _app = await CatalogApplication.StartAsync(Settings(), configure: b => b.Services.AddSingleton<TimeProvider>(new ManualClock(Later)));
        _operator = await OperatorTokenAsync(_app);
        _publisher = await NewPublisherAsync(_app, _operator, "Workflow Works");
    }

    [TearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task ChangeToALiveListingStaysLiveInItsOldFormUntilApproved()
    {
        var id = await PublishAsync("Heliotrope Viewer");

        var edit = await PutAsync(_publisher.Token, new { id, name = "Heliotrope Viewer Two" });
        Assert.That(edit["state"]!.GetValue<string>(), Is.EqualTo("draft"));
        Assert.That(await NodeNameAsync(id), Is.EqualTo("Heliotrope Viewer"), "an edit is not live");
        await PutAsync(_publisher.Token, new { id, action = "submit" });
        Assert.That(await NodeNameAsync(id), Is.EqualTo("Heliotrope Viewer"), "a submission is not live");
        var package = await GetAsync(_app.Client, $"{Packages}/{id}", _publisher.Token);
        Assert.That(package.Json!["name"]!.GetValue<string>(), Is.EqualTo("Heliotrope Viewer Two"), "the API shows the working copy");
        Assert.That(package.Json!["live"]!.GetValue<bool>(), Is.True);

        await PutAsync(_operator, new { id, action = "approve" });

        Assert.That(await NodeNameAsync(id), Is.EqualTo("Heliotrope Viewer Two"));
    }

    [Test]
    public async Task RejectionNeedsAMessageAndTheRevisedPackageCanBeResubmitted()
    {
        var id = await CreateReadyAsync("Amaranth Linter");
        await PutAsync(_publisher.Token, new { id, action = "submit" });

        var withoutMessage = await PutAsync(_operator, new { id, action = "reject" });
        var rejected = await PutAsync(_operator, new { id, action = "reject", message = "Please add a license." });
        var revised = await PutAsync(_publisher.Token, new { id, license = "MIT", action = "submit" });

        Assert.That(withoutMessage["code"]!.GetValue<int>(), Is.EqualTo(400));
        Assert.That(withoutMessage["field"]!.GetValue<string>(), Is.EqualTo("message"));
        Assert.That(rejected["state"]!.GetValue<string>(), Is.EqualTo("rejected"));
        Assert.That(revised["state"]!.GetValue<string>(), Is.EqualTo("submitted"));
        var status = await GetAsync(_app.Client, $"{Packages}/{id}/status", _publisher.Token);
        Assert.That(status.Json!["history"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()),
            Is.EqualTo(new[] { "created", "submitted", "rejected", "updated", "submitted" }));
        Assert.That(status.Json!["history"]![2]!["message"]!.GetValue<string>(), Is.EqualTo("Please add a license."));
        Assert.That((await _app.Client.GetAsync($"/node/{id}/api/p")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task UnpublishedListingLeavesNodeAndSearchAndComesBackWithItsInstalls()
    {
        var id = await PublishAsync("Bergamot Profiler");
        await _app.Get<ICatalogStore>().RecordInstallAsync(id, CancellationToken.None);

        var unpublished = await PutAsync(_publisher.Token, new { id, action = "unpublish" });

        Assert.That(unpublished["state"]!.GetValue<string>(), Is.EqualTo("unpublished"));
        Assert.That((await _app.Client.GetAsync($"/node/{id}/api/p")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await SearchIdsAsync("bergamot"), Does.Not.Contain(id.ToString()));

        await PutAsync(_publisher.Token, new { id, action = "submit" });
        await PutAsync(_operator, new { id, action = "approve" });

        Assert.That(await SearchIdsAsync("bergamot"), Does.Contain(id.ToString()));
        var listing = await _app.Get<ICatalogStore>().GetListingAsync(id, CancellationToken.None);
        Assert.That(listing!.InstallsTotal, Is.EqualTo(1), "install counts survive unpublishing");
        Assert.That(listing.InstallsRecent, Is.EqualTo(1), "and so do the days they were made on");
    }

    [Test]
    public async Task OperatorManagesASeededListingWithoutPublisher()
    {
        var seeded = (await GetAsync(_app.Client, Packages + "?sort=id&limit=1", _operator)).Json![0]!;
        var id = seeded["id"]!.GetValue<int>();
        var name = seeded["name"]!.GetValue<string>();
        Assert.That(seeded["publisher_id"], Is.Null);

        var byPublisher = await PutAsync(_publisher.Token, new { id, body = "Mine now." });
        await PutAsync(_operator, new { id, short_description = "Reworded by the operator.", action = "submit" });
        Assert.That(await NodeNameAsync(id), Is.EqualTo(name));
        await PutAsync(_operator, new { id, action = "approve" });
        var node = await ProtocolResponse.GetAsync(_app.Client, $"/node/{id}/api/p");
        var removed = await PutAsync(_operator, new { id, action = "remove", message = "Retired." });

        Assert.That(byPublisher["code"]!.GetValue<int>(), Is.EqualTo(403));
        Assert.That(node.Root.Element("node")!.Element("shortdescription")!.Value, Is.EqualTo("Reworded by the operator."));
        Assert.That(removed["state"]!.GetValue<string>(), Is.EqualTo("removed"));
        Assert.That((await _app.Client.GetAsync($"/node/{id}/api/p")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await PutAsync(_operator, new { id, body = "Back?" }))["code"]!.GetValue<int>(), Is.EqualTo(409));
    }

    [Test]
    public async Task AutomaticApprovalPublishesOnSubmission()
    {
        await _app.DisposeAsync();
        _app = await CatalogApplication.StartAsync(Settings(new Dictionary<string, string?> { ["Catalog:Publishing:AutoApprove"] = "true" }));
        _operator = await OperatorTokenAsync(_app);
        _publisher = await NewPublisherAsync(_app, _operator, "Eager Publisher");
        var id = await CreateReadyAsync("Saffron Formatter");

        var submitted = await PutAsync(_publisher.Token, new { id, action = "submit" });

        Assert.That(submitted["state"]!.GetValue<string>(), Is.EqualTo("published"));
        Assert.That(await NodeNameAsync(id), Is.EqualTo("Saffron Formatter"));
        var history = (await GetAsync(_app.Client, $"{Packages}/{id}/status", _publisher.Token)).Json!["history"]!.AsArray();
        Assert.That(history[^1]!["actor"]!.GetValue<string>(), Is.EqualTo("auto-approval"));
    }

    [Test]
    public async Task FoundationMemberFlagKeepsCommercialListingsInRecent()
    {
        var id = await PublishAsync("Vermilion Enterprise Suite", license: "Commercial");
        Assert.That(await RecentIdsAsync(), Does.Not.Contain(id.ToString()), "commercial listings of non-members are hidden from recent");

        var flagged = await SendAsync(_app.Client, HttpMethod.Put, $"/rest/v1/users/{_publisher.PublisherId}", _operator, new { foundation_member = true });

        Assert.That(flagged.Json!["foundation_member"]!.GetValue<bool>(), Is.True);
        Assert.That(await RecentIdsAsync(), Does.Contain(id.ToString()));
    }

    [Test]
    public async Task ProfileChangeRewritesOwnerAndCompanyOfLiveListings()
    {
        var id = await PublishAsync("Celadon Debugger");

        await SendAsync(_app.Client, HttpMethod.Put, $"/rest/v1/users/{_publisher.PublisherId}", _publisher.Token,
            new { display_name = "Celadon People", company_name = "Celadon GmbH" });

        var node = (await ProtocolResponse.GetAsync(_app.Client, $"/node/{id}/api/p")).Root.Element("node")!;
        Assert.That(node.Element("owner")!.Value, Is.EqualTo("Celadon People"));
        Assert.That(node.Element("companyname")!.Value, Is.EqualTo("Celadon GmbH"));
    }

    [Test]
    public async Task SubmissionAcceptsOnlyThePublishersOwnFiles()
    {
        var (own, foreign) = await InsertFilesAsync();
        var id = await CreateReadyAsync("Ochre Icons");

        var withForeign = await PutAsync(_publisher.Token, new { id, logo_file_id = foreign, action = "submit" });
        var withOwn = await PutAsync(_publisher.Token, new { id, logo_file_id = own, action = "submit" });
        await PutAsync(_operator, new { id, action = "approve" });
        var node = (await ProtocolResponse.GetAsync(_app.Client, $"/node/{id}/api/p")).Root.Element("node")!;

        Assert.That(withForeign["code"]!.GetValue<int>(), Is.EqualTo(400));
        Assert.That(withForeign["field"]!.GetValue<string>(), Is.EqualTo("logo_file_id"));
        Assert.That(withOwn["state"]!.GetValue<string>(), Is.EqualTo("submitted"));
        Assert.That(node.Element("image")!.Value, Is.EqualTo(new Uri(_app.BaseAddress, $"/files/{own}").ToString()));
    }

    [Test]
    public async Task ListsPageSortAndCountOnlyThePublishersOwn()
    {
        foreach (var name in new[] { "Bravo", "Alpha", "Charlie" })
            await SendAsync(_app.Client, HttpMethod.Post, Packages, _publisher.Token, new[] { new { name, short_description = "s" } });
        var other = await NewPublisherAsync(_app, _operator, "Someone Else");
        await SendAsync(_app.Client, HttpMethod.Post, Packages, other.Token, new[] { new { name = "Delta", short_description = "s" } });

        var page = await GetAsync(_app.Client, Packages + "?sort=%2Bname&offset=1&limit=1", _publisher.Token);
        var byName = await GetAsync(_app.Client, Packages + "?sort=-name", _publisher.Token);
        var all = await GetAsync(_app.Client, Packages + "?limit=100", _operator);

        Assert.That(page.Message.Headers.GetValues("X-Total-Count").Single(), Is.EqualTo("3"));
        Assert.That(page.Json!.AsArray().Select(p => p!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Bravo" }));
        Assert.That(byName.Json!.AsArray().Select(p => p!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Charlie", "Bravo", "Alpha" }));
        Assert.That(int.Parse(all.Message.Headers.GetValues("X-Total-Count").Single()), Is.GreaterThan(40), "the operator sees seeded listings too");
    }

    [Test]
    public async Task AWriteFromAStaleReadChangesNothingAndIsAConflict()
    {
        var id = await CreateReadyAsync("Vermilion Inspector");
        await PutAsync(_publisher.Token, new { id, action = "submit" });
        var store = _app.Get<IPackageStore>();
        var stale = (await store.GetAsync(id, CancellationToken.None))!;
        await PutAsync(_operator, new { id, action = "approve" });
        var changeNumber = await _app.Get<ICatalogStore>().GetChangeNumberAsync(CancellationToken.None);

        // A second approval that read the package before the first one wrote (the clock stands still here, so
        // only the state tells them apart).
        await Assert.ThrowsAsync<Catalog.Schema.Publishing.PackageChangedException>(() =>
            store.PublishAsync(stale, stale.PendingContent!, [new("approved", "published")], "operator:late", CancellationToken.None));

        var history = (await store.GetHistoryAsync(id, CancellationToken.None)).Select(h => h.Action).ToList();
        Assert.That(history.Count(a => a == "approved"), Is.EqualTo(1));
        Assert.That(await _app.Get<ICatalogStore>().GetChangeNumberAsync(CancellationToken.None), Is.EqualTo(changeNumber));
    }

    [Test]
    public async Task ConcurrentApprovalsLandOnce()
    {
        var id = await CreateReadyAsync("Cinnabar Tracer");
        await PutAsync(_publisher.Token, new { id, action = "submit" });

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PutAsync(_operator, new { id, action = "approve" })));

        Assert.That(answers.Count(a => a["code"]!.GetValue<int>() == 200), Is.EqualTo(1), string.Join("\n", answers.Select(a => a.ToJsonString())));
        Assert.That(answers.Where(a => a["code"]!.GetValue<int>() != 200).Select(a => a["code"]!.GetValue<int>()), Is.All.EqualTo(409));
        var status = await GetAsync(_app.Client, $"{Packages}/{id}/status", _operator);
        Assert.That(status.Json!["history"]!.AsArray().Count(h => h!["action"]!.GetValue<string>() == "approved"), Is.EqualTo(1));
    }

    private Task<int> CreateReadyAsync(string name, string license = "EPL 2.0") =>
        CreateReadyPackageAsync(_app.Client, _publisher.Token, name, license);

    private async Task<int> PublishAsync(string name, string license = "EPL 2.0")
    {
        var id = await CreateReadyAsync(name, license);
        await PutAsync(_publisher.Token, new { id, action = "submit" });
        var approved = await PutAsync(_operator, new { id, action = "approve" });
        Assert.That(approved["state"]!.GetValue<string>(), Is.EqualTo("published"), approved.ToJsonString());
        return id;
    }

    private async Task<System.Text.Json.Nodes.JsonNode> PutAsync(string token, object item)
    {
        var response = await SendAsync(_app.Client, HttpMethod.Put, Packages, token, new[] { item });
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        return response.Json![0]!;
    }

    private async Task<string?> NodeNameAsync(int id) =>
        (await ProtocolResponse.GetAsync(_app.Client, $"/node/{id}/api/p")).Root.Element("node")?.Attribute("name")?.Value;

    private async Task<List<string>> SearchIdsAsync(string text) =>
        (await ProtocolResponse.GetAsync(_app.Client, "/api/p/search/apachesolr_search/" + text)).Root.Element("search")!
            .Elements("node").Select(n => n.Attribute("id")!.Value).ToList();

    private async Task<List<string>> RecentIdsAsync() =>
        (await ProtocolResponse.GetAsync(_app.Client, "/recent/api/p?client=org.eclipse.epp.mpc.core&platform.version=4.31")).Root.Element("recent")!
            .Elements("node").Select(n => n.Attribute("id")!.Value).ToList();

    /// <summary>File rows as the upload endpoint records them: one of this publisher, one of another.</summary>
    private async Task<(int Own, int Foreign)> InsertFilesAsync()
    {
        var other = await NewPublisherAsync(_app, _operator, "File Owner");
        await using var connection = await _app.Get<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        const string Insert = """
            INSERT INTO files (sha256, content_type, size, filename, publisher_id, created_at)
            VALUES ('00', 'image/png', 1, 'logo.png', @publisher, '2030-01-15T12:00:00.000Z') RETURNING id
            """;
        var own = await connection.ExecuteScalarAsync<int>(Insert, new { publisher = _publisher.PublisherId });
        var foreign = await connection.ExecuteScalarAsync<int>(Insert, new { publisher = other.PublisherId });
        return (own, foreign);
    }
}
