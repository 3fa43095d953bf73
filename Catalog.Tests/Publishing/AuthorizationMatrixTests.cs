using System.Net;
using System.Text;
using Catalog.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Catalog.Tests.Support.PublisherApiClient;

namespace Catalog.Tests.Publishing;

/// <summary>
/// Every /rest/v1 endpoint × every kind of caller → the status it gets; a refused request changes nothing in
/// the store. Batch endpoints answer 200 with the item's own code, which is what is compared for them.
/// </summary>
[NonParallelizable]
public sealed class AuthorizationMatrixTests
{
    public enum Who { Anonymous, OtherPublisher, Owner, Operator, ExpiredToken, RevokedToken }

    /// <summary>
    /// One endpoint: the path and body built from the fixture's ids, and what owner, other publisher and operator
    /// get (anonymous, expired and revoked tokens always get 401). Batch: compare the first item's code.
    /// </summary>
    public sealed record Endpoint(string Name, HttpMethod Method, Func<Matrix, string> Path, Func<Matrix, object?> Body,
        int Owner, int Other, int Operator, bool Batch = false)
    {
        public override string ToString() => Name;
    }

    /// <summary>The ids the endpoints act on, made once for the fixture.</summary>
    public sealed record Matrix(int OwnerId, int OtherId, int PackageId, string RevokedAppId, IReadOnlyDictionary<string, int> Targets);

