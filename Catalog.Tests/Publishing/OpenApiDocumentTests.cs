using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.PublisherApiClient;

namespace Catalog.Tests.Publishing;

/// <summary>The served OpenAPI description covers every mapped /rest/v1 route, in the API's own names.</summary>
public sealed class OpenApiDocumentTests
{
    [Test]
    public async Task EveryMappedRouteIsDescribedWithItsMethod()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(), seed: false);

        var response = await app.Client.GetAsync("/openapi/rest-v1.json");
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var paths = document["paths"]!.AsObject();
        var routes = AuthorizationMatrixTests.PublisherApiRoutesMapped(app).ToList();
        Assert.That(routes, Has.Count.GreaterThan(30));
        var missing = routes
            .Select(r => (r.Method, Path: Regex.Replace(r.Pattern, ":[a-z]+}", "}")))
            .Where(r => paths[r.Path]?[r.Method.ToLowerInvariant()] is null)
            .Select(r => $"{r.Method} {r.Path}")
            .ToList();
        Assert.That(missing, Is.Empty);
        Assert.That(paths.Select(p => p.Key), Has.All.StartWith("/rest/v1/"), "only the publisher API is described");
    }

    [Test]
    public async Task SchemasUseTheSnakeCaseNamesOnTheWire()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(), seed: false);

        var text = await app.Client.GetStringAsync("/openapi/rest-v1.json");
        var schemas = JsonNode.Parse(text)!["components"]!["schemas"]!;

        Assert.That(schemas["TokenResponse"]!["properties"]!.AsObject().Select(p => p.Key),
            Is.EquivalentTo(new[] { "publisher_id", "ust", "expires_in" }));
        Assert.That(schemas["PackageRequest"]!["properties"]!.AsObject().Select(p => p.Key), Does.Contain("short_description"));
        Assert.That(text, Does.Contain("\"bearer\""));
    }
}
