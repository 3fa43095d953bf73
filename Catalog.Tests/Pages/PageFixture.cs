using Catalog.Tests.Support;

namespace Catalog.Tests.Pages;

/// <summary>One seeded server, plus the hostile listing, shared by the read-only page tests of a fixture.</summary>
public abstract class PageFixture
{
    protected CatalogApplication App { get; private set; } = null!;

    protected int HostileId { get; private set; }

    [OneTimeSetUp]
    public async Task StartServer()
    {
        App = await CatalogApplication.StartAsync();
        HostileId = await HostileListing.WriteAsync(App);
    }

    [OneTimeTearDown]
    public async Task StopServer() => await App.DisposeAsync();

    protected Task<HtmlPage> GetAsync(string path) => HtmlPage.GetAsync(App.Client, path);
}
