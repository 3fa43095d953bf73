using System.Text.Json.Nodes;
using System.Xml.Linq;
using Catalog.Schema.Store;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.PublisherApiClient;

namespace Catalog.Tests.Protocol;

/// <summary>
/// Requests a fuzz found answered with 500 or in the wrong format, sent over a raw socket as a broken client or an
/// attacker would send them: each gets a 4xx in the format of the endpoint asked for.
/// </summary>
public sealed class HostileRequestsTests
{
    private CatalogApplication _app = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _app = await CatalogApplication.StartAsync(Settings());

    [OneTimeTearDown]
    public async Task StopServer() => await _app.DisposeAsync();

    private static readonly string[] OddHosts = ["xn--", "a.xn--zz-.example", "xn--zz", "xn--55555555555555555555", "a..b"];

    private static readonly string[] ProtocolRoutes =
        ["/api/p", "/catalogs/api/p", "/node/1/api/p", "/featured/api/p", "/api/p/search/apachesolr_search/cobalt", "/news/api/p"];

    private static IEnumerable<TestCaseData> OddHostOnProtocolRoutes() =>
        from host in OddHosts from route in ProtocolRoutes select new TestCaseData(host, route);

    [TestCaseSource(nameof(OddHostOnProtocolRoutes))]
    public async Task AnOddHostHeaderOnAProtocolRouteIsRefusedInXml(string host, string route)
    {
        var response = await RawHttp.GetAsync(_app.BaseAddress, route, host);

        Assert.That(response.Status, Is.EqualTo(400), response.Body);
        Assert.That(response.ContentType, Does.StartWith("application/xml"));
        Assert.That(XDocument.Parse(response.Body).Root!.Element("error")!.Value, Does.Contain("Host"));
    }

    [TestCase("xn--")]
    [TestCase("a.xn--zz-.example")]
    public async Task AnOddHostHeaderOnThePublisherApiIsRefusedInJson(string host)
    {
        var response = await RawHttp.GetAsync(_app.BaseAddress, "/rest/v1/users/me", host);

        Assert.That(response.Status, Is.EqualTo(400), response.Body);
        Assert.That(response.ContentType, Does.StartWith("application/json"));
        var error = JsonNode.Parse(response.Body)!;
        Assert.That(error["code"]!.GetValue<int>(), Is.EqualTo(400));
        Assert.That(error["field"]!.GetValue<string>(), Is.EqualTo("Host"));
    }

    [TestCase("/")]
    [TestCase("/node/1")]
    [TestCase("/nope")]
    public async Task AnOddHostHeaderOnAPageIsRefusedWithAnHtmlPage(string path)
    {
        var response = await RawHttp.GetAsync(_app.BaseAddress, path, "a.xn--zz-.example");

        Assert.That(response.Status, Is.EqualTo(400), response.Body);
        Assert.That(response.ContentType, Does.StartWith("text/html"));
        Assert.That(response.Body, Does.Contain("Host header"));
    }

    [TestCase("localhost")]
    [TestCase("catalog.example.org:8080")]
    [TestCase("my_service:5000")]
    [TestCase("[::1]:5000")]
    [TestCase("xn--bcher-kva.example")]
    public async Task UsualHostHeadersStillWorkAndNameTheLinks(string host)
    {
        var response = await RawHttp.GetAsync(_app.BaseAddress, "/catalogs/api/p", host);

        Assert.That(response.Status, Is.EqualTo(200), response.Body);
        var url = XDocument.Parse(response.Body).Root!.Descendants("catalog").First().Attribute("url")!.Value;
        // Links carry the host as sent on the wire (punycode stays punycode), so a client can follow them as they are.
        Assert.That(url, Does.StartWith("http://" + host + "/").Or.EqualTo("http://" + host));
    }

    [Test]
    public async Task WithAPublicBaseUrlAnOddHostIsServedWithTheConfiguredLinks()
    {
        await using var app = await CatalogApplication.StartAsync(new Dictionary<string, string?>
        {
            ["Catalog:Server:PublicBaseUrl"] = "https://market.example.org",
        });

        var protocol = await RawHttp.GetAsync(app.BaseAddress, "/catalogs/api/p", "xn--");
        var page = await RawHttp.GetAsync(app.BaseAddress, "/", "a.xn--zz-.example");

        Assert.That(protocol.Status, Is.EqualTo(200), protocol.Body);
        Assert.That(XDocument.Parse(protocol.Body).Root!.Descendants("catalog").First().Attribute("url")!.Value, Does.StartWith("https://market.example.org"));
        Assert.That(page.Status, Is.EqualTo(200), page.Body);
    }

