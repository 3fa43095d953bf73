using System.Text.Json.Nodes;
using System.Xml.Linq;
using Catalog.Schema.Store;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.PublisherApiClient;

namespace Catalog.Tests.Protocol;

/// <summary>
/// Every body limit holds while the body is read, whatever the framing: a chunked body carries no Content-Length
/// to refuse up front, so each endpoint that reads a body gets one over its limit, and nothing may be stored.
/// </summary>
public sealed class ChunkedBodyLimitTests
{
    [Test]
    public async Task AChunkedErrorReportOverTheLimitIsRefusedWith413AndNotStored()
    {
        await using var app = await CatalogApplication.StartAsync(new Dictionary<string, string?> { ["Catalog:Protocol:MaxErrorReportBytes"] = "65536" });

        var response = await RawHttp.PostChunkedAsync(app.BaseAddress, "/install/error/report",
            "application/x-www-form-urlencoded", "status=4&node=10&detailedMessage=", 200_000);

        Assert.That(response.Status, Is.EqualTo(413), response.Body);
        Assert.That(XDocument.Parse(response.Body).Root!.Element("error")!.Attribute("status")!.Value, Is.EqualTo("413"));
        Assert.That(await app.Get<ICatalogStore>().CountInstallErrorsAsync(CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task AChunkedErrorReportUnderTheLimitIsStored()
    {
        await using var app = await CatalogApplication.StartAsync();

        var response = await RawHttp.PostChunkedAsync(app.BaseAddress, "/install/error/report",
            "application/x-www-form-urlencoded", "status=4&node=10&detailedMessage=", 20_000);

        Assert.That(response.Status, Is.EqualTo(200), response.Body);
        Assert.That(await app.Get<ICatalogStore>().CountInstallErrorsAsync(CancellationToken.None), Is.EqualTo(1));
    }

    [Test]
    public async Task AChunkedJsonBodyOverTheLimitIsRefusedWith413InJson()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(new Dictionary<string, string?> { ["Catalog:Publishing:MaxRequestBodyBytes"] = "4096" }));
        var token = await OperatorTokenAsync(app);

        var response = await RawHttp.PostChunkedAsync(app.BaseAddress, "/rest/v1/markets", "application/json",
            "{\"name\":\"Big\",\"slug\":\"big\",\"x\":\"", 50_000, extraHeaders: $"Authorization: Bearer {token}\r\n");

        Assert.That(response.Status, Is.EqualTo(413), response.Body);
        Assert.That(JsonNode.Parse(response.Body)!["code"]!.GetValue<int>(), Is.EqualTo(413));
        var markets = await GetAsync(app.Client, "/rest/v1/markets", token);
        Assert.That(markets.Json!.AsArray().Select(m => m!["slug"]!.GetValue<string>()), Does.Not.Contain("big"));
    }

    [Test]
    public async Task AChunkedTokenRequestOverTheLimitIsRefusedWith413InJson()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(new Dictionary<string, string?> { ["Catalog:Publishing:MaxRequestBodyBytes"] = "4096" }));
        var key = await CreateOperatorKeyAsync(app);
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{key.AppId}:{key.Secret}"));

        var response = await RawHttp.PostChunkedAsync(app.BaseAddress, "/rest/v1/app/session/token", "application/json",
            "{\"grant_type\":\"session\",\"x\":\"", 50_000, extraHeaders: $"Authorization: Basic {basic}\r\n");

        Assert.That(response.Status, Is.EqualTo(413), response.Body);
        Assert.That(JsonNode.Parse(response.Body)!["code"]!.GetValue<int>(), Is.EqualTo(413));
    }

    [Test]
    public async Task AChunkedUploadOverTheRequestLimitIsRefusedWith413InJsonAndNotStored()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(new Dictionary<string, string?>
        {
            ["Catalog:Files:MaxFileBytes"] = "65536",
            ["Catalog:Files:MaxRequestBytes"] = "65536",
        }));
        var token = await OperatorTokenAsync(app);
        var before = StoredFiles(app);
        const string boundary = "limit-boundary";
        var prefix = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file[]\"; filename=\"big.png\"\r\nContent-Type: image/png\r\n\r\n";

        var response = await RawHttp.PostChunkedAsync(app.BaseAddress, "/rest/v1/files/uploads", $"multipart/form-data; boundary={boundary}",
            prefix, 300_000, extraHeaders: $"Authorization: Bearer {token}\r\n");

        Assert.That(response.Status, Is.EqualTo(413), response.Body);
        Assert.That(JsonNode.Parse(response.Body)!["code"]!.GetValue<int>(), Is.EqualTo(413));
        Assert.That(StoredFiles(app), Is.EqualTo(before));
    }

    /// <summary>Everything in the data folder but the database and the index.</summary>
    private static List<string> StoredFiles(CatalogApplication app) =>
        Directory.GetFiles(app.Folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("catalog.db", StringComparison.Ordinal))
            .Where(f => !f.StartsWith(Path.Combine(app.Folder, "index"), StringComparison.Ordinal))
            .Order().ToList();
}
