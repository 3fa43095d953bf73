using Catalog.Schema.Seeding;
using Catalog.Schema.Store;
using Catalog.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Commands;

public sealed class SeedCommand : ICatalogCommand
{
    public string Name => "seed";
    public string Synopsis => "seed [DIR]";
    public string Description => """
        Writes the seed catalog into the database, empty or not.
        DIR defaults to the Catalog:Server:SeedDirectory setting (seed-data). Writing the same seed twice
        changes nothing.
        """;

    public async Task<int> RunAsync(CommandContext context)
    {
        if (context.Arguments.Count > 1)
            return context.UsageError("seed takes at most one folder.");
        await using var host = await context.OpenHostAsync();
        var folder = context.Arguments.Count == 1 ? context.Arguments[0] : host.Get<IOptions<ServerOptions>>().Value.SeedDirectory;
        var directory = SeedDirectory.Find(folder, host.Environment.ContentRootPath);
        if (directory is null)
        {
            context.Error.WriteLine($"Seed folder '{folder}' not found.");
            return ExitCodes.Failed;
        }
        var started = context.Clock.GetTimestamp();
        var content = await host.Get<SeedLoader>().LoadAsync(directory, context.Cancellation);
        var result = await host.Get<ICatalogContentWriter>().WriteAsync(content, context.Cancellation);
        ImportCommand.PrintResult(context.Out, result);
        context.Out.WriteLine($"Seeded from {directory} in {CommandContext.Seconds(context.Clock.GetElapsedTime(started))}.");
        return ExitCodes.Ok;
    }
}
