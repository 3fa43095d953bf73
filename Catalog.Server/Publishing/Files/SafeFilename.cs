namespace Catalog.Server.Publishing.Files;

/// <summary>
/// Names as uploaders send them are data: no folders, no control or quoting characters, bounded length; and
/// when served, the extension of the type the bytes really are.
/// </summary>
public static class SafeFilename
{
    public const int MaxLength = 200;
    private const string Fallback = "file";

    public static string Clean(string? name)
    {
        var text = (name ?? "").Replace('\\', '/');
        text = text[(text.LastIndexOf('/') + 1)..];
        var kept = new string(text.Where(c => !char.IsControl(c) && !char.IsSurrogate(c) && c is not ('"' or '<' or '>' or ':' or '|' or '?' or '*' or ';')).ToArray());
        kept = kept.Trim().Trim('.').Trim();
        if (kept.Length > MaxLength)
        {
            var extension = Path.GetExtension(kept);
            kept = extension.Length is > 0 and <= 10 ? kept[..(MaxLength - extension.Length)] + extension : kept[..MaxLength];
        }
        return kept.Length == 0 ? Fallback : kept;
    }

    /// <summary><paramref name="stored"/> with the extension of <paramref name="type"/>: <c>logo.exe</c> holding a PNG is served as <c>logo.exe.png</c>.</summary>
    public static string ForServing(string stored, FileType type) =>
        type.HasExtension(Path.GetExtension(stored)) ? stored : stored + type.Extension;
}
