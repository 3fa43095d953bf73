using System.Text;

namespace Catalog.Tests.Support;

/// <summary>Tiny real files of every type the catalog accepts, and impostors, made in memory.</summary>
public static class TestFiles
{
    /// <summary>1x1 grey-and-alpha PNG: signature, IHDR, one zlib IDAT, IEND, all with valid CRCs.</summary>
    public static byte[] Png { get; } = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>1x1 GIF89a.</summary>
    public static byte[] Gif { get; } = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /// <summary>1x1 greyscale JFIF JPEG.</summary>
    public static byte[] Jpeg { get; } = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////" +
        "wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=");

    /// <summary>A one-page PDF with no content stream.</summary>
    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes("""
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >> endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """);

    /// <summary>An SVG that would run a script if it were served as an active document.</summary>
    public static byte[] SvgWithScript { get; } = Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a logo -->
        <svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" viewBox="0 0 1 1">
          <style>rect { fill: red; }</style>
          <script>alert(document.cookie)</script>
          <rect width="1" height="1"/>
        </svg>
        """);

    /// <summary>The start of a Windows executable.</summary>
    public static byte[] Executable { get; } = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. "This program cannot be run in DOS mode."u8];

    public static byte[] Html { get; } = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");

    /// <summary>Well-formed XHTML: XML, but its root is not SVG.</summary>
    public static byte[] Xhtml { get; } = Encoding.UTF8.GetBytes("""<html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(1)</script></body></html>""");

    /// <summary>Root named svg but outside the SVG namespace.</summary>
    public static byte[] SvgWithoutNamespace { get; } = Encoding.UTF8.GetBytes("""<svg width="1" height="1"><rect width="1" height="1"/></svg>""");

    /// <summary>An SVG with a DTD defining entities that expand exponentially (the billion laughs).</summary>
    public static byte[] SvgWithEntityBomb { get; } = Encoding.UTF8.GetBytes("""
        <?xml version="1.0"?>
        <!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
        <svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>
        """);

    /// <summary>An SVG whose DTD names an external entity (a file on the server).</summary>
    public static byte[] SvgWithExternalEntity { get; } = Encoding.UTF8.GetBytes("""
        <?xml version="1.0"?>
        <!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <svg xmlns="http://www.w3.org/2000/svg"><text>&secret;</text></svg>
        """);

    /// <summary>Starts like an SVG but never closes its root.</summary>
    public static byte[] TruncatedSvg { get; } = Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/>""");

    /// <summary><paramref name="size"/> bytes that start as a PNG.</summary>
    public static byte[] PngOfSize(int size)
    {
        var bytes = new byte[size];
        Png.AsSpan(0, Math.Min(size, Png.Length)).CopyTo(bytes);
        return bytes;
    }
}
