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
    public async Task A_request_without_accept_gets_the_html_404_page_not_an_empty_body()
    {
        // curl and scripts send no Accept header; they met an empty 404 with no content type.
        var response = await RawHttp.GetAsync(app.BaseAddress, "/nope");

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.ContentType, Does.StartWith("text/html"));
        Assert.That(response.Body, Does.Contain("There is no page at this address."));
    }

    [TestCase("*/*")]
    [TestCase("text/*")]
    [TestCase("application/xhtml+xml,text/html;q=0.9")]
    public async Task Accept_headers_that_admit_html_get_the_html_404_page(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/nope");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await app.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    [Test]
    public async Task A_client_that_accepts_no_html_gets_one_line_of_text()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/nope");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await app.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("There is no page at this address.\n"));
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
