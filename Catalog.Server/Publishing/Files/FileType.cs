namespace Catalog.Server.Publishing.Files;

/// <summary>A kind of file the catalog accepts, as recognised from its bytes.</summary>
public sealed record FileType(string ContentType, string Extension, bool IsImage)
{
    public static readonly FileType Png = new("image/png", ".png", true);
    public static readonly FileType Jpeg = new("image/jpeg", ".jpg", true);
    public static readonly FileType Gif = new("image/gif", ".gif", true);
    public static readonly FileType Svg = new("image/svg+xml", ".svg", true);
    public static readonly FileType Pdf = new("application/pdf", ".pdf", false);

    public static IReadOnlyList<FileType> All { get; } = [Png, Jpeg, Gif, Svg, Pdf];

    public static FileType? FromContentType(string contentType) =>
        All.FirstOrDefault(t => string.Equals(t.ContentType, contentType, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether <paramref name="extension"/> (with its dot) is one this type is known by.</summary>
    public bool HasExtension(string extension) =>
        string.Equals(extension, Extension, StringComparison.OrdinalIgnoreCase)
        || (this == Jpeg && string.Equals(extension, ".jpeg", StringComparison.OrdinalIgnoreCase));
}
