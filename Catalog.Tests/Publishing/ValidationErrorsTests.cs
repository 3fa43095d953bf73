using System.Net;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.PublisherApiClient;

namespace Catalog.Tests.Publishing;

/// <summary>
/// Every validation error the API gives, as a table: what was sent, by whom, the status and the field named.
/// Batch endpoints are judged by their one item's answer. Nothing a refused request carried is stored.
/// </summary>
[NonParallelizable]
public sealed class ValidationErrorsTests
{
    private const string Packages = "/rest/v1/products/packages";

    /// <summary>
    /// Path and body may hold {P} (a draft of the publisher), {R} (a draft ready to submit), {U} (the publisher's id),
    /// {O} (another publisher's id) and {L} (a seeded listing).
    /// </summary>
    public sealed record Case(string Name, string Method, string Path, string Body, int Status, string? Field, bool AsOperator = false)
    {
        public override string ToString() => Name;
    }

    private static readonly Case[] Table =
    [
        // Package fields (PUT items)
        new("empty name", "PUT", Packages, """[{"id":{P},"name":""}]""", 400, "name"),
        new("name of wrong type", "PUT", Packages, """[{"id":{P},"name":5}]""", 400, "name"),
        new("empty short description", "PUT", Packages, """[{"id":{P},"short_description":"  "}]""", 400, "short_description"),
        new("name too long", "PUT", Packages, "[{\"id\":{P},\"name\":\"" + new string('n', 201) + "\"}]", 400, "name"),
        new("control characters", "PUT", Packages, """[{"id":{P},"license":"EPL\u0000"}]""", 400, "license"),
        new("bad type", "PUT", Packages, """[{"id":{P},"type":"Not A Type"}]""", 400, "type"),
        new("unknown category", "PUT", Packages, """[{"id":{P},"categories":[999999]}]""", 400, "categories[0]"),
        new("unknown market", "PUT", Packages, """[{"id":{P},"markets":[999999]}]""", 400, "markets[0]"),
        new("categories of wrong type", "PUT", Packages, """[{"id":{P},"categories":"editors"}]""", 400, "categories"),
        new("tag with comma", "PUT", Packages, """[{"id":{P},"tags":["a,b"]}]""", 400, "tags[0]"),
        new("empty tag", "PUT", Packages, """[{"id":{P},"tags":["ok",""]}]""", 400, "tags[1]"),
        new("homepage not http", "PUT", Packages, """[{"id":{P},"homepage_url":"ftp://example.com/"}]""", 400, "homepage_url"),
        new("support url not a url", "PUT", Packages, """[{"id":{P},"support_url":"not a url"}]""", 400, "support_url"),
        new("negative logo id", "PUT", Packages, """[{"id":{P},"logo_file_id":-1}]""", 400, "logo_file_id"),
        new("unknown release", "PUT", Packages, """[{"id":{P},"versions":[{"releases":["9.99"]}]}]""", 400, "versions[0].releases[0]"),
        new("unknown platform", "PUT", Packages, """[{"id":{P},"versions":[{"platforms":["BeOS"]}]}]""", 400, "versions[0].platforms[0]"),
        new("bad update site", "PUT", Packages, """[{"id":{P},"versions":[{"update_site_url":"nope"}]}]""", 400, "versions[0].update_site_url"),
        new("bad java version", "PUT", Packages, """[{"id":{P},"versions":[{"min_java_version":"seventeen"}]}]""", 400, "versions[0].min_java_version"),
        new("empty feature id", "PUT", Packages, """[{"id":{P},"versions":[{"features":[{"id":""}]}]}]""", 400, "versions[0].features[0].id"),
        new("feature id with space", "PUT", Packages, """[{"id":{P},"versions":[{},{"features":[{"id":"a b"}]}]}]""", 400, "versions[1].features[0].id"),
        new("feature flag of wrong type", "PUT", Packages, """[{"id":{P},"versions":[{"features":[{"id":"a","required":"yes"}]}]}]""", 400, "versions[0].features[0].required"),
        new("versions of wrong type", "PUT", Packages, """[{"id":{P},"versions":"1.0"}]""", 400, "versions"),
        new("unknown field", "PUT", Packages, """[{"id":{P},"colour":"blue"}]""", 400, "colour"),
        new("unknown action", "PUT", Packages, """[{"id":{P},"action":"publish"}]""", 400, "action"),
        new("changes with approve", "PUT", Packages, """[{"id":{P},"name":"x","action":"approve"}]""", 400, "action", AsOperator: true),
        new("update without id", "PUT", Packages, """[{"name":"x"}]""", 400, "id"),
        new("unknown package", "PUT", Packages, """[{"id":999999,"name":"x"}]""", 404, null),
        new("another publisher's id", "PUT", Packages, """[{"id":{P},"publisher_id":{O}}]""", 403, "publisher_id"),
        new("approve a draft", "PUT", Packages, """[{"id":{P},"action":"approve"}]""", 409, "action", AsOperator: true),
        new("unpublish a draft", "PUT", Packages, """[{"id":{P},"action":"unpublish"}]""", 409, "action"),
        // Submission checks
        new("submit without versions", "PUT", Packages, """[{"id":{P},"action":"submit"}]""", 400, "versions"),
        new("submit without features", "PUT", Packages,
            """[{"id":{P},"versions":[{"update_site_url":"https://example.com/u","releases":["4.30"]}],"action":"submit"}]""", 400, "versions[0].features"),
        new("submit without releases", "PUT", Packages,
            """[{"id":{P},"versions":[{"update_site_url":"https://example.com/u","features":[{"id":"f"}]}],"action":"submit"}]""", 400, "versions[0].releases"),
        new("submit without update site", "PUT", Packages,
            """[{"id":{P},"versions":[{"releases":["4.30"],"features":[{"id":"f"}]}],"action":"submit"}]""", 400, "versions[0].update_site_url"),
        new("submit with unknown logo", "PUT", Packages, """[{"id":{R},"logo_file_id":424242,"action":"submit"}]""", 400, "logo_file_id"),
        new("submit with unknown screenshot", "PUT", Packages, """[{"id":{R},"screenshot_file_id":424242,"action":"submit"}]""", 400, "screenshot_file_id"),
        // Creating packages (POST items)
        new("create without name", "POST", Packages, """[{"short_description":"s"}]""", 400, "name"),
        new("create without short description", "POST", Packages, """[{"name":"n"}]""", 400, "short_description"),
        new("create with id", "POST", Packages, """[{"id":5,"name":"n","short_description":"s"}]""", 400, "id"),
        new("create and approve", "POST", Packages, """[{"name":"n","short_description":"s","action":"approve"}]""", 400, "action"),
        new("create for another publisher", "POST", Packages, """[{"name":"n","short_description":"s","publisher_id":{O}}]""", 403, "publisher_id"),
        new("item not an object", "POST", Packages, """[42]""", 400, "$"),
        // Batch and body shape (whole request)
        new("batch not an array", "POST", Packages, """{"name":"n","short_description":"s"}""", 400, "$"),
        new("empty batch", "PUT", Packages, "[]", 400, "$"),
        new("malformed json", "PUT", Packages, """[{"id":""", 400, "$"),
        new("empty body", "PUT", Packages, "", 400, "$"),
        new("duplicate key", "PUT", Packages, """[{"id":{P},"name":"first","name":"second"}]""", 400, "name"),
        new("duplicate nested key", "PUT", Packages, """[{"id":{P},"versions":[{"version":"1","version":"2"}]}]""", 400, "versions[0].version"),
        new("duplicate profile key", "PUT", "/rest/v1/users/{U}", """{"display_name":"a","display_name":"b"}""", 400, "display_name"),
        new("duplicate key on create", "POST", "/rest/v1/markets", """{"name":"a","slug":"dup-a","slug":"dup-b"}""", 400, "slug", AsOperator: true),
        // Lists
        new("negative offset", "GET", Packages + "?offset=-1", "", 400, "offset"),
        new("injected offset", "GET", Packages + "?offset=%27%20OR%201%3D1%20--", "", 400, "offset"),
        new("text limit", "GET", Packages + "?limit=abc", "", 400, "limit"),
        new("huge offset", "GET", Packages + "?offset=99999999999999", "", 400, "offset"),
        new("text limit on users", "GET", "/rest/v1/users?limit=abc", "", 400, "limit", AsOperator: true),
        new("zero limit", "GET", Packages + "?limit=0", "", 400, "limit"),
        new("limit over 100", "GET", Packages + "?limit=101", "", 400, "limit"),
        new("unknown sort", "GET", Packages + "?sort=-colour", "", 400, "sort"),
        new("sort twice", "GET", Packages + "?sort=name,-name", "", 400, "sort"),
        new("unknown package read", "GET", Packages + "/999999", "", 404, null),
        new("non-numeric package id", "GET", Packages + "/abc", "", 404, null),
        // Publisher profile
        new("bad email", "PUT", "/rest/v1/users/{U}", """{"email":"nope"}""", 400, "email"),
        new("bad homepage", "PUT", "/rest/v1/users/{U}", """{"homepage_url":"javascript:alert(1)"}""", 400, "homepage_url"),
        new("empty display name", "PUT", "/rest/v1/users/{U}", """{"display_name":""}""", 400, "display_name"),
        new("foundation flag by publisher", "PUT", "/rest/v1/users/{U}", """{"foundation_member":true}""", 403, "foundation_member"),
        new("flag of wrong type", "PUT", "/rest/v1/users/{U}", """{"foundation_member":"yes"}""", 400, "foundation_member", AsOperator: true),
        new("create user without name", "POST", "/rest/v1/users", """{"email":"a@example.com"}""", 400, "display_name", AsOperator: true),
        // Keys
        new("key for no publisher", "POST", "/rest/v1/apps", """{"publisher_id":999999}""", 400, "publisher_id", AsOperator: true),
        new("key for publisher and operator", "POST", "/rest/v1/apps", """{"publisher_id":{U},"operator":true}""", 400, "publisher_id", AsOperator: true),
        new("revoke unknown key", "DELETE", "/rest/v1/apps/app_NOSUCHKEY", "", 404, null, AsOperator: true),
        // Operator catalog
        new("market without name", "POST", "/rest/v1/markets", """{"slug":"x"}""", 400, "name", AsOperator: true),
        new("market with taken slug", "POST", "/rest/v1/markets", """{"name":"Taken Market"}""", 409, "slug", AsOperator: true),
        new("category in unknown market", "POST", "/rest/v1/categories", """{"name":"Lost","markets":[999999]}""", 400, "markets[0]", AsOperator: true),
        new("catalog with bad icon", "POST", "/rest/v1/catalogs", """{"title":"Icons","icon":"nope"}""", 400, "icon", AsOperator: true),
        new("featured without listing", "POST", "/rest/v1/featured", """{"promoted":true}""", 400, "listing_id", AsOperator: true),
        new("featured unknown listing", "POST", "/rest/v1/featured", """{"listing_id":999999}""", 400, "listing_id", AsOperator: true),
        new("featured bad position", "POST", "/rest/v1/featured", """{"listing_id":{L},"position":-1}""", 400, "position", AsOperator: true),
        new("featured draft package", "POST", "/rest/v1/featured", """{"listing_id":{R}}""", 400, "listing_id", AsOperator: true),
        new("news without url", "POST", "/rest/v1/news", """{"short_title":"t"}""", 400, "url", AsOperator: true),
        new("news with bad date", "POST", "/rest/v1/news", """{"short_title":"t","url":"https://example.com/n","published":"yesterday"}""", 400, "published", AsOperator: true),
        new("unknown market update", "PUT", "/rest/v1/markets/999999", """{"name":"x"}""", 404, null, AsOperator: true),
        new("unknown news delete", "DELETE", "/rest/v1/news/999999", "", 404, null, AsOperator: true),
    ];

