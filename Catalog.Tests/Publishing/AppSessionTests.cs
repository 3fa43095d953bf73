using System.Net;
using Catalog.Schema.Publishing;
using Catalog.Server.Publishing.Apps;
using Catalog.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Catalog.Tests.Support.PublisherApiClient;

namespace Catalog.Tests.Publishing;

/// <summary>App keys, the token endpoint, bearer authentication, the HTTPS guard and rate limits, over HTTP.</summary>
public sealed class AppSessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task TokenAnswersPublisherIdUstAndExpiry()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(), seed: false);
        var operatorToken = await OperatorTokenAsync(app);
        var publisher = await NewPublisherAsync(app, operatorToken);

        var response = await RequestTokenAsync(app.Client, publisher.AppId, publisher.Secret, new { grant_type = "session", expires_in = 600 });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Json!["publisher_id"]!.GetValue<int>(), Is.EqualTo(publisher.PublisherId));
        Assert.That(response.Json!["expires_in"]!.GetValue<int>(), Is.EqualTo(600));
        Assert.That(response.Json!["ust"]!.GetValue<string>(), Has.Length.EqualTo(43), "32 random bytes, base64url");
        Assert.That(response.Message.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task OperatorTokenHasNullPublisherId()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(), seed: false);
        var key = await CreateOperatorKeyAsync(app);

        var response = await RequestTokenAsync(app.Client, key.AppId, key.Secret, new { grant_type = "session", expires_in = 60 });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Text, Does.Contain("\"publisher_id\":null"));
    }

    [Test]
    public async Task RequestedLifetimeIsCappedByConfiguration()
    {
        await using var app = await CatalogApplication.StartAsync(
            Settings(new Dictionary<string, string?> { ["Catalog:Publishing:MaxTokenLifetimeSeconds"] = "900" }), seed: false);
        var key = await CreateOperatorKeyAsync(app);

        var response = await RequestTokenAsync(app.Client, key.AppId, key.Secret, new { grant_type = "session", expires_in = 86400 });

        Assert.That(response.Json!["expires_in"]!.GetValue<int>(), Is.EqualTo(900));
    }

    [Test]
    public async Task SecretIsStoredOnlyAsASaltedSlowHash()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(), seed: false);
        var first = await CreateOperatorKeyAsync(app);
        var second = await CreateOperatorKeyAsync(app);

        var stored = (await app.Get<IAppKeyStore>().GetAsync(first.AppId, CancellationToken.None))!;
        var other = (await app.Get<IAppKeyStore>().GetAsync(second.AppId, CancellationToken.None))!;
        var database = await File.ReadAllBytesAsync(app.DatabasePath);

        Assert.That(stored.Iterations, Is.GreaterThanOrEqualTo(100_000));
        Assert.That(stored.SecretSalt, Is.Not.EqualTo(other.SecretSalt), "a salt per key");
        Assert.That(stored.SecretHash, Has.Length.EqualTo(32));
        Assert.That(System.Text.Encoding.ASCII.GetString(database), Does.Not.Contain(first.Secret));
    }

    [TestCase("wrong-secret")]
    [TestCase("")]
    public async Task WrongSecretIsUnauthorizedWithBasicChallenge(string secret)
    {
        await using var app = await CatalogApplication.StartAsync(Settings(), seed: false);
        var key = await CreateOperatorKeyAsync(app);

        var response = await RequestTokenAsync(app.Client, key.AppId, secret, new { grant_type = "session" });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Message.Headers.WwwAuthenticate.ToString(), Does.StartWith("Basic"));
    }

    [Test]
    public async Task UnknownAppIdIsUnauthorized()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(), seed: false);

        var response = await RequestTokenAsync(app.Client, "app_NOSUCHKEY", "secret", new { grant_type = "session" });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("""{"grant_type":"password"}""", "grant_type")]
    [TestCase("""{"grant_type":"session","expires_in":0}""", "expires_in")]
    [TestCase("""{"grant_type":"session","expires_in":"soon"}""", "expires_in")]
    [TestCase("""{"grant_type":"session","scope":"all"}""", "scope")]
    [TestCase("""{"grant_type":""", "grant_type")]
    [TestCase("[]", "$")]
    public async Task MalformedTokenRequestIsBadRequestNamingTheField(string body, string field)
    {
        await using var app = await CatalogApplication.StartAsync(Settings(), seed: false);
        var key = await CreateOperatorKeyAsync(app);

        var response = await RequestTokenAsync(app.Client, key.AppId, key.Secret, new StringBody(body));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest), response.Text);
        Assert.That(response.ErrorField, Is.EqualTo(field), response.Text);
    }

    [Test]
    public async Task ExpiredTokenIsRefusedByTheInjectedClock()
    {
        var clock = new ManualClock(Start);
        await using var app = await CatalogApplication.StartAsync(Settings(), seed: false,
            configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var key = await CreateOperatorKeyAsync(app);
        var token = await TokenAsync(app.Client, key.AppId, key.Secret, expiresIn: 120);
        Assert.That((await GetAsync(app.Client, "/rest/v1/users", token)).Status, Is.EqualTo(HttpStatusCode.OK));

        clock.Advance(TimeSpan.FromSeconds(121));
        var response = await GetAsync(app.Client, "/rest/v1/users", token);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Message.Headers.WwwAuthenticate.ToString(), Does.Contain("invalid_token"));
    }

    [Test]
    public async Task RevokingAKeyEndsItsTokens()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(), seed: false);
        var operatorToken = await OperatorTokenAsync(app);
        var publisher = await NewPublisherAsync(app, operatorToken);
        var path = $"/rest/v1/users/{publisher.PublisherId}";
        Assert.That((await GetAsync(app.Client, path, publisher.Token)).Status, Is.EqualTo(HttpStatusCode.OK));

        var revoke = await SendAsync(app.Client, HttpMethod.Delete, $"/rest/v1/apps/{publisher.AppId}", operatorToken);

        Assert.That(revoke.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await GetAsync(app.Client, path, publisher.Token)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await RequestTokenAsync(app.Client, publisher.AppId, publisher.Secret, new { grant_type = "session" })).Status,
            Is.EqualTo(HttpStatusCode.Unauthorized), "a revoked key gets no new token");
    }

    [Test]
    public async Task APublisherHasAtMostThreeKeys()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(), seed: false);
        var operatorToken = await OperatorTokenAsync(app);
        var publisher = await NewPublisherAsync(app, operatorToken);
        for (var i = 0; i < 2; i++)
            Assert.That((await SendAsync(app.Client, HttpMethod.Post, "/rest/v1/apps", operatorToken, new { publisher_id = publisher.PublisherId })).Status,
                Is.EqualTo(HttpStatusCode.Created));

        var fourth = await SendAsync(app.Client, HttpMethod.Post, "/rest/v1/apps", operatorToken, new { publisher_id = publisher.PublisherId });
        await SendAsync(app.Client, HttpMethod.Delete, $"/rest/v1/apps/{publisher.AppId}", operatorToken);
        var afterRevoke = await SendAsync(app.Client, HttpMethod.Post, "/rest/v1/apps", operatorToken, new { publisher_id = publisher.PublisherId });

        Assert.That(fourth.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(afterRevoke.Status, Is.EqualTo(HttpStatusCode.Created), "a revoked key frees its place");
    }

    [Test]
    public async Task AnonymousCallIsUnauthorizedWithBearerChallenge()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(), seed: false);

        var response = await GetAsync(app.Client, "/rest/v1/users", token: null);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Message.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
    }

    [Test]
    public async Task PlainHttpIsRefusedOutsideDevelopmentUnlessAllowed()
    {
        await using var app = await CatalogApplication.StartAsync(
            Settings(new Dictionary<string, string?> { ["Catalog:Publishing:AllowPlainHttp"] = "false" }), seed: false);
        var key = await CreateOperatorKeyAsync(app);

        var token = await RequestTokenAsync(app.Client, key.AppId, key.Secret, new { grant_type = "session" });
        var protocol = await app.Client.GetAsync("/catalogs/api/p");

        Assert.That(token.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(token.Json!["message"]!.GetValue<string>(), Does.Contain("HTTPS"));
        Assert.That(protocol.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the Eclipse protocol is not guarded");
    }

    [Test]
    public async Task PlainHttpThroughATrustedTlsProxyIsAccepted()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(new Dictionary<string, string?>
        {
            ["Catalog:Publishing:AllowPlainHttp"] = "false",
            ["Catalog:Server:TrustedProxies:0"] = "127.0.0.1",
        }), seed: false);
        var key = await CreateOperatorKeyAsync(app);
        app.Client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var token = await RequestTokenAsync(app.Client, key.AppId, key.Secret, new { grant_type = "session" });

        Assert.That(token.Status, Is.EqualTo(HttpStatusCode.OK), token.Text);
    }

    [Test]
    public async Task TokenRequestsAreRateLimitedPerClientWithRetryAfter()
    {
        await using var app = await CatalogApplication.StartAsync(
            Settings(new Dictionary<string, string?> { ["Catalog:Publishing:TokenRequestsPerWindow"] = "2" }), seed: false);

        var answers = new List<ApiResponse>();
        for (var i = 0; i < 3; i++)
            answers.Add(await RequestTokenAsync(app.Client, "app_NOSUCHKEY", "x", new { grant_type = "session" }));

        Assert.That(answers.Take(2).Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(answers[2].Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(answers[2].Message.Headers.RetryAfter, Is.Not.Null);
    }

    [Test]
    public async Task WritesAreRateLimitedPerKeyAndReadsAreNot()
    {
        await using var app = await CatalogApplication.StartAsync(
            Settings(new Dictionary<string, string?> { ["Catalog:Publishing:WriteRequestsPerWindow"] = "2" }), seed: false);
        var key = await CreateOperatorKeyAsync(app);
        var token = await TokenAsync(app.Client, key.AppId, key.Secret);

        var writes = new List<ApiResponse>();
        for (var i = 0; i < 3; i++)
            writes.Add(await SendAsync(app.Client, HttpMethod.Post, "/rest/v1/users", token, new { display_name = $"Writer {i}" }));
        var read = await GetAsync(app.Client, "/rest/v1/users", token);

        Assert.That(writes.Select(w => w.Status), Is.EqualTo(new[] { HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests }));
        Assert.That(writes[2].Message.Headers.RetryAfter, Is.Not.Null);
        Assert.That(read.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(read.Message.Headers.GetValues("X-Total-Count").Single(), Is.EqualTo("2"), "the refused write stored nothing");
    }

    [Test]
    public async Task AppsCommandPrintsTheSecretOnceAndRevokes()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(), seed: false);
        string[] store = [$"--Catalog:Store:DatabasePath={app.DatabasePath}", $"--Catalog:Search:IndexPath={Path.Combine(app.Folder, "cli-index")}"];
        var created = await CommandRun.RunAsync(["apps", "create", "--publisher", "Command Line Co", .. store]);
        var values = created.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var token = await TokenAsync(app.Client, values["app_id"], values["app_secret"]);
        var listed = await CommandRun.RunAsync(["apps", "list", .. store]);
        var revoked = await CommandRun.RunAsync(["apps", "revoke", values["app_id"], .. store]);
        var usage = await CommandRun.RunAsync(["apps", "create", .. store]);

        Assert.That((created.ExitCode, listed.ExitCode, revoked.ExitCode, usage.ExitCode), Is.EqualTo((0, 0, 0, 2)));
        Assert.That(listed.Out, Does.Contain(values["app_id"]).And.Not.Contain(values["app_secret"]));
        Assert.That((await GetAsync(app.Client, $"/rest/v1/users/{values["publisher_id"]}", token)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task UnknownPathUnderTheApiIsJsonNotFound()
    {
        await using var app = await CatalogApplication.StartAsync(Settings(), seed: false);

        var response = await GetAsync(app.Client, "/rest/v1/no/such/thing", await OperatorTokenAsync(app));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public void HashVerifiesOnlyTheSameSecret()
    {
        var (salt, hash) = AppSecretHasher.Hash("s3cret");

        Assert.That(AppSecretHasher.Verify("s3cret", salt, hash, AppSecretHasher.Iterations), Is.True);
        Assert.That(AppSecretHasher.Verify("s3cret!", salt, hash, AppSecretHasher.Iterations), Is.False);
    }
}
