using System.ComponentModel.DataAnnotations;

namespace Catalog.Schema.Store;

/// <summary>Configuration section <c>Catalog:Store</c>.</summary>
public sealed class StoreOptions : IValidatableObject
{
    public const string Section = "Catalog:Store";

    /// <summary>
    /// Which database holds the store: <see cref="StoreProviders.Sqlite"/> (one file, nothing to set up) or
    /// <see cref="StoreProviders.PostgreSql"/> (shared by any number of replicas).
    /// </summary>
    public string Provider { get; set; } = StoreProviders.Sqlite;

    /// <summary>The SQLite file; created with its folder when missing.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/catalog.db";

    /// <summary>
    /// A folder beside the database (the default home of the search index and uploaded files), so that pointing
    /// the server at another database never pairs it with the previous one's index or files.
    /// </summary>
    public string BesideDatabase(string name) => Path.Combine(DatabaseFolder, name);

    /// <summary>The absolute folder the SQLite file is in.</summary>
    public string DatabaseFolder => Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!;

    /// <summary>The PostgreSQL connection string (Npgsql's keywords); the password may come from <c>PGPASSWORD</c> instead.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>How long a writer waits for another writer's lock before failing.</summary>
    [Range(0, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 5_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StoreProviders.Find(Provider) is null)
            yield return new ValidationResult(StoreProviders.Unknown(Provider), [nameof(Provider)]);
        else if (StoreProviders.Find(Provider) == StoreProviders.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult(
                $"{Section}:ConnectionString is required when {Section}:Provider is {StoreProviders.PostgreSql}.", [nameof(ConnectionString)]);
    }
}
