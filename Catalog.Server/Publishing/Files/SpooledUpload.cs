namespace Catalog.Server.Publishing.Files;

/// <summary>
/// One <c>file[]</c> part read to the end and checked: its bytes in a temporary file that disappears when this
/// is disposed, their hash, size and recognised type, and the name the uploader gave (made safe).
/// </summary>
public sealed class SpooledUpload(FileStream content, string sha256, long size, FileType type, string filename) : IAsyncDisposable
{
    public string Sha256 { get; } = sha256;
    public long Size { get; } = size;
    public FileType Type { get; } = type;
    public string Filename { get; } = filename;

    /// <summary>The bytes from their start.</summary>
    public Stream Open()
    {
        content.Position = 0;
        return content;
    }

    public ValueTask DisposeAsync() => content.DisposeAsync();
}
