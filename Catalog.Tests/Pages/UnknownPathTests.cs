using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Catalog.Tests.Support;

namespace Catalog.Tests.Pages;

/// <summary>A browser that asks for an address nobody serves gets the site's 404 page, except on the APIs, which keep their own format.</summary>
public sealed class UnknownPathTests
{
    private CatalogApplication app = null!;

    [OneTimeSetUp]
    public async Task Start() => app = await CatalogApplication.StartAsync(new Dictionary<string, string?>
    {
        ["Catalog:Publishing:AllowPlainHttp"] = "true",
    });

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    private async Task<HttpResponseMessage> GetAsHtmlAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return await app.Client.SendAsync(request);
    }

    [Test]
    public async Task A_page_address_nobody_serves_gets_the_html_404_page()
    {
        using var response = await GetAsHtmlAsync("/no/such/page");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    [Test]
    public async Task A_publisher_api_address_nobody_serves_stays_json_for_a_browser()
    {
        using var response = await GetAsHtmlAsync("/rest/v1/no-such-resource");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("code").GetInt32(), Is.EqualTo(404));
        Assert.That(body.RootElement.GetProperty("message").GetString(), Is.Not.Empty);
    }
}
