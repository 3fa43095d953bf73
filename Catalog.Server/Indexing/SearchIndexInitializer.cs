using Catalog.Search;

namespace Catalog.Server.Indexing;

/// <summary>Before the server listens (after the store is migrated and seeded): the index catches up.</summary>
public sealed class SearchIndexInitializer(SearchIndexFollower follower, LuceneSearchIndex index, ILogger<SearchIndexInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (index.RecreatedBecause is { } reason)
            logger.LogWarning("Search index at {Path} was recreated: {Reason}", index.IndexPath, reason);
        await follower.CatchUpAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
