using Microsoft.Extensions.Options;

namespace Catalog.Server.Indexing;

/// <summary>
/// Writes by other processes (an import, another replica) reach this server's index within the poll
/// interval: it keeps following the change log while the server runs.
/// </summary>
public sealed class SearchIndexPoller(SearchIndexFollower follower, IOptions<IndexingOptions> options, TimeProvider clock, ILogger<SearchIndexPoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await follower.CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Search index catch-up failed; retrying at the next poll");
            }
        }
    }
}
