using Catalog.Schema.Store;
using Catalog.Search;
using Catalog.Server.Indexing;

namespace Catalog.Server.Commands;

public sealed class ReindexCommand : ICatalogCommand
{
    public string Name => "reindex";
    public string Synopsis => "reindex";
    public string Description => """
        Rebuilds the search index from the store.
        Replaces whatever the index holds with every listing in the store, showing progress. The index folder
        has one writer: stop the server first (a running server follows the store by itself).
        """;

    public async Task<int> RunAsync(CommandContext context)
    {
        if (context.Arguments.Count > 0)
            return context.UsageError($"reindex takes no arguments, not '{context.Arguments[0]}'.");
        await using var host = await context.OpenHostAsync();
        var total = await host.Get<ICatalogStore>().CountListingsAsync(context.Cancellation);
        // Opening the index fails when another process holds it; CommandLine reports that.
        var follower = host.Get<SearchIndexFollower>();
        var progress = context.StartProgress("indexed", "listings", total);
        var (listings, changeNumber) = await follower.RebuildAsync(progress, context.Cancellation);
        progress.Complete();
        var index = host.Get<LuceneSearchIndex>();
        context.Out.WriteLine($"Reindexed {listings} listings at change {changeNumber} in {CommandContext.Seconds(progress.Elapsed)}; " +
                              $"the index holds {index.GetStatistics().Documents} documents in {index.IndexPath}.");
        return ExitCodes.Ok;
    }
}
