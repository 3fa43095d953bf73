using Catalog.Schema.Seeding;
using Catalog.Schema.Store;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Hosting;

/// <summary>
/// Before the server listens: brings the database schema up to date and, when the catalog is empty,
/// loads the seed catalog through the same write path as any import.
/// </summary>
public sealed class StoreInitializer(
    IStoreMigrator migrations, ICatalogStore store, SeedLoader seeds, ICatalogContentWriter writer,
    IOptions<ServerOptions> options, IHostEnvironment environment, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrations.MigrateAsync(cancellationToken);
        if (applied.Count > 0)
            logger.LogInformation("Applied migrations {Migrations}", applied);
        if (!await store.IsEmptyAsync(cancellationToken))
            return;
        var directory = SeedDirectory.Find(options.Value.SeedDirectory, environment.ContentRootPath);
        if (directory is null)
        {
            logger.LogWarning("The catalog is empty and no seed folder '{Seed}' was found; starting empty", options.Value.SeedDirectory);
            return;
        }
        var content = await seeds.LoadAsync(directory, cancellationToken);
        var result = await writer.WriteAsync(content, cancellationToken);
        logger.LogInformation("Seeded the empty catalog from {Seed}: {Listings} listings, {Warnings} warnings",
            directory, result.ListingsAdded, result.Warnings.Count);
        foreach (var warning in result.Warnings)
            logger.LogWarning("Seed: {Warning}", warning);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
