using Catalog.Schema.Content;
using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Catalog.Tests.Support;

namespace Catalog.Tests.Protocol;

/// <summary>Absolute URLs come from the configured public base URL, or from the request and trusted proxies only.</summary>
public sealed class PublicBaseUrlTests
{
    [Test]
    public async Task ConfiguredPublicBaseUrlIsUsedInEveryLink()
    {
        await using var app = await CatalogApplication.StartAsync(new Dictionary<string, string?>
        {
            ["Catalog:Server:PublicBaseUrl"] = "https://marketplace.example.com/mpc/",
        });

        var node = (await ProtocolResponse.GetAsync(app.Client, "/node/1/api/p")).Root.Element("node")!;

        Assert.That(node.Attribute("url")!.Value, Is.EqualTo("https://marketplace.example.com/mpc/content/tidewater-yaml-editor"));
        Assert.That(node.Descendants("category").First().Attribute("url")!.Value, Does.StartWith("https://marketplace.example.com/mpc/taxonomy/term/"));
    }

    [Test]
    public async Task ForwardedHeadersFromAnUntrustedPeerAreIgnored()
    {
        await using var app = await CatalogApplication.StartAsync();

        var url = await NodeUrlWithForwardedHeadersAsync(app);

        Assert.That(url, Does.StartWith(app.BaseAddress.GetLeftPart(UriPartial.Authority)));
    }

    [Test]
    public async Task ForwardedHeadersFromATrustedProxyAreHonoured()
    {
        await using var app = await CatalogApplication.StartAsync(new Dictionary<string, string?>
        {
            ["Catalog:Server:TrustedProxies:0"] = "127.0.0.1",
        });

        var url = await NodeUrlWithForwardedHeadersAsync(app);

        Assert.That(url, Does.StartWith("https://public.example.org/content/"));
    }

    [Test]
    public async Task UploadedFilePathsInImageAndScreenshotBecomeAbsolute()
    {
        await using var app = await CatalogApplication.StartAsync(new Dictionary<string, string?>
        {
            ["Catalog:Server:PublicBaseUrl"] = "https://marketplace.example.com/mpc/",
        }, seed: false);
        var when = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        await app.Get<ICatalogContentWriter>().WriteAsync(new CatalogContent
        {
            Listings =
            [
                new ListingSource
                {
                    Key = "uploaded-logo", Name = "Uploaded Logo", Created = when, Changed = when,
                    Image = FilePaths.Of(7), Screenshot = FilePaths.Of(8),
                },
                new ListingSource
                {
                    Key = "external-logo", Name = "External Logo", Created = when, Changed = when,
                    Image = "http://images.example.org/logo.png",
                },
            ],
        }, CancellationToken.None);

        var nodes = (await ProtocolResponse.GetAsync(app.Client, "/content/uploaded-logo/api/p")).Root.Element("node")!;
        var external = (await ProtocolResponse.GetAsync(app.Client, "/content/external-logo/api/p")).Root.Element("node")!;

        Assert.That(nodes.Element("image")!.Value, Is.EqualTo("https://marketplace.example.com/mpc/files/7"));
        Assert.That(nodes.Element("screenshot")!.Value, Is.EqualTo("https://marketplace.example.com/mpc/files/8"));
        Assert.That(external.Element("image")!.Value, Is.EqualTo("http://images.example.org/logo.png"), "absolute URLs are kept");
    }

    [Test]
    public async Task UploadedFilePathBecomesAbsoluteUnderTheRequestHostWithoutConfiguration()
    {
        await using var app = await CatalogApplication.StartAsync(seed: false);
        var when = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        await app.Get<ICatalogContentWriter>().WriteAsync(new CatalogContent
        {
            Listings = [new ListingSource { Key = "k", Name = "Local Logo", Created = when, Changed = when, Image = FilePaths.Of(3) }],
        }, CancellationToken.None);

        var node = (await ProtocolResponse.GetAsync(app.Client, "/content/local-logo/api/p")).Root.Element("node")!;

        Assert.That(node.Element("image")!.Value, Is.EqualTo(new Uri(app.BaseAddress, "/files/3").ToString()));
    }

    private static async Task<string> NodeUrlWithForwardedHeadersAsync(CatalogApplication app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/node/1/api/p");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "public.example.org");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var response = await ProtocolResponse.SendAsync(app.Client, request);
        return response.Root.Element("node")!.Attribute("url")!.Value;
    }
}
