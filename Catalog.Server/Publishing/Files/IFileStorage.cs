namespace Catalog.Server.Publishing.Files;

/// <summary>
/// Where uploaded bytes live, addressed by their SHA-256 (lowercase hex): the same bytes are kept once however
/// often they are uploaded. Behind an interface because replicas will share an object store, not a disk.
/// </summary>
public interface IFileStorage
{
    /// <summary>
    /// Stores <paramref name="content"/> (read from its current position to its end) under <paramref name="sha256"/>
    /// unless it is stored already. Readers never see a partly written blob.
    /// </summary>
    /// <returns>True when the bytes were written now, false when they were there already.</returns>
    Task<bool> PutAsync(string sha256, Stream content, CancellationToken ct);

    /// <summary>The stored bytes, or null when nothing is stored under <paramref name="sha256"/>.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct);
}