    public static IEnumerable<TestCaseData> Cases() => Table.Select(c => new TestCaseData(c).SetName(c.Name));

    private CatalogApplication _app = null!;
    private string _operator = null!;
    private PublisherSession _publisher = null!;
    private readonly Dictionary<string, string> _ids = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await CatalogApplication.StartAsync(Settings());
        _operator = await OperatorTokenAsync(_app);
        _publisher = await NewPublisherAsync(_app, _operator, "Validation Publisher");
        var other = await NewPublisherAsync(_app, _operator, "Validation Other");
        var drafts = await SendAsync(_app.Client, HttpMethod.Post, Packages, _publisher.Token, new object[]
        {
            new { name = "Validation Draft", short_description = "A draft." },
            new
            {
                name = "Ready Draft", short_description = "Ready to submit.",
                versions = new[] { new { update_site_url = "https://example.com/ready", releases = new[] { "4.30" }, features = new[] { new { id = "ready.feature.group" } } } },
            },
        });
        _ids["{P}"] = drafts.Json![0]!["id"]!.ToString();
        _ids["{R}"] = drafts.Json![1]!["id"]!.ToString();
        _ids["{U}"] = _publisher.PublisherId.ToString();
        _ids["{O}"] = other.PublisherId.ToString();
        _ids["{L}"] = (await GetAsync(_app.Client, Packages + "?sort=id&limit=1", _operator)).Json![0]!["id"]!.ToString();
        await SendAsync(_app.Client, HttpMethod.Post, "/rest/v1/markets", _operator, new { name = "Taken Market" });
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [TestCaseSource(nameof(Cases))]
    public async Task AnswersTheStatusAndNamesTheField(Case c)
    {
        var path = Fill(c.Path);
        var before = await GetAsync(_app.Client, $"{Packages}/{_ids["{P}"]}/status", _publisher.Token);

        var response = await SendAsync(_app.Client, new HttpMethod(c.Method), path, c.AsOperator ? _operator : _publisher.Token,
            c.Body.Length == 0 && c.Method == "GET" ? null : new StringBody(Fill(c.Body)));

        var item = path.StartsWith(Packages, StringComparison.Ordinal) && c.Method != "GET" && response.Status == HttpStatusCode.OK
            ? response.Json![0]!
            : response.Json;
        Assert.That(item?["code"]?.GetValue<int>(), Is.EqualTo(c.Status), response.Text);
        Assert.That(item?["field"]?.GetValue<string>(), Is.EqualTo(c.Field), response.Text);
        Assert.That(item?["message"]?.GetValue<string>(), Is.Not.Empty);
        var after = await GetAsync(_app.Client, $"{Packages}/{_ids["{P}"]}/status", _publisher.Token);
        Assert.That(after.Text, Is.EqualTo(before.Text), "the refused item left the draft as it was");
    }

    [Test]
    public async Task WrongContentTypeIsUnsupportedMediaType()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/rest/v1/users/{_publisher.PublisherId}")
        {
            Content = new StringContent("""{"email":"a@example.com"}""", System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _publisher.Token);

        var response = await ApiResponse.ReadAsync(await _app.Client.SendAsync(request));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task OversizedBodyIsPayloadTooLarge()
    {
        var body = "[{\"id\":" + _ids["{P}"] + ",\"body\":\"" + new string('x', 1_100_000) + "\"}]";

        var response = await SendAsync(_app.Client, HttpMethod.Put, Packages, _publisher.Token, new StringBody(body));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task OneBadItemDoesNotStopTheOthers()
    {
        var response = await SendAsync(_app.Client, HttpMethod.Post, Packages, _publisher.Token, new StringBody(
            """[{"name":"First Good","short_description":"s"},{"name":""},{"name":"Second Good","short_description":"s"}]"""));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Json!.AsArray().Select(i => i!["code"]!.GetValue<int>()), Is.EqualTo(new[] { 201, 400, 201 }));
    }

    private string Fill(string text) => _ids.Aggregate(text, (t, p) => t.Replace(p.Key, p.Value, StringComparison.Ordinal));
}
