using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Catalog.Tests.Support;

/// <summary>A protocol answer read the way the client reads it, after checks every answer must pass.</summary>
public sealed record ProtocolResponse(HttpStatusCode Status, byte[] Body, HttpResponseMessage Message)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public XElement Root => XDocument.Parse(Text).Root!;

    public static async Task<ProtocolResponse> GetAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(client, request);
    }

    /// <summary>
    /// Sends, then asserts the wire rules of PROTOCOL.md: XML content type with UTF-8, no byte-order mark,
    /// nothing before <c>&lt;?xml</c>, and a body valid against mpc-rest.xsd.
    /// </summary>
    public static async Task<ProtocolResponse> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var message = await client.SendAsync(request);
        var body = await message.Content.ReadAsByteArrayAsync();
        var response = new ProtocolResponse(message.StatusCode, body, message);
        if (message.StatusCode != HttpStatusCode.NotModified && request.Method != HttpMethod.Head)
            response.AssertWireRules(request.RequestUri!.ToString());
        return response;
    }

    public void AssertWireRules(string what)
    {
        Assert.That(Message.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"), what);
        Assert.That(Message.Content.Headers.ContentType?.CharSet, Is.EqualTo("utf-8"), what);
        Assert.That(Body.Length, Is.GreaterThan(5), what);
        Assert.That(Encoding.ASCII.GetString(Body, 0, 5), Is.EqualTo("<?xml"), $"{what}: nothing may precede the declaration (no BOM, no whitespace)");
        MpcSchema.AssertValid(Body, what);
    }

    /// <summary>The top-level elements under &lt;marketplace&gt;.</summary>
    public IReadOnlyList<XElement> TopLevel(string name) => Root.Elements(name).ToList();
}
