using System.Collections.Concurrent;
using Catalog.Server.Operations;
using Catalog.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Catalog.Tests.Operations;

/// <summary>The server's real Serilog pipeline, with one more sink registered as a service.</summary>
public sealed class RequestLogTests
{
    private sealed class CollectingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();
        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }

    [Test]
    public async Task Request_log_carries_route_template_status_duration_and_what_the_client_said()
    {
        var sink = new CollectingSink();
        await using var app = await CatalogApplication.StartAsync(
            new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Debug" },
            configure: b => b.Services.AddSingleton<ILogEventSink>(sink));

        var response = await app.Client.GetAsync("/node/10/api/p?os=linux&platform.version=4.12&client=org.eclipse.epp.mpc.core");
        Assert.That((int)response.StatusCode, Is.EqualTo(200));

        var logged = await FirstAsync(sink, e => Text(e, "RequestPath") == "/node/10/api/p");
        Assert.That(logged, Is.Not.Null, "no request log event");
        Assert.That(logged!.Level, Is.EqualTo(LogEventLevel.Debug), "a quick success");
        Assert.That(Text(logged, "RouteTemplate"), Is.EqualTo("/node/{ids}/api/p"));
        Assert.That(Text(logged, "StatusCode"), Is.EqualTo("200"));
        Assert.That(Text(logged, "ClientOs"), Is.EqualTo("linux"));
        Assert.That(Text(logged, "ClientPlatformVersion"), Is.EqualTo("4.12"));
        Assert.That(logged.Properties["Elapsed"], Is.InstanceOf<ScalarValue>());
        Assert.That(((ScalarValue)logged.Properties["Elapsed"]).Value, Is.InstanceOf<double>());
    }

    [Test]
    public async Task Client_text_in_the_query_is_bounded_before_it_is_logged()
    {
        var sink = new CollectingSink();
        await using var app = await CatalogApplication.StartAsync(
            new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Debug" },
            configure: b => b.Services.AddSingleton<ILogEventSink>(sink));

        await app.Client.GetAsync("/api/p?os=" + new string('x', 5000));

        var logged = await FirstAsync(sink, e => Text(e, "RequestPath") == "/api/p");
        Assert.That(Text(logged!, "ClientOs"), Is.EqualTo(new string('x', 100)));
        Assert.That(Text(logged!, "ClientPlatformVersion"), Is.Null);
    }

    [Test]
    public void Probes_and_scrapes_log_at_debug_even_when_not_ready_and_failures_elsewhere_at_error()
    {
        var probe = Context(StatusCodes.Status503ServiceUnavailable, new OperationsEndpoint());
        var failing = Context(StatusCodes.Status500InternalServerError);
        var ok = Context(StatusCodes.Status200OK);

        Assert.That(RequestLogEnrichment.Level(probe, 1, null), Is.EqualTo(LogEventLevel.Debug));
        Assert.That(RequestLogEnrichment.Level(failing, 1, null), Is.EqualTo(LogEventLevel.Error));
        Assert.That(RequestLogEnrichment.Level(ok, 1, null), Is.EqualTo(LogEventLevel.Debug));
        Assert.That(RequestLogEnrichment.Level(ok, 1, new InvalidOperationException()), Is.EqualTo(LogEventLevel.Error));
    }

    [TestCase(200, 3.0, false, LogEventLevel.Debug)]
    [TestCase(304, 1.0, false, LogEventLevel.Debug)]
    [TestCase(200, 1500.0, false, LogEventLevel.Warning)]
    [TestCase(404, 2.0, false, LogEventLevel.Information)]
    [TestCase(400, 2.0, false, LogEventLevel.Information)]
    [TestCase(500, 2.0, false, LogEventLevel.Error)]
    [TestCase(200, 2.0, true, LogEventLevel.Error)]
    public void Quick_success_is_debug_and_anything_worth_a_look_is_not(int status, double elapsed, bool failed, LogEventLevel expected)
    {
        var level = RequestLogEnrichment.Level(Context(status), elapsed, failed ? new InvalidOperationException("boom") : null);

        Assert.That(level, Is.EqualTo(expected));
    }

    [Test]
    public async Task A_refused_request_is_logged_at_the_default_level()
    {
        var sink = new CollectingSink();
        await using var app = await CatalogApplication.StartAsync(
            new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" },
            configure: b => b.Services.AddSingleton<ILogEventSink>(sink));

        await app.Client.GetAsync("/node/999999/api/p?os=linux");

        var logged = await FirstAsync(sink, e => Text(e, "RequestPath") == "/node/999999/api/p");
        Assert.That(logged, Is.Not.Null, "no request log event for a 404");
        Assert.That(logged!.Level, Is.EqualTo(LogEventLevel.Information));
        Assert.That(Text(logged, "StatusCode"), Is.EqualTo("404"));
    }

    private static DefaultHttpContext Context(int status, params object[] metadata)
    {
        var http = new DefaultHttpContext();
        http.Response.StatusCode = status;
        http.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/x"), 0, new EndpointMetadataCollection(metadata), "x"));
        return http;
    }

    private static string? Text(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: not null } scalar ? scalar.Value.ToString() : null;

    /// <summary>The request log is written after the response has gone, so the test waits for it (bounded).</summary>
    /// <summary>The first request-log event (the one carrying <c>Elapsed</c>; the framework's own events name the path too) that matches.</summary>
    private static async Task<LogEvent?> FirstAsync(CollectingSink sink, Func<LogEvent, bool> match)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (sink.Events.FirstOrDefault(e => e.Properties.ContainsKey("Elapsed") && match(e)) is { } found)
                return found;
            await Task.Delay(50);
        }
        return null;
    }
}
