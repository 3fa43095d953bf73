using Catalog.Schema.Store;
using Catalog.Search;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Commands;

/// <summary>
/// <c>check</c>: compares the search index with the store, listing by listing, through the content fingerprint
/// each index document stores. Reads both and changes neither, so it is safe beside a running server.
/// </summary>
public sealed class CheckCommand : ICatalogCommand
{
    public string Name => "check";
    public string Synopsis => "check";
    public string Description => """
        Compares the search index with the store; exits 3 on any difference.
        Prints each difference: missing (a listing the index lacks), extra (an index document with no
        listing), stale (indexed content differs from the store). Changes nothing, so it is safe beside a
        running server; `reindex` repairs what it finds.
        """;

    public async Task<int> RunAsync(CommandContext context)
    {
        if (context.Arguments.Count > 0)
            return context.UsageError($"check takes no arguments, not '{context.Arguments[0]}'.");
        await using var host = await context.OpenHostAsync(migrate: false);
        var databasePath = Path.GetFullPath(host.Get<IOptions<StoreOptions>>().Value.DatabasePath);
        if (!File.Exists(databasePath))
        {
            context.Error.WriteLine($"There is no database at {databasePath}.");
            return ExitCodes.Failed;
        }
        var pending = await host.Get<IStoreMigrator>().GetPendingAsync(context.Cancellation);
        if (pending.Count > 0)
        {
            context.Error.WriteLine($"The database at {databasePath} lacks migrations {string.Join(", ", pending)}; start the server or run seed or import to apply them.");
            return ExitCodes.Failed;
        }

        var store = host.Get<ICatalogStore>();
        var storeChange = await store.GetChangeNumberAsync(context.Cancellation);
        // A write while this runs shows as a difference (and the change numbers printed say so); it never hides one.
        var index = LuceneSearchIndex.ReadContents(host.Get<IOptions<SearchOptions>>().Value.IndexPath);
        var comparison = await StoreIndexComparison.CompareAsync(store.StreamAllListingsAsync(context.Cancellation), index);

        context.Out.WriteLine($"Store: {comparison.StoreListings} listings at change {storeChange} ({databasePath}).");
        if (index.Unusable is { } reason)
        {
            context.Out.WriteLine($"Index: unusable: {reason}.");
            context.Out.WriteLine("1 difference. `reindex` rebuilds the index.");
            return ExitCodes.Differences;
        }
        var storeId = await store.GetStoreIdAsync(context.Cancellation);
        if (index.StoreId != storeId)
        {
            // Its change numbers count another store's writes, so comparing listings would mislead.
            context.Out.WriteLine($"Index: built from {(index.StoreId is null ? "a store it does not record" : $"another store ({index.StoreId})")}, not this one ({storeId}).");
            context.Out.WriteLine("1 difference. A server rebuilds such an index when it starts; `reindex` rebuilds it now.");
            return ExitCodes.Differences;
        }
        context.Out.WriteLine($"Index: {index.Listings.Count} listings at change {index.ChangeNumber}.");
        foreach (var difference in comparison.Differences)
            context.Out.WriteLine($"{difference.Kind.ToString().ToLowerInvariant(),-9} {difference.ListingId,8}  {difference.Detail}");
        if (comparison.Differences.Count == 0)
        {
            context.Out.WriteLine("Store and index agree.");
            return ExitCodes.Ok;
        }
        context.Out.WriteLine($"{comparison.Differences.Count} difference{(comparison.Differences.Count == 1 ? "" : "s")}. " +
                              (index.ChangeNumber < storeChange
                                  ? $"The index is {storeChange - index.ChangeNumber} changes behind the store: a running server catches up by itself; otherwise `reindex`."
                                  : "`reindex` rebuilds the index."));
        return ExitCodes.Differences;
    }
}
