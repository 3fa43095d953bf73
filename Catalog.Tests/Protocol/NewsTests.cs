using System.Net;
using Catalog.Tests.Support;

namespace Catalog.Tests.Protocol;

/// <summary><c>/news/api/p</c> as the current client reads it (PROTOCOL.md "How the client reads a response").</summary>
public sealed class NewsTests
{
    [Test]
    public async Task NoNewsIsAnEmptyMarketplaceNotA404()
    {
        // The client's HTTP transport turns a 404 into a logged error before its "no news" path sees it.
        await using var app = await CatalogApplication.StartAsync(seed: false);

        var response = await ProtocolResponse.GetAsync(app.Client, "/news/api/p");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        Assert.That(response.Root.Name.LocalName, Is.EqualTo("marketplace"));
        Assert.That(response.Root.Elements(), Is.Empty, response.Text);
    }

    [Test]
    public async Task NewsIsTheNewestItemAtTheRoot()
    {
        await using var app = await CatalogApplication.StartAsync();

        var response = await ProtocolResponse.GetAsync(app.Client, "/news/api/p");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.TopLevel("news"), Has.Count.EqualTo(1));
    }
}
