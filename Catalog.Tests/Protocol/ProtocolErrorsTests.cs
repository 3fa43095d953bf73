using System.Net;
using System.Net.Sockets;
using System.Text;
using Catalog.Tests.Support;

namespace Catalog.Tests.Protocol;

/// <summary>Bad input gets a 4xx with an XML body, never a 500; unknown things are 404s.</summary>
public sealed class ProtocolErrorsTests : SeededCatalogFixture
{
    [TestCase("/node/999999/api/p", HttpStatusCode.NotFound)]
    [TestCase("/content/no-such-listing/api/p", HttpStatusCode.NotFound)]
    [TestCase("/taxonomy/term/999999/api/p", HttpStatusCode.NotFound)]
    [TestCase("/taxonomy/term/5,999999/api/p", HttpStatusCode.NotFound)]
    [TestCase("/category/categories/no-such-category/api/p", HttpStatusCode.NotFound)]
    [TestCase("/featured/999999/api/p", HttpStatusCode.NotFound)]
    [TestCase("/no/such/thing/api/p", HttpStatusCode.NotFound)]
    [TestCase("/node/999999/success", HttpStatusCode.NotFound)]
    [TestCase("/node/abc/api/p", HttpStatusCode.BadRequest)]
    [TestCase("/node/0/api/p", HttpStatusCode.BadRequest)]
    [TestCase("/node/-5/api/p", HttpStatusCode.BadRequest)]
    [TestCase("/node/1.5/api/p", HttpStatusCode.BadRequest)]
    [TestCase("/node/99999999999999999999/api/p", HttpStatusCode.BadRequest)]
    [TestCase("/node/1,,x/api/p", HttpStatusCode.BadRequest)]
    [TestCase("/node/%zz/api/p", HttpStatusCode.BadRequest)]
    [TestCase("/content/abc%C3%28/api/p", HttpStatusCode.BadRequest)]
    [TestCase("/taxonomy/term/1,2,3/api/p", HttpStatusCode.BadRequest)]
    [TestCase("/taxonomy/term/x/api/p", HttpStatusCode.BadRequest)]
    [TestCase("/related/api/p", HttpStatusCode.BadRequest)]
    [TestCase("/related/api/p?nodes=1+two", HttpStatusCode.BadRequest)]
    [TestCase("/api/p/search/apachesolr_search/x?page_num=abc", HttpStatusCode.BadRequest)]
    [TestCase("/api/p/search/apachesolr_search/x?page_num=-1", HttpStatusCode.BadRequest)]
    [TestCase("/api/p/search/apachesolr_search/x?page_num=99999999999", HttpStatusCode.BadRequest)]
    [TestCase("/api/p/search/apachesolr_search/x?filters=tid:abc", HttpStatusCode.BadRequest)]
    public async Task AnswersWithStatusAndXmlErrorBody(string path, HttpStatusCode expected)
    {
        var response = await GetAsync(path);

        Assert.That(response.Status, Is.EqualTo(expected), response.Text);
        Assert.That(response.Root.Element("error")!.Attribute("status")!.Value, Is.EqualTo(((int)expected).ToString()));
    }

    [Test]
    public async Task SearchTextOverTheLimitIsRefusedWithXml()
    {
        var response = await GetAsync("/api/p/search/apachesolr_search/" + new string('a', 5000));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [TestCase("play!")]
    [TestCase("%22unbalanced")]
    [TestCase("a:b")]
    [TestCase("*")]
    [TestCase("?x")]
    [TestCase("AND")]
    [TestCase("NOT")]
    [TestCase("%F0%9F%98%80")]
    [TestCase("100%25")]
    [TestCase("under_score")]
    public async Task SearchTakesAnyTextAsData(string query)
    {
        var response = await GetAsync("/api/p/search/apachesolr_search/" + query + "?filters=sm_field_status:%22Production/Stable%22%20unknown_field:x");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Root.Element("search"), Is.Not.Null);
    }

    [Test]
    public async Task HeadAnswersHeadersWithoutBody()
    {
        var get = await GetAsync("/node/1/api/p");
        using var head = await App.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/node/1/api/p"));
        var body = await head.Content.ReadAsByteArrayAsync();

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Is.Empty);
        Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(get.Body.Length));
        Assert.That(head.Headers.ETag, Is.EqualTo(get.Message.Headers.ETag));
    }

    [Test]
    public async Task RepeatsWithTheEtagGet304()
    {
        var first = await GetAsync("/recent/api/p");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/recent/api/p");
        request.Headers.IfNoneMatch.Add(first.Message.Headers.ETag!);

        var second = await ProtocolResponse.SendAsync(App.Client, request);

        Assert.That(second.Status, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(second.Body, Is.Empty);
    }

    [Test]
    public async Task DifferentAnswersHaveDifferentEtags()
    {
        var a = await GetAsync("/node/10/api/p?platform.version=4.4");
        var b = await GetAsync("/node/10/api/p?platform.version=4.38");

        Assert.That(a.Message.Headers.ETag, Is.Not.EqualTo(b.Message.Headers.ETag));
    }

    [Test]
    public async Task IfModifiedSinceTheLastChangeGets304()
    {
        var first = await GetAsync("/api/p");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/p");
        request.Headers.IfModifiedSince = first.Message.Content.Headers.LastModified;

        var second = await ProtocolResponse.SendAsync(App.Client, request);

        Assert.That(first.Message.Content.Headers.LastModified, Is.Not.Null);
        Assert.That(second.Status, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [TestCase("gzip")]
    [TestCase("br")]
    public async Task CompressesWhenAsked(string encoding)
    {
        var plain = await GetAsync("/api/p");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/p");
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        using var response = await App.Client.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { encoding }));
        Assert.That(compressed.Length, Is.LessThan(plain.Body.Length));
        using var input = encoding == "gzip"
            ? (Stream)new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.BrotliStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        await input.CopyToAsync(output);
        Assert.That(output.ToArray(), Is.EqualTo(plain.Body));
    }

    [TestCase("/content/\u00ff\u00fe/api/p")]
    [TestCase("/content/abc%zz/api/p")]
    [TestCase("/content/abc%2/api/p")]
    [TestCase("/content/abc%C3%28/api/p")]
    [TestCase("/node/%/api/p")]
    public async Task PathWithBrokenEncodingIsRefusedNotFailed(string rawPath)
    {
        // HttpClient would repair these paths; a raw socket sends what a broken client might.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(App.BaseAddress.Host, App.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var request = Encoding.Latin1.GetBytes($"GET {rawPath} HTTP/1.1\r\nHost: {App.BaseAddress.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var statusLine = await reader.ReadLineAsync();

        Assert.That(statusLine, Does.StartWith("HTTP/1.1 400 "));
    }
}
