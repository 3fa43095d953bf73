using Catalog.Server.Pages;
using Catalog.Server.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catalog.Tests.Pages;

/// <summary>The pages' error policy, called directly: what reaches a person for each kind of failure.</summary>
public sealed class PageErrorsTests
{
    [Test]
    public async Task UnexpectedFailureIsA500PageThatGivesNothingAway()
    {
        var result = await InvokeAsync(new InvalidOperationException("connection string Data Source=/secret/catalog.db"));

        Assert.That(result.StatusCode, Is.EqualTo(500));
        Assert.That(result.Parameters["Message"]?.ToString(), Does.Not.Contain("secret").And.Contain("went wrong"));
    }

    [TestCase(400)]
    [TestCase(404)]
    public async Task ProtocolFailuresKeepTheirStatusAndMessage(int status)
    {
        var result = await InvokeAsync(new ProtocolException(status, "No listing with id 7."));

        Assert.That(result.StatusCode, Is.EqualTo(status));
        Assert.That(result.Parameters["Message"], Is.EqualTo("No listing with id 7."));
    }

    [Test]
    public async Task EveryAnswerCarriesTheSecurityHeaders()
    {
        var http = new DefaultHttpContext();

        await new PageErrors(NullLogger<PageErrors>.Instance).InvokeAsync(EndpointFilterInvocationContext.Create(http), _ => ValueTask.FromResult<object?>("ok"));

        Assert.That(http.Response.Headers.ContentSecurityPolicy.ToString(), Is.EqualTo(PageSecurityHeaders.ContentSecurityPolicy));
        Assert.That(http.Response.Headers.XContentTypeOptions.ToString(), Is.EqualTo("nosniff"));
    }

    private static async Task<RazorComponentResult<ErrorPage>> InvokeAsync(Exception failure)
    {
        var http = new DefaultHttpContext();
        var result = await new PageErrors(NullLogger<PageErrors>.Instance).InvokeAsync(
            EndpointFilterInvocationContext.Create(http), _ => throw failure);
        return (RazorComponentResult<ErrorPage>)result!;
    }
}
