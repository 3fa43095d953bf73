using System.Net;
using Catalog.Tests.Support;

namespace Catalog.Tests.Protocol;

/// <summary>Install success is counted, install errors are stored; each test owns its server.</summary>
public sealed class InstallReportsTests
{
    [Test]
    public async Task SuccessCountsAnInstallInTotalAndRecent()
    {
        await using var app = await CatalogApplication.StartAsync();
        var before = await NodeCountersAsync(app, 3);

        var byId = await ProtocolResponse.GetAsync(app.Client, "/node/3/success?client=org.eclipse.epp.mpc.core&os=linux");
        var title = (await ProtocolResponse.GetAsync(app.Client, "/node/3/api/p")).Root.Element("node")!.Attribute("url")!.Value.Split('/').Last();
        var byTitle = await ProtocolResponse.GetAsync(app.Client, $"/content/{title}/success");
        var after = await NodeCountersAsync(app, 3);

        Assert.That(byId.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(byTitle.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after.Total, Is.EqualTo(before.Total + 2));
        Assert.That(after.Recent, Is.EqualTo(before.Recent + 2));
    }

    [Test]
    public async Task InstallsMakeAListingPopular()
    {
        await using var app = await CatalogApplication.StartAsync();
        for (var i = 0; i < 5; i++)
            await ProtocolResponse.GetAsync(app.Client, "/node/46/success");

        var popular = await ProtocolResponse.GetAsync(app.Client, "/popular/top/api/p");

        Assert.That(popular.Root.Element("popular")!.Elements("node").First().Attribute("id")!.Value, Is.EqualTo("46"));
    }

    [Test]
    public async Task ErrorReportIsStored()
    {
        await using var app = await CatalogApplication.StartAsync();
        var form = new FormUrlEncodedContent(
        [
            new("client", "org.eclipse.epp.mpc.core"), new("os", "linux"), new("platform.version", "4.38"),
            new("status", "4"), new("statusMessage", "Cannot complete the install"),
            new("node", "10"), new("node", "24"), new("iu", "org.example.cobalt.feature,4.0.2"),
            new("detailedMessage", "No repository found at https://example.com/updates/cobalt/4.x/"),
        ]);

        using var response = await app.Client.PostAsync("/install/error/report", form);
        var store = app.Get<ICatalogStore>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await store.CountInstallErrorsAsync(CancellationToken.None), Is.EqualTo(1));
    }

    [TestCase("status=notanumber")]
    [TestCase("node=abc")]
    public async Task MalformedErrorReportIsRefused(string body)
    {
        await using var app = await CatalogApplication.StartAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await app.Client.PostAsync("/install/error/report", content);
        var store = app.Get<ICatalogStore>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await store.CountInstallErrorsAsync(CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task ErrorReportThatIsNotAFormIsRefused()
    {
        await using var app = await CatalogApplication.StartAsync();
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");

        using var response = await app.Client.PostAsync("/install/error/report", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private static async Task<(long Total, long Recent)> NodeCountersAsync(CatalogApplication app, int id)
    {
        var node = (await ProtocolResponse.GetAsync(app.Client, $"/node/{id}/api/p")).Root.Element("node")!;
        return (long.Parse(node.Element("installstotal")!.Value), long.Parse(node.Element("installsrecent")!.Value));
    }
}
