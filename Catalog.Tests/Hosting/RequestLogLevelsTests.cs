using Catalog.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Serilog.Events;

namespace Catalog.Tests.Hosting;

public sealed class RequestLogLevelsTests
{
    [TestCase(200, 3.0, false, LogEventLevel.Debug)]
    [TestCase(304, 1.0, false, LogEventLevel.Debug)]
    [TestCase(200, 1500.0, false, LogEventLevel.Warning)]
    [TestCase(404, 2.0, false, LogEventLevel.Information)]
    [TestCase(400, 2.0, false, LogEventLevel.Information)]
    [TestCase(500, 2.0, false, LogEventLevel.Error)]
    [TestCase(200, 2.0, true, LogEventLevel.Error)]
    public void QuickSuccessIsDebugAndAnythingWorthALookIsNot(int status, double elapsed, bool failed, LogEventLevel expected)
    {
        var http = new DefaultHttpContext();
        http.Response.StatusCode = status;

        var level = RequestLogLevels.For(http, elapsed, failed ? new InvalidOperationException("boom") : null);

        Assert.That(level, Is.EqualTo(expected));
    }
}
