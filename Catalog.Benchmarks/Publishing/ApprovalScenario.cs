using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Catalog.Benchmarks.Publishing;

/// <summary>
/// <c>approval</c>: time from an operator's approval of a submitted listing (publisher API, PUBLISHER-API.md)
/// to that listing being found by protocol search.
/// </summary>
/// <remarks>
/// App keys come from BENCH_PUBLISHER_KEY / BENCH_OPERATOR_KEY (<c>appId:appSecret</c>), made by
/// <c>bench/run.sh</c> with the server's <c>apps create</c> command; the server must allow plain HTTP
/// (<c>Catalog:Publishing:AllowPlainHttp</c>), as it listens on 127.0.0.1 only.
/// </remarks>
public static class ApprovalScenario
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var output = args.Required("out");
        using var http = new HttpClient { BaseAddress = new Uri(args.Required("base")), Timeout = TimeSpan.FromSeconds(30) };
        var outcome = await MeasureAsync(http);
        Console.WriteLine(outcome.Milliseconds is { } ms ? $"Approval to searchable: {ms} ms" : outcome.Note);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(outcome));
        return 0;
    }

    private static async Task<ApprovalOutcome> MeasureAsync(HttpClient http)
    {
        using (var probe = await http.GetAsync("/rest/v1/products/packages"))
        {
            if (probe.StatusCode == HttpStatusCode.NotFound)
                return new ApprovalOutcome(null, "not measured: publisher API not available (/rest/v1 answers 404)");
        }
        var publisherKey = Environment.GetEnvironmentVariable("BENCH_PUBLISHER_KEY");
        var operatorKey = Environment.GetEnvironmentVariable("BENCH_OPERATOR_KEY");
        if (string.IsNullOrEmpty(publisherKey) || string.IsNullOrEmpty(operatorKey))
            return new ApprovalOutcome(null, "not measured: publisher API present, but BENCH_PUBLISHER_KEY / BENCH_OPERATOR_KEY (appId:appSecret) not set");
        try
        {
            var publisher = await TokenAsync(http, publisherKey);
            var op = await TokenAsync(http, operatorKey);
            var word = "Zq" + Guid.NewGuid().ToString("N")[..10];
            var created = await SendAsync(http, HttpMethod.Post, "/rest/v1/products/packages", publisher, new JsonArray(new JsonObject
            {
                ["name"] = $"{word} approval probe",
                ["short_description"] = "Benchmark: time from approval to search.",
                ["categories"] = new JsonArray(),
                ["versions"] = new JsonArray(new JsonObject
                {
                    ["version"] = "1.0.0",
                    ["update_site_url"] = "https://example.org/updates/",
                    ["releases"] = new JsonArray("4.38"),
                    ["features"] = new JsonArray(new JsonObject { ["id"] = "org.example.probe.feature", ["required"] = true }),
                }),
            }));
            var id = ItemOf(created, "create")["id"]?.GetValue<int>()
                ?? throw new InvalidOperationException("the create answer names no id");
            ItemOf(await SendAsync(http, HttpMethod.Put, "/rest/v1/products/packages", publisher,
                new JsonArray(new JsonObject { ["id"] = id, ["action"] = "submit" })), "submit");
            var clock = Stopwatch.StartNew();
            ItemOf(await SendAsync(http, HttpMethod.Put, "/rest/v1/products/packages", op,
                new JsonArray(new JsonObject { ["id"] = id, ["action"] = "approve" })), "approve");
            while (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                var xml = XDocument.Parse(await http.GetStringAsync($"/api/p/search/apachesolr_search/{word}"));
                if (xml.Descendants("node").Any())
                    return new ApprovalOutcome(clock.ElapsedMilliseconds, "measured");
                await Task.Delay(5);
            }
            return new ApprovalOutcome(null, "not measured: the approved listing was not found by search within 30 s");
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or JsonException)
        {
            return new ApprovalOutcome(null, $"not measured: publisher API flow failed ({e.Message})");
        }
    }

    /// <summary>A batch answers 200 whatever becomes of its items: each item carries its own code.</summary>
    private static JsonNode ItemOf(JsonArray answer, string step)
    {
        var item = answer.FirstOrDefault() ?? throw new InvalidOperationException($"{step}: empty answer");
        var code = item["code"]?.GetValue<int>() ?? 0;
        return code is 200 or 201 ? item : throw new InvalidOperationException($"{step} answered {item.ToJsonString()}");
    }

    private static async Task<string> TokenAsync(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/rest/v1/app/session/token")
        {
            Content = JsonContent.Create(new { grant_type = "session", expires_in = 7200 }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key)));
        using var response = await http.SendAsync(request);
        await EnsureAsync(response, "token");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body?["ust"]?.ToString() ?? throw new InvalidOperationException("the token answer has no ust");
    }

    private static async Task<JsonArray> SendAsync(HttpClient http, HttpMethod method, string path, string token, JsonNode body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        await EnsureAsync(response, $"{method} {path}");
        var answer = await response.Content.ReadFromJsonAsync<JsonNode>();
        return answer as JsonArray ?? new JsonArray(answer?.DeepClone());
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string step)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{step} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed record ApprovalOutcome(long? Milliseconds, string Note);
