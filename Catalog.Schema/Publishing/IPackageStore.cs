namespace Catalog.Schema.Publishing;

/// <summary>
/// The publisher API's packages: drafts and their revisions, their history, and publication into the catalog
/// through the content writer in the same transaction. A write made from a stale read throws
/// <see cref="PackageChangedException"/> and changes nothing.
/// </summary>
public interface IPackageStore
{
    /// <summary>The package, or a listing the API has not managed yet as an unadopted record; null when neither exists.</summary>
    Task<PackageRecord?> GetAsync(int id, CancellationToken ct);

    /// <summary>A page of packages: a publisher's own, or (publisher null) every package and every listing without one.</summary>
    Task<(int Total, IReadOnlyList<PackageRecord> Page)> ListAsync(
        int? publisherId, IReadOnlyList<PackageSort> sort, int offset, int limit, CancellationToken ct);

    /// <summary>Packages with a revision in <paramref name="state"/> (the operator's approval queue), oldest change first.</summary>
    Task<IReadOnlyList<PackageRecord>> ListPendingAsync(string state, CancellationToken ct);

    Task<IReadOnlyList<PackageHistoryEntry>> GetHistoryAsync(int id, CancellationToken ct);

    /// <summary>
    /// A new package with a pending revision in <paramref name="state"/>; its id is reserved in the listings' id
    /// space for the listing it will become.
    /// </summary>
    Task<PackageRecord> CreateAsync(
        int? publisherId, PackageContent content, string state, IReadOnlyList<HistoryStep> steps, string actor, CancellationToken ct);

    /// <summary>Saves the pending revision in <paramref name="state"/> and records the steps that led there.</summary>
    Task<PackageRecord> SavePendingAsync(
        PackageRecord package, string state, PackageContent content, string message, IReadOnlyList<HistoryStep> steps, string actor,
        CancellationToken ct);

    /// <summary>Writes <paramref name="content"/> as the live listing, makes it the approved content and drops the pending revision.</summary>
    /// <returns>The store's change number after the write.</returns>
    Task<long> PublishAsync(PackageRecord package, PackageContent content, IReadOnlyList<HistoryStep> steps, string actor, CancellationToken ct);

    /// <summary>Deletes the live listing (unpublish; or remove, which also ends the package), keeping its counts for a later republication.</summary>
    /// <returns>The store's change number after the write.</returns>
    Task<long> TakeDownAsync(PackageRecord package, bool remove, string actor, string message, CancellationToken ct);

    /// <summary>Saves a publisher's profile and rewrites its live listings with it, in one transaction.</summary>
    /// <returns>The store's change number after the write.</returns>
    Task<long> SaveProfileAsync(Publisher publisher, CancellationToken ct);
}
