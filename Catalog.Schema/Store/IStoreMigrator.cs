namespace Catalog.Schema.Store;

/// <summary>Brings the store's schema to the newest numbered migration this build knows.</summary>
public interface IStoreMigrator
{
    /// <summary>The numbers of every migration this build knows, in order.</summary>
    IReadOnlyList<int> Known { get; }

    /// <returns>The numbers of the migrations applied now.</returns>
    Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct);

    /// <summary>The numbers of the migrations this build has and the database has not applied; changes nothing.</summary>
    Task<IReadOnlyList<int>> GetPendingAsync(CancellationToken ct);
}
