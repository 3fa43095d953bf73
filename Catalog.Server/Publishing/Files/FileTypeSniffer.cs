using System.Xml;

namespace Catalog.Server.Publishing.Files;

/// <summary>
/// Recognises an accepted file type from the bytes alone, never from the name or the declared Content-Type,
/// so that a renamed executable or HTML page cannot be served as an image from this origin.
/// </summary>
public static class FileTypeSniffer
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif87Signature = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89Signature = "GIF89a"u8.ToArray();
    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();

    /// <summary>The type of the whole of <paramref name="content"/> (read from its start), or null when it is none we accept.</summary>
    public static async Task<FileType?> SniffAsync(Stream content, CancellationToken ct)
    {
        var head = new byte[16];
        var length = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var start = head.AsSpan(0, length);
        if (start.StartsWith(PngSignature))
            return FileType.Png;
        if (start.StartsWith(JpegSignature))
            return FileType.Jpeg;
        if (start.StartsWith(Gif87Signature) || start.StartsWith(Gif89Signature))
            return FileType.Gif;
        if (start.StartsWith(PdfSignature))
            return FileType.Pdf;
        if (!LooksLikeMarkup(start))
            return null;
        content.Position = 0;
        return await IsSvgAsync(content, ct) ? FileType.Svg : null;
    }

    /// <summary>Text that can begin an XML document: an optional UTF-8 byte-order mark, white space, then '&lt;'.</summary>
    private static bool LooksLikeMarkup(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith("\uFEFF"u8))
            start = start[3..];
        var text = start.TrimStart(" \t\r\n"u8);
        return text.Length == 0 || text[0] == (byte)'<'; // all white space so far: the parser decides
    }

    /// <summary>
    /// Well-formed XML whose root is <c>svg</c> in the SVG namespace. No DTD (it could define entities that
    /// expand without bound) and nothing external is ever fetched.
    /// </summary>
    private static async Task<bool> IsSvgAsync(Stream content, CancellationToken ct)
    {
        var settings = new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        try
        {
            using var reader = XmlReader.Create(content, settings);
            var rootSeen = false;
            while (await reader.ReadAsync())
            {
                ct.ThrowIfCancellationRequested();
                if (rootSeen || reader.NodeType != XmlNodeType.Element)
                    continue;
                if (reader.LocalName != "svg" || reader.NamespaceURI != SvgNamespace)
                    return false;
                rootSeen = true;
            }
            return rootSeen;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
