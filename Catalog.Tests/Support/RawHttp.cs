using System.Net.Sockets;
using System.Text;

namespace Catalog.Tests.Support;

/// <summary>
/// HTTP/1.1 over a plain socket, for requests HttpClient would repair or refuse to send: odd Host headers, dot
/// segments, chunked bodies. The body is written while the answer is read, since a server that refuses a body
/// half-way answers and closes before the client has finished sending.
/// </summary>
public static class RawHttp
{
    public sealed record Response(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
    {
        public string ContentType => Headers.GetValueOrDefault("content-type") ?? "";
    }

    public static Task<Response> GetAsync(Uri server, string target, string? host = null) =>
        SendAsync(server, $"GET {target} HTTP/1.1\r\nHost: {host ?? server.Authority}\r\nConnection: close\r\n\r\n", []);

    /// <summary>A chunked request of <paramref name="bodyBytes"/> bytes of <paramref name="fill"/>, in 8 KB chunks.</summary>
    public static Task<Response> PostChunkedAsync(Uri server, string target, string contentType, string prefix, int bodyBytes,
        char fill = 'a', string extraHeaders = "")
    {
        var head = $"POST {target} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: {contentType}\r\n{extraHeaders}" +
                   "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        var body = Encoding.UTF8.GetBytes(prefix + new string(fill, Math.Max(0, bodyBytes - prefix.Length)));
        var chunks = body.Chunk(8192).Select(c => Encoding.ASCII.GetBytes($"{c.Length:x}\r\n").Concat(c).Concat("\r\n"u8.ToArray()));
        return SendAsync(server, head, chunks.Append("0\r\n\r\n"u8.ToArray()).Select(c => c.ToArray()));
    }

    public static async Task<Response> SendAsync(Uri server, string head, IEnumerable<byte[]> body)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head));
        var sending = Task.Run(async () =>
        {
            try
            {
                foreach (var chunk in body)
                    await stream.WriteAsync(chunk);
            }
            catch (IOException)
            {
                // The server answered and closed before taking the whole body: that is what is under test.
            }
        });
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
                received.Write(buffer, 0, read);
        }
        catch (IOException)
        {
            // A reset after the answer arrived still leaves the answer to read.
        }
        await sending;
        return Parse(received.ToArray());
    }

    private static Response Parse(byte[] bytes)
    {
        // Latin-1 keeps one char per byte, so chunk sizes (in bytes) index the text; the body is UTF-8 again at the end.
        var text = Encoding.Latin1.GetString(bytes);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.That(split, Is.GreaterThan(0), "no HTTP answer: " + text);
        var lines = text[..split].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1]);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var body = text[(split + 4)..];
        if (headers.GetValueOrDefault("transfer-encoding") == "chunked")
            body = Dechunk(body);
        return new Response(status, headers, Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(body)));
    }

    private static string Dechunk(string body)
    {
        var result = new StringBuilder();
        var position = 0;
        while (position < body.Length)
        {
            var end = body.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = Convert.ToInt32(body[position..end], 16);
            if (size == 0)
                break;
            result.Append(body, end + 2, size);
            position = end + 2 + size + 2;
        }
        return result.ToString();
    }
}
