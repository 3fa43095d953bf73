using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Catalog.Tests.Support;

/// <summary>A web page as a browser would get it, after the checks every page must pass.</summary>
public sealed record HtmlPage(HttpStatusCode Status, string Html, IHtmlDocument Document, HttpResponseMessage Message)
{
    public static async Task<HtmlPage> GetAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        var message = await client.SendAsync(request);
        var html = await message.Content.ReadAsStringAsync();
        Assert.That(message.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), path);
        Assert.That(message.Content.Headers.ContentType?.CharSet, Is.EqualTo("utf-8"), path);
        return new HtmlPage(message.StatusCode, html, ParseStrict(html, path), message);
    }

    /// <summary>Strict mode throws at the first HTML5 parse error, so a page that parses here is well formed.</summary>
    public static IHtmlDocument ParseStrict(string html, string what)
    {
        try
        {
            return new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(html);
        }
        catch (HtmlParseException e)
        {
            Assert.Fail($"{what}: HTML parse error at {e.Position}: {e.Message}");
            throw;
        }
    }

    public string Text(string selector) => Document.QuerySelector(selector)?.TextContent.Trim() ?? "";

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
