using Catalog.Schema.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Catalog.Store.Sqlite;

/// <summary>
/// SQLite reports a full disk as SQLITE_FULL, or as an I/O error when a write (of the log, of its shared memory) hits ENOSPC; files written
/// beside the database fail with an <see cref="IOException"/> carrying ENOSPC. Room is checked by writing and
/// removing a small file in the database's folder: the free-space figure of the file system alone can lie
/// (reserved blocks, quotas).
/// </summary>
public sealed class SqliteStoreSpace(IOptions<StoreOptions> options) : IStoreSpace
{
    private const int SqliteFull = 13;
    private const int SqliteIoError = 10;
    private const int NoSpaceLeftOnDevice = 28; // ENOSPC on Linux and macOS
    private const int DiskQuotaExceeded = 122;  // EDQUOT on Linux
    private const int ProbeBytes = 256 * 1024;
    private const long NearlyFullBytes = 1024 * 1024;

    public bool IsOutOfSpace(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteFull })
                return true;
            if (e is SqliteException { SqliteErrorCode: SqliteIoError } && FreeBytes() < NearlyFullBytes)
                return true;
            if (e is IOException { HResult: NoSpaceLeftOnDevice or DiskQuotaExceeded })
                return true;
        }
        return false;
    }

    // SQLite says "disk I/O error" for a write that hit ENOSPC and for a failing disk alike; only the first is
    // storage running out, and then the file system has (next to) nothing free.
    private long FreeBytes()
    {
        try
        {
            return new DriveInfo(Folder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return long.MaxValue;
        }
    }

    private string Folder => options.Value.DatabaseFolder;

    public async Task<bool> HasRoomAsync(CancellationToken ct)
    {
        var folder = Folder;
        var probe = Path.Combine(folder, $".space-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            await using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                await file.WriteAsync(new byte[ProbeBytes], ct).ConfigureAwait(false);
                await file.FlushAsync(ct).ConfigureAwait(false);
            }
            return true;
        }
        catch (IOException e) when (IsOutOfSpace(e))
        {
            return false;
        }
        finally
        {
            try
            {
                File.Delete(probe);
            }
            catch (IOException)
            {
                // Deleting a file frees space; failing to is no reason to report anything.
            }
        }
    }
}