    private static readonly Endpoint[] Endpoints =
    [
        new("token without Basic", HttpMethod.Post, _ => "/rest/v1/app/session/token", _ => new { grant_type = "session" }, 401, 401, 401),
        new("list apps", HttpMethod.Get, _ => "/rest/v1/apps", _ => null, 200, 200, 200),
        new("create app", HttpMethod.Post, _ => "/rest/v1/apps", _ => new { @operator = true }, 403, 403, 201),
        new("revoke app", HttpMethod.Delete, m => $"/rest/v1/apps/{m.RevokedAppId}", _ => null, 409, 403, 409),
        new("list users", HttpMethod.Get, _ => "/rest/v1/users", _ => null, 403, 403, 200),
        new("create user", HttpMethod.Post, _ => "/rest/v1/users", _ => new { display_name = "Matrix Person" }, 403, 403, 201),
        new("get user", HttpMethod.Get, m => $"/rest/v1/users/{m.OwnerId}", _ => null, 200, 403, 200),
        new("update user", HttpMethod.Put, m => $"/rest/v1/users/{m.OwnerId}", _ => new { company_name = "Matrix Company" }, 200, 403, 200),
        new("set foundation member", HttpMethod.Put, m => $"/rest/v1/users/{m.OwnerId}", _ => new { foundation_member = true }, 403, 403, 200),
        new("list packages", HttpMethod.Get, _ => "/rest/v1/products/packages", _ => null, 200, 200, 200),
        new("create packages", HttpMethod.Post, _ => "/rest/v1/products/packages",
            m => new[] { new { name = "Matrix Package", short_description = "Made by the matrix.", publisher_id = m.OwnerId } }, 201, 403, 201, Batch: true),
        new("update packages", HttpMethod.Put, _ => "/rest/v1/products/packages", m => new[] { new { id = m.PackageId, body = "Changed." } }, 200, 403, 200, Batch: true),
        new("approve package", HttpMethod.Put, _ => "/rest/v1/products/packages", m => new[] { new { id = m.PackageId, action = "approve" } }, 403, 403, 409, Batch: true),
        new("get package", HttpMethod.Get, m => $"/rest/v1/products/packages/{m.PackageId}", _ => null, 200, 403, 200),
        new("package status", HttpMethod.Get, m => $"/rest/v1/products/packages/{m.PackageId}/status", _ => null, 200, 403, 200),
        new("approvals", HttpMethod.Get, _ => "/rest/v1/approvals", _ => null, 403, 403, 200),
        new("upload files", HttpMethod.Post, _ => FileUploadClient.UploadsPath,
            _ => new MultipartBody([new UploadPart("matrix.png", TestFiles.Png, "image/png")]), 200, 200, 200),
        new("get file upload", HttpMethod.Get, m => $"/rest/v1/files/uploads/{m.Targets["file"]}", _ => null, 200, 403, 200),
        new("metrics report", HttpMethod.Get, _ => "/rest/v1/reports/metrics", _ => null, 403, 403, 200),
        new("publisher totals report", HttpMethod.Get, m => $"/rest/v1/users/{m.OwnerId}/reports/totals", _ => null, 200, 403, 200),
        new("listing report", HttpMethod.Get, m => $"/rest/v1/reports/listings/{m.PackageId}", _ => null, 200, 403, 200),
        new("list markets", HttpMethod.Get, _ => "/rest/v1/markets", _ => null, 403, 403, 200),
        new("create market", HttpMethod.Post, _ => "/rest/v1/markets", _ => new { name = "Matrix Market" }, 403, 403, 201),
        new("update market", HttpMethod.Put, m => $"/rest/v1/markets/{m.Targets["market"]}", _ => new { name = "Renamed Market" }, 403, 403, 200),
        new("delete market", HttpMethod.Delete, m => $"/rest/v1/markets/{m.Targets["market-gone"]}", _ => null, 403, 403, 204),
        new("list categories", HttpMethod.Get, _ => "/rest/v1/categories", _ => null, 403, 403, 200),
        new("create category", HttpMethod.Post, _ => "/rest/v1/categories", _ => new { name = "Matrix Category" }, 403, 403, 201),
        new("update category", HttpMethod.Put, m => $"/rest/v1/categories/{m.Targets["category"]}", _ => new { name = "Renamed Category" }, 403, 403, 200),
        new("delete category", HttpMethod.Delete, m => $"/rest/v1/categories/{m.Targets["category-gone"]}", _ => null, 403, 403, 204),
        new("list catalogs", HttpMethod.Get, _ => "/rest/v1/catalogs", _ => null, 403, 403, 200),
        new("create catalog", HttpMethod.Post, _ => "/rest/v1/catalogs", _ => new { title = "Matrix Catalog" }, 403, 403, 201),
        new("update catalog", HttpMethod.Put, m => $"/rest/v1/catalogs/{m.Targets["catalog"]}", _ => new { description = "Changed." }, 403, 403, 200),
        new("delete catalog", HttpMethod.Delete, m => $"/rest/v1/catalogs/{m.Targets["catalog-gone"]}", _ => null, 403, 403, 204),
        new("list featured", HttpMethod.Get, _ => "/rest/v1/featured", _ => null, 403, 403, 200),
        new("create featured", HttpMethod.Post, _ => "/rest/v1/featured", m => new { listing_id = m.Targets["listing"], promoted = true }, 403, 403, 201),
        new("update featured", HttpMethod.Put, m => $"/rest/v1/featured/{m.Targets["featured"]}", _ => new { position = 7 }, 403, 403, 200),
        new("delete featured", HttpMethod.Delete, m => $"/rest/v1/featured/{m.Targets["featured-gone"]}", _ => null, 403, 403, 204),
        new("list news", HttpMethod.Get, _ => "/rest/v1/news", _ => null, 403, 403, 200),
        new("create news", HttpMethod.Post, _ => "/rest/v1/news", _ => new { short_title = "Matrix news", url = "https://example.com/news/matrix" }, 403, 403, 201),
        new("update news", HttpMethod.Put, m => $"/rest/v1/news/{m.Targets["news"]}", _ => new { short_title = "Changed" }, 403, 403, 200),
        new("delete news", HttpMethod.Delete, m => $"/rest/v1/news/{m.Targets["news-gone"]}", _ => null, 403, 403, 204),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        from endpoint in Endpoints
        from who in Enum.GetValues<Who>()
        select new TestCaseData(endpoint, who).SetName($"{endpoint.Name} as {who}");

    /// <summary>The routes the matrix covers, for the check that every mapped route is in it.</summary>
    public static IEnumerable<(HttpMethod Method, string Path)> CoveredRoutes(Matrix m) => Endpoints.Select(e => (e.Method, e.Path(m)));

    private CatalogApplication _app = null!;
    private Matrix _matrix = null!;
    private readonly Dictionary<Who, string?> _tokens = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));
        _app = await CatalogApplication.StartAsync(Settings(), configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var operatorToken = await OperatorTokenAsync(_app);
        var owner = await NewPublisherAsync(_app, operatorToken, "Matrix Owner");
        var other = await NewPublisherAsync(_app, operatorToken, "Matrix Other");

        var expiring = await NewKeyAsync(owner.PublisherId, operatorToken);
        var expiredToken = await TokenAsync(_app.Client, expiring.AppId, expiring.Secret, expiresIn: 60);
        var revoked = await NewKeyAsync(owner.PublisherId, operatorToken);
        var revokedToken = await TokenAsync(_app.Client, revoked.AppId, revoked.Secret);
        await SendAsync(_app.Client, HttpMethod.Delete, $"/rest/v1/apps/{revoked.AppId}", operatorToken);
        clock.Advance(TimeSpan.FromSeconds(61));

        var package = await SendAsync(_app.Client, HttpMethod.Post, "/rest/v1/products/packages", owner.Token,
            new[] { new { name = "Matrix Owned", short_description = "The owner's package." } });
        var targets = new Dictionary<string, int>();
        targets["file"] = FileUploadClient.SingleId(await FileUploadClient.UploadAsync(_app.Client, owner.Token, new UploadPart("owned.png", TestFiles.Png, "image/png")));
        async Task<int> Make(string path, object body) =>
            (await SendAsync(_app.Client, HttpMethod.Post, path, operatorToken, body)).Json!["id"]!.GetValue<int>();
        targets["market"] = await Make("/rest/v1/markets", new { name = "Target Market" });
        targets["market-gone"] = await Make("/rest/v1/markets", new { name = "Doomed Market" });
        targets["category"] = await Make("/rest/v1/categories", new { name = "Target Category" });
        targets["category-gone"] = await Make("/rest/v1/categories", new { name = "Doomed Category" });
        targets["catalog"] = await Make("/rest/v1/catalogs", new { title = "Target Catalog" });
        targets["catalog-gone"] = await Make("/rest/v1/catalogs", new { title = "Doomed Catalog" });
        var listings = (await GetAsync(_app.Client, "/rest/v1/products/packages?sort=id&limit=3", operatorToken)).Json!.AsArray();
        targets["listing"] = listings[0]!["id"]!.GetValue<int>();
        targets["featured"] = await Make("/rest/v1/featured", new { listing_id = listings[1]!["id"]!.GetValue<int>(), market_id = targets["market"] });
        targets["featured-gone"] = await Make("/rest/v1/featured", new { listing_id = listings[2]!["id"]!.GetValue<int>(), market_id = targets["market"] });
        targets["news"] = await Make("/rest/v1/news", new { short_title = "Target news", url = "https://example.com/news/target" });
        targets["news-gone"] = await Make("/rest/v1/news", new { short_title = "Doomed news", url = "https://example.com/news/doomed" });

        _matrix = new Matrix(owner.PublisherId, other.PublisherId, package.Json![0]!["id"]!.GetValue<int>(), revoked.AppId, targets);
        _tokens[Who.Anonymous] = null;
        _tokens[Who.Owner] = owner.Token;
        _tokens[Who.OtherPublisher] = other.Token;
        _tokens[Who.Operator] = operatorToken;
        _tokens[Who.ExpiredToken] = expiredToken;
        _tokens[Who.RevokedToken] = revokedToken;
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [TestCaseSource(nameof(Cases))]
    public async Task CallerGetsTheExpectedStatusAndRefusalsWriteNothing(Endpoint endpoint, Who who)
    {
        var expected = who switch
        {
            Who.Owner => endpoint.Owner,
            Who.OtherPublisher => endpoint.Other,
            Who.Operator => endpoint.Operator,
            _ => 401,
        };
        var before = await StoreFingerprintAsync();

        var response = await SendAsync(_app.Client, endpoint.Method, endpoint.Path(_matrix), _tokens[who], endpoint.Body(_matrix));

        var actual = endpoint.Batch && response.Status == HttpStatusCode.OK
            ? response.Json![0]!["code"]!.GetValue<int>()
            : (int)response.Status;
        Assert.That(actual, Is.EqualTo(expected), response.Text);
        if (expected == 401)
            Assert.That(response.Message.Headers.WwwAuthenticate, Is.Not.Empty, "401 says how to authenticate");
        if (expected >= 400)
            Assert.That(await StoreFingerprintAsync(), Is.EqualTo(before), "a refused request writes nothing");
    }

    [Test]
    public void EveryMappedRouteIsInTheMatrix()
    {
        var missing = new List<string>();
        foreach (var (method, pattern) in PublisherApiRoutesMapped(_app))
        {
            var shape = new System.Text.RegularExpressions.Regex(
                "^" + System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Escape(pattern), @"\\\{[^}]*}", "[^/]+") + "(\\?.*)?$");
            if (!CoveredRoutes(_matrix).Any(c => c.Method.Method == method && shape.IsMatch(c.Path)))
                missing.Add($"{method} {pattern}");
        }
        Assert.That(PublisherApiRoutesMapped(_app).Count(), Is.GreaterThan(30), "the routes are found at all");
        Assert.That(missing, Is.Empty);
    }

    /// <summary>(method, route pattern) of every endpoint mapped under /rest/v1.</summary>
    public static IEnumerable<(string Method, string Pattern)> PublisherApiRoutesMapped(CatalogApplication app) =>
        app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/rest/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, e.RoutePattern.RawText!)));

    private async Task<PublisherSession> NewKeyAsync(int publisherId, string operatorToken)
    {
        var key = await SendAsync(_app.Client, HttpMethod.Post, "/rest/v1/apps", operatorToken, new { publisher_id = publisherId });
        return new PublisherSession(publisherId, key.Json!["app_id"]!.GetValue<string>(), key.Json!["app_secret"]!.GetValue<string>(), "");
    }

    /// <summary>Every row of the tables the API writes, and the names of the stored files, as text.</summary>
    private async Task<string> StoreFingerprintAsync()
    {
        string[] tables = ["publishers", "app_keys", "session_tokens", "packages", "package_history", "listings", "markets", "categories",
            "category_markets", "catalogs", "featured", "news", "change_log", "files"];
        var text = new StringBuilder();
        await using var connection = new SqliteConnection($"Data Source={_app.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync();
            text.Append(table).Append(':');
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    text.Append(reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : reader.GetValue(i)).Append('|');
                text.Append('\n');
            }
        }
        var storage = Path.Combine(_app.Folder, "files");
        if (Directory.Exists(storage))
            text.AppendJoin('\n', Directory.GetFiles(storage, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        return text.ToString();
    }
}
