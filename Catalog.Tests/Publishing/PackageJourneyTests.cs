using System.Net;
using Catalog.Server.Commands;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.PublisherApiClient;

namespace Catalog.Tests.Publishing;

/// <summary>The whole way of a listing into the catalog over HTTP, from a key made by the command line to search.</summary>
public sealed class PackageJourneyTests
{
    [Test]
    public async Task ListingGoesFromCommandLineKeyToNodeAndSearchInOneApproval()
    {
        await using var app = await CatalogApplication.StartAsync(Settings());
        var (appId, secret) = await CreateOperatorKeyWithCommandAsync(app);
        var operatorToken = await TokenAsync(app.Client, appId, secret);
        var publisher = await NewPublisherAsync(app, operatorToken, "Quillwort Labs");
        var category = (await ProtocolResponse.GetAsync(app.Client, "/api/p")).Root.Descendants("category").First().Attribute("id")!.Value;

        var created = await SendAsync(app.Client, HttpMethod.Post, "/rest/v1/products/packages", publisher.Token,
            new[] { new { name = "Quillwort Markdown Tools", short_description = "Markdown editing with live preview." } });
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.OK), created.Text);
        Assert.That(created.Json![0]!["code"]!.GetValue<int>(), Is.EqualTo(201), created.Text);
        Assert.That(created.Json![0]!["state"]!.GetValue<string>(), Is.EqualTo("draft"));
        var id = created.Json![0]!["id"]!.GetValue<int>();

        var versions = await SendAsync(app.Client, HttpMethod.Put, "/rest/v1/products/packages", publisher.Token, new[]
        {
            new
            {
                id,
                categories = new[] { int.Parse(category) },
                tags = new[] { "markdown", "fileExtension_md" },
                license = "EPL 2.0",
                versions = new[]
                {
                    new
                    {
                        version = "1.2.0",
                        update_site_url = "https://example.com/quillwort/updates",
                        releases = new[] { "4.30", "4.31" },
                        platforms = new[] { "Windows", "Linux/GTK", "Mac" },
                        min_java_version = "17",
                        features = new[] { new { id = "com.example.quillwort.feature.feature.group", required = true, selected = true } },
                    },
                },
            },
        });
        Assert.That(versions.Json![0]!["code"]!.GetValue<int>(), Is.EqualTo(200), versions.Text);

        var submitted = await SendAsync(app.Client, HttpMethod.Put, "/rest/v1/products/packages", publisher.Token, new[] { new { id, action = "submit" } });
        Assert.That(submitted.Json![0]!["state"]!.GetValue<string>(), Is.EqualTo("submitted"), submitted.Text);
        Assert.That((await app.Client.GetAsync($"/node/{id}/api/p")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not visible before approval");

        var approved = await SendAsync(app.Client, HttpMethod.Put, "/rest/v1/products/packages", operatorToken, new[] { new { id, action = "approve" } });
        Assert.That(approved.Json![0]!["state"]!.GetValue<string>(), Is.EqualTo("published"), approved.Text);

        var node = await ProtocolResponse.GetAsync(app.Client, $"/node/{id}/api/p?platform.version=4.31");
        Assert.That(node.Status, Is.EqualTo(HttpStatusCode.OK));
        var element = node.Root.Element("node")!;
        Assert.That(element.Attribute("id")!.Value, Is.EqualTo(id.ToString()));
        Assert.That(element.Attribute("name")!.Value, Is.EqualTo("Quillwort Markdown Tools"));
        Assert.That(element.Element("owner")!.Value, Is.EqualTo("Quillwort Labs"));
        Assert.That(element.Element("updateurl")!.Value, Is.EqualTo("https://example.com/quillwort/updates"));
        // One spelling whoever wrote it: the seed, the import and the real export say java_17, so the API's "17" is stored as that.
        Assert.That(element.Element("min_java_version")!.Value, Is.EqualTo("java_17"));
        var view = await GetAsync(app.Client, $"/rest/v1/products/packages/{id}", publisher.Token);
        Assert.That(view.Json!["versions"]![0]!["min_java_version"]!.GetValue<string>(), Is.EqualTo("java_17"), view.Text);

        var search = await ProtocolResponse.GetAsync(app.Client, "/api/p/search/apachesolr_search/quillwort");
        Assert.That(search.Root.Element("search")!.Elements("node").Select(n => n.Attribute("id")!.Value), Does.Contain(id.ToString()));

        var status = await GetAsync(app.Client, $"/rest/v1/products/packages/{id}/status", publisher.Token);
        var history = status.Json!["history"]!.AsArray().Select(h => (h!["action"]!.GetValue<string>(), h["actor"]!.GetValue<string>())).ToList();
        Assert.That(history.Select(h => h.Item1), Is.EqualTo(new[] { "created", "updated", "submitted", "approved" }));
        Assert.That(history[^1].Item2, Does.StartWith("operator:"));
        Assert.That(history[0].Item2, Does.StartWith($"publisher:{publisher.PublisherId}:"));
    }

    /// <summary>The operator key as an operator makes it: <c>apps create --operator</c> against the server's database.</summary>
    public static async Task<(string AppId, string Secret)> CreateOperatorKeyWithCommandAsync(CatalogApplication app)
    {
        var run = await CommandRun.RunAsync(
            ["apps", "create", "--operator", $"--Catalog:Store:DatabasePath={app.DatabasePath}", $"--Catalog:Search:IndexPath={Path.Combine(app.Folder, "cli-index")}"]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString);
        var values = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return (values["app_id"], values["app_secret"]);
    }
}
