using Catalog.Tests.Support;

namespace Catalog.Tests.Protocol;

/// <summary>One seeded server shared by the read-only tests of a fixture.</summary>
public abstract class SeededCatalogFixture
{
    protected CatalogApplication App { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServer() => App = await CatalogApplication.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await App.DisposeAsync();

    protected Task<ProtocolResponse> GetAsync(string path) => ProtocolResponse.GetAsync(App.Client, path);

    /// <summary>The port differs per run; approved files carry a fixed host instead.</summary>
    protected string Normalize(string xml) =>
        xml.Replace(App.BaseAddress.GetLeftPart(UriPartial.Authority), "http://catalog.test", StringComparison.Ordinal);
}
