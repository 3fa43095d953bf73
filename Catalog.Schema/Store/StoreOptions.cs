using System.ComponentModel.DataAnnotations;

namespace Catalog.Schema.Store;

/// <summary>Configuration section <c>Catalog:Store</c>.</summary>
public sealed class StoreOptions
{
    public const string Section = "Catalog:Store";

    /// <summary>The SQLite file; created with its folder when missing.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/catalog.db";

    /// <summary>
    /// A folder beside the database (the default home of the search index and uploaded files), so that pointing
    /// the server at another database never pairs it with the previous one's index or files.
    /// </summary>
    public string BesideDatabase(string name) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!, name);

    /// <summary>How long a writer waits for another writer's lock before failing.</summary>
    [Range(0, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 5_000;
}
