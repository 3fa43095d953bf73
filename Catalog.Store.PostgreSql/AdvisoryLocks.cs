namespace Catalog.Store.PostgreSql;

/// <summary>
/// Keys of the advisory locks the provider takes. Advisory locks belong to the database they are taken in, so
/// two catalogs in one cluster never wait for each other.
/// </summary>
internal static class AdvisoryLocks
{
    /// <summary>Held for the whole of a migration run (session level): replicas starting together migrate once.</summary>
    public const long Migrations = 0x4D50_4353_0000_0001;

    /// <summary>
    /// Held by every transaction that appends to the change log or draws a listing id (transaction level),
    /// as SQLite's single writer is: change numbers then become visible in the order they were drawn, so a
    /// follower that read up to N never later finds a smaller number committed, and MAX(id) + 1 cannot race.
    /// </summary>
    public const long CatalogWrite = 0x4D50_4353_0000_0002;
}
