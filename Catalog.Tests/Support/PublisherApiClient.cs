using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Server.Publishing.Apps;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Tests.Support;

/// <summary>
/// Obtains publisher-API tokens over HTTP the way a client does (app key → <c>POST /rest/v1/app/session/token</c>)
/// and sends JSON requests with them.
/// </summary>
public static class PublisherApiClient
{
    /// <summary>
    /// Plain HTTP on 127.0.0.1 allowed (the test host has no TLS) and limits high enough for a test's bursts;
    /// a test of the guard or the limits overrides these.
    /// </summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Catalog:Publishing:AllowPlainHttp"] = "true",
            ["Catalog:Publishing:TokenRequestsPerWindow"] = "100000",
            ["Catalog:Publishing:WriteRequestsPerWindow"] = "100000",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;
        return settings;
    }

    /// <summary>Creates an operator key through the service the <c>apps create --operator</c> command uses.</summary>
    public static Task<CreatedAppKey> CreateOperatorKeyAsync(CatalogApplication app) =>
        app.Services.GetRequiredService<AppKeyService>().CreateAsync(null, CancellationToken.None);

    public static async Task<string> OperatorTokenAsync(CatalogApplication app)
    {
        var key = await CreateOperatorKeyAsync(app);
        return await TokenAsync(app.Client, key.AppId, key.Secret);
    }

    /// <summary>A new publisher made through the operator API, a key for it, and a token of that key.</summary>
    public static async Task<PublisherSession> NewPublisherAsync(CatalogApplication app, string operatorToken, string name = "Test Publisher")
    {
        var user = await SendAsync(app.Client, HttpMethod.Post, "/rest/v1/users", operatorToken, new { display_name = name });
        Assert.That(user.Status, Is.EqualTo(HttpStatusCode.Created), user.Text);
        var publisherId = user.Json!["id"]!.GetValue<int>();
        var key = await SendAsync(app.Client, HttpMethod.Post, "/rest/v1/apps", operatorToken, new { publisher_id = publisherId });
        Assert.That(key.Status, Is.EqualTo(HttpStatusCode.Created), key.Text);
        var appId = key.Json!["app_id"]!.GetValue<string>();
        var secret = key.Json!["app_secret"]!.GetValue<string>();
        return new PublisherSession(publisherId, appId, secret, await TokenAsync(app.Client, appId, secret));
    }

    /// <summary>A draft package ready to submit (one version, one release, one feature); its id.</summary>
    public static async Task<int> CreateReadyPackageAsync(HttpClient client, string token, string name, string license = "EPL 2.0")
    {
        var created = await SendAsync(client, HttpMethod.Post, "/rest/v1/products/packages", token, new[]
        {
            new
            {
                name, short_description = $"{name} does one thing well.", license,
                versions = new[]
                {
                    new
                    {
                        update_site_url = "https://example.com/updates", releases = new[] { "4.31" },
                        features = new[] { new { id = "com.example.feature.group" } },
                    },
                },
            },
        });
        Assert.That(created.Json![0]!["code"]!.GetValue<int>(), Is.EqualTo(201), created.Text);
        return created.Json![0]!["id"]!.GetValue<int>();
    }

    public static async Task<string> TokenAsync(HttpClient client, string appId, string secret, int expiresIn = 3600)
    {
        var response = await RequestTokenAsync(client, appId, secret, new { grant_type = "session", expires_in = expiresIn });
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        return response.Json!["ust"]!.GetValue<string>();
    }

    public static async Task<ApiResponse> RequestTokenAsync(HttpClient client, string appId, string secret, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/rest/v1/app/session/token") { Content = Content(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{appId}:{secret}")));
        return await ApiResponse.ReadAsync(await client.SendAsync(request));
    }

    private static HttpContent Content(object body) => body switch
    {
        StringBody raw => new StringContent(raw.Text, Encoding.UTF8, "application/json"),
        string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
        MultipartBody multipart => FileUploadClient.Multipart(multipart.Parts),
        _ => JsonContent.Create(body),
    };

    /// <summary>
    /// Sends <paramref name="body"/> as JSON (a string or <see cref="StringBody"/> is sent as it is, a
    /// <see cref="MultipartBody"/> as multipart/form-data) with the bearer token, if any.
    /// </summary>
    public static async Task<ApiResponse> SendAsync(HttpClient client, HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = Content(body);
        return await ApiResponse.ReadAsync(await client.SendAsync(request));
    }

    public static Task<ApiResponse> GetAsync(HttpClient client, string path, string? token) => SendAsync(client, HttpMethod.Get, path, token);
}

public sealed record PublisherSession(int PublisherId, string AppId, string Secret, string Token);

/// <summary>A /rest/v1 answer; every body the API sends is JSON, errors included.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Text, HttpResponseMessage Message)
{
    public JsonNode? Json => Text.Length == 0 ? null : JsonNode.Parse(Text);

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage message)
    {
        var text = await message.Content.ReadAsStringAsync();
        var response = new ApiResponse(message.StatusCode, text, message);
        if (text.Length > 0)
        {
            Assert.That(message.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), text);
            Assert.DoesNotThrow(() => JsonDocument.Parse(text).Dispose(), "body is JSON");
        }
        if ((int)message.StatusCode >= 400)
        {
            Assert.That(text, Is.Not.Empty, $"{(int)message.StatusCode} has a JSON error body");
            var error = JsonNode.Parse(text)!;
            Assert.That(error["code"]?.GetValue<int>(), Is.EqualTo((int)message.StatusCode), text);
            Assert.That(error["message"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty, text);
        }
        return response;
    }

    public string? ErrorField => Json?["field"]?.GetValue<string>();
}

/// <summary>A request body sent as exactly these characters (malformed JSON in tests).</summary>
public sealed record StringBody(string Text);
