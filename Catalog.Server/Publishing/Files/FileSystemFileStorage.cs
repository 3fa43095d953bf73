using System.Security.Cryptography;
using Catalog.Schema.Store;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Publishing.Files;

/// <summary>
/// Blobs as files under one folder, fanned out by the first two hex digits (<c>ab/abcdef…</c>). A blob is
/// written to a temporary file beside its final place and renamed into it, so it appears whole or not at all,
/// also when two uploads of the same bytes race.
/// </summary>
public sealed class FileSystemFileStorage(IOptions<FilesOptions> files, IOptions<StoreOptions> store) : IFileStorage
{
    /// <summary>The configured folder, or <c>files</c> beside the database.</summary>
    public string Root { get; } = ResolveRoot(files.Value, store.Value);

    public async Task<bool> PutAsync(string sha256, Stream content, CancellationToken ct)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
            return false;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                // The name is a promise about the content: never let a caller's mistake store bytes under another hash.
                if (!string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), sha256, StringComparison.Ordinal))
                    throw new InvalidOperationException($"The content does not hash to {sha256}.");
                await target.FlushAsync(ct);
                target.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false; // another upload of the same bytes finished first
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct)
    {
        try
        {
            Stream stream = new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <summary>Where the blob of <paramref name="sha256"/> is (or would be) stored.</summary>
    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("Not a lowercase hex SHA-256.", nameof(sha256));
        return Path.Combine(Root, sha256[..2], sha256);
    }

    private static string ResolveRoot(FilesOptions files, StoreOptions store)
    {
        if (files.StoragePath.Length > 0)
            return Path.GetFullPath(files.StoragePath);
        return store.BesideDatabase("files");
    }
}
