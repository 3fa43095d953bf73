using Catalog.Schema.Store;
using Catalog.Search;
using Catalog.Server.Publishing.Files;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Hosting;

/// <summary>
/// The folders a writing process needs (the database's, the index's, the uploaded files'), each tried with a
/// real file before anything else happens. A read-only folder otherwise showed as an SQLite error deep in a
/// migration, or as "the index is open in another process" when its lock file could not be created.
/// </summary>
public static class WritableDataFolders
{
    /// <exception cref="StartupRefusedException">A folder (or the database file) cannot be written by this user.</exception>
    public static void Ensure(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var store = services.GetRequiredService<IOptions<StoreOptions>>().Value;
        var database = Path.GetFullPath(store.DatabasePath);
        EnsureFolder(store.DatabaseFolder, $"{StoreOptions.Section}:DatabasePath");
        EnsureFile(database, $"{StoreOptions.Section}:DatabasePath");
        EnsureFolder(Path.GetFullPath(services.GetRequiredService<IOptions<SearchOptions>>().Value.IndexPath), $"{SearchOptions.Section}:IndexPath");
        if (services.GetService<IFileStorage>() is FileSystemFileStorage files)
            EnsureFolder(files.Root, $"{FilesOptions.Section}:StoragePath");
    }

    private static void EnsureFolder(string folder, string setting)
    {
        try
        {
            Directory.CreateDirectory(folder);
            using var probe = new FileStream(Path.Combine(folder, $".write-probe-{Environment.ProcessId}"),
                FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            probe.WriteByte(0);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw NotWritable(folder, setting, e);
        }
    }

    private static void EnsureFile(string file, string setting)
    {
        if (!File.Exists(file))
            return;
        try
        {
            using var _ = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw NotWritable(file, setting, e);
        }
    }

    private static StartupRefusedException NotWritable(string path, string setting, Exception e) =>
        StartupRefusedException.Environment(
            $"{path} cannot be written ({e.Message.TrimEnd('.')}). Make it writable, or choose another place with {setting}.");
}