    [TestCase("/node/./success")]
    [TestCase("/node/%2e/success")]
    [TestCase("/node/%2E%2E/success")]
    [TestCase("/content/%2e/success")]
    [TestCase("/content/./success")]
    [TestCase("/node/1/../success")]
    [TestCase("/content/./api/p")]
    public async Task DotSegmentsInAProtocolPathAreRefusedInXml(string target)
    {
        // Kestrel removes dot segments before routing, so /node/./success reached the page for a node "success".
        var response = await RawHttp.GetAsync(_app.BaseAddress, target);

        Assert.That(response.Status, Is.EqualTo(400), response.Body);
        Assert.That(response.ContentType, Does.StartWith("application/xml"));
        Assert.That(XDocument.Parse(response.Body).Root!.Element("error")!.Attribute("status")!.Value, Is.EqualTo("400"));
    }

    [TestCase("/rest/v1/users/me", "application/json")]
    [TestCase("/api/p", "application/xml")]
    [TestCase("/", "text/html")]
    public async Task HugeHeadersGetA431InTheEndpointsFormat(string path, string contentType)
    {
        var big = new string('a', 40_000);
        var response = await RawHttp.SendAsync(_app.BaseAddress,
            $"GET {path} HTTP/1.1\r\nHost: {_app.BaseAddress.Authority}\r\nX-Padding: {big}\r\nConnection: close\r\n\r\n", []);

        Assert.That(response.Status, Is.EqualTo(431), response.Body);
        Assert.That(response.ContentType, Does.StartWith(contentType));
        if (contentType == "application/json")
            Assert.That(JsonNode.Parse(response.Body)!["code"]!.GetValue<int>(), Is.EqualTo(431));
    }

    [TestCase("/rest/v1/no-such-thing", "GET", 404)]
    [TestCase("/rest/v1/app/session/token", "GET", 405)]
    [TestCase("/rest/v1/users/abc", "GET", 404)]
    public async Task PublisherApiRefusalsFromRoutingAreJson(string path, string method, int status)
    {
        var response = await RawHttp.SendAsync(_app.BaseAddress,
            $"{method} {path} HTTP/1.1\r\nHost: {_app.BaseAddress.Authority}\r\nConnection: close\r\n\r\n", []);

        Assert.That(response.Status, Is.EqualTo(status), response.Body);
        var error = JsonNode.Parse(response.Body)!;
        Assert.That(error["code"]!.GetValue<int>(), Is.EqualTo(status));
        Assert.That(error["message"]!.GetValue<string>(), Is.Not.Empty);
    }

    [TestCase("utf-7")]
    [TestCase("\"utf-7\"")]
    [TestCase("utf-16")]
    [TestCase("x-no-such-charset")]
    public async Task AnErrorReportInACharsetOtherThanUtf8IsRefusedInXmlAndNotStored(string charset)
    {
        await using var app = await CatalogApplication.StartAsync();
        using var content = new StringContent("status=4&node=10&detailedMessage=x");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/x-www-form-urlencoded; charset={charset}");

        using var response = await app.Client.PostAsync("/install/error/report", content);

        Assert.That((int)response.StatusCode, Is.EqualTo(415));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/xml"));
        Assert.That(await app.Get<ICatalogStore>().CountInstallErrorsAsync(CancellationToken.None), Is.Zero);
    }

    [TestCase("utf-8")]
    [TestCase("UTF-8")]
    public async Task AnErrorReportInUtf8IsStored(string charset)
    {
        await using var app = await CatalogApplication.StartAsync();
        using var content = new StringContent("status=4&node=10&detailedMessage=x");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/x-www-form-urlencoded; charset={charset}");

        using var response = await app.Client.PostAsync("/install/error/report", content);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(await app.Get<ICatalogStore>().CountInstallErrorsAsync(CancellationToken.None), Is.EqualTo(1));
    }
}
